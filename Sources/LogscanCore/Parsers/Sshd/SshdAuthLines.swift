/// sshd's authentication verdicts: `Failed`, `Accepted`, `Invalid user`, `not allowed`, `ROOT LOGIN
/// REFUSED`, `maximum authentication attempts exceeded` and tcp wrappers' `refused connect`. Each reader
/// writes `parsed` only when it recognises the line, and says whether it did (`SshdParser.read`).
enum SshdAuthLines {
    /// `Failed <method> for [invalid user ]U from H port P ssh2[: <key>]`
    static func failed(_ text: Bytes, into parsed: inout ParsedMessage) -> Bool {
        guard let start = text.lengthOfPrefix("Failed "), let attempt = methodUserPeer(text, prefixLength: start) else {
            return false
        }
        let kind: EventKind
        let method = attempt.method
        if method.equals("password") {
            kind = .failedPassword
        } else if method.hasPrefix("keyboard-interactive") {
            kind = .failedKeyboardInteractive
        } else if method.equals("publickey") {
            kind = attempt.validity == .invalid ? .failedPublickey : .keyProbe
        } else if method.equals("none") {
            kind = .failedNone
        } else {
            kind = .failedOtherMethod
        }
        parsed = ParsedMessage(kind, peer: attempt.peer, user: attempt.user, validity: attempt.validity, method: method)
        return true
    }

    /// `Accepted <method> for U from H port P ssh2[: <key>]`
    static func accepted(_ text: Bytes, into parsed: inout ParsedMessage) -> Bool {
        guard let start = text.lengthOfPrefix("Accepted "), let attempt = methodUserPeer(text, prefixLength: start) else {
            return false
        }
        parsed = ParsedMessage(.accepted, peer: attempt.peer, user: attempt.user, validity: .valid, method: attempt.method)
        return true
    }

    /// `Invalid user U from H[ port P]` (`Illegal user` before OpenSSH 3.8).
    static func invalidUser(_ text: Bytes, into parsed: inout ParsedMessage) -> Bool {
        guard let prefix = text.lengthOfPrefix("Invalid user ") ?? text.lengthOfPrefix("Illegal user "),
              let (peer, start) = MessageFields.trailingPeer(text),
              let user = MessageFields.user(before: start, in: text, after: prefix) else { return false }
        parsed = ParsedMessage(.invalidUser, peer: peer, user: user, validity: .invalid)
        return true
    }

    /// `User U from H not allowed because <reason>`, or `User U not allowed because <reason>` for the
    /// reasons about the account itself (locked, shell, nologin), which sshd writes without a host. The
    /// reason is sshd's own text, so the last ` not allowed because ` is the real one.
    static func notAllowed(_ text: Bytes, into parsed: inout ParsedMessage) -> Bool {
        let marker: StaticString = " not allowed because "
        guard text.hasPrefix("User "), let reasonAt = text.lastRange(of: marker) else { return false }
        let reason = text.suffix(from: reasonAt + marker.utf8CodeUnitCount)
        if reason.hasPrefix("account is locked") || reason.hasPrefix("shell ") || reason.hasSuffix(" exists") {
            parsed = ParsedMessage(.userNotAllowed, user: text.slice(5, reasonAt), validity: .valid)
            return true
        }
        guard let (peer, start) = MessageFields.trailingPeer(text.prefix(reasonAt)),
              let user = MessageFields.user(before: start, in: text, after: 5) else { return false }
        parsed = ParsedMessage(.userNotAllowed, peer: peer, user: user, validity: .valid)
        return true
    }

    /// `ROOT LOGIN REFUSED FROM H[ port P]`
    static func rootRefused(_ text: Bytes, into parsed: inout ParsedMessage) -> Bool {
        guard let prefix = text.lengthOfPrefix("ROOT LOGIN REFUSED FROM "),
              let (peer, start) = MessageFields.trailingPeer(text), start == prefix else { return false }
        parsed = ParsedMessage(.rootLoginRefused, peer: peer, user: Bytes("root"), validity: .valid)
        return true
    }

    /// `maximum authentication attempts exceeded for [invalid user ]U from H port P ssh2`
    static func maxAttempts(_ text: Bytes, into parsed: inout ParsedMessage) -> Bool {
        guard text.hasPrefix("maximum authentication attempts exceeded for ") else { return false }
        let prefix = 45
        let tail = MessageFields.dropping(" ssh2", from: text).0
        guard let (peer, start) = MessageFields.trailingPeer(tail, portRequired: true),
              let userField = MessageFields.user(before: start, in: tail, after: prefix) else { return false }
        let (user, validity) = splitInvalidUser(userField)
        parsed = ParsedMessage(.maxAttemptsExceeded, peer: peer, user: user, validity: validity)
        return true
    }

    /// `refused connect from H (ADDR)` from libwrap, or `refused connect from ADDR`.
    static func refusedConnect(_ text: Bytes, into parsed: inout ParsedMessage) -> Bool {
        guard let rest = text.after("refused connect from ") else { return false }
        if rest.hasSuffix(")"), let open = rest.lastIndex(of: UInt8(ascii: "(")),
           let peer = Peer(bytes: rest.slice(open + 1, rest.count - 1)) {
            parsed = ParsedMessage(.refusedConnect, peer: peer)
            return true
        }
        let end = rest.firstIndex(of: UInt8(ascii: " ")) ?? rest.count
        guard let peer = Peer(bytes: rest.prefix(end)) else { return false }
        parsed = ParsedMessage(.refusedConnect, peer: peer)
        return true
    }

    // MARK: shared shape

    struct MethodUserPeer {
        var method: Bytes
        var user: Bytes
        var validity: UserValidity
        var peer: Peer
    }

    /// `<method> for [invalid user ]U from H port P ssh2[: <key info>]`, after a fixed prefix. The
    /// address is the one before the last ` port N ssh2`: the user name comes earlier and cannot move it.
    /// Older sshd wrote `… port P ssh1`, `… port P` or no port at all, and SSH-1's rhosts methods add the
    /// client's own user name (` ruser R` or `: ruser R`) after the port.
    @inline(__always)
    static func methodUserPeer(_ text: Bytes, prefixLength: Int) -> MethodUserPeer? {
        guard let forAt = forAfterUsualMethod(text, prefixLength) ?? text.firstRange(of: " for ", anchor: 1, from: prefixLength) else {
            return nil
        }
        let method = text.slice(prefixLength, forAt)
        let rhosts = method.equals("rhosts") || method.equals("rhosts-rsa")
        guard let tail = rhosts ? droppingRemoteUser(text) : droppingProtocol(text),
              let (peer, start) = MessageFields.trailingPeer(tail),
              let userField = MessageFields.user(before: start, in: tail, after: forAt + 5) else { return nil }
        let (user, validity) = splitInvalidUser(userField)
        return MethodUserPeer(method: method, user: user, validity: validity == .unknown ? .valid : validity,
                              peer: peer)
    }

    /// Where ` for ` starts after `password` or `publickey`, the methods sshd writes most, compared in place
    /// rather than searched for: the search's answer, as a method holds no space. `nil` for any other method
    /// (comparing the rarer ones too grew `failed` past the size at which its trailing peer is inlined).
    @inline(__always)
    static func forAfterUsualMethod(_ text: Bytes, _ start: Int) -> Int? {
        let rest = text.suffix(from: start)
        if rest.hasPrefix("password for ") { return start + 8 }
        return rest.hasPrefix("publickey for ") ? start + 9 : nil
    }

    /// The line without ` ssh2` or ` ssh1` and the `: <key info>` sshd writes after it.
    @inline(__always)
    static func droppingProtocol(_ text: Bytes) -> Bytes {
        // The usual line: ` ssh2` at the very end is also its last ` ssh2`.
        if text.hasSuffix(" ssh2") { return text.dropLast(5) }
        if let at = ssh2BeforeKey(text) { return text.prefix(at) }
        return droppingLastProtocol(text)
    }

    /// Where ` ssh2` starts in `… ssh2: TYPE FINGERPRINT`, the key sshd writes after a public key's method (two
    /// words without a space): found from the line's last two spaces, it is the line's last ` ssh2` when neither
    /// of them starts another, instead of comparing at every space from the end (three `memrchr` and `bcmp`
    /// calls on the usual key). `nil` for any other shape (`droppingLastProtocol` reads it).
    static func ssh2BeforeKey(_ text: Bytes) -> Int? {
        guard let last = text.lastIndex(of: UInt8(ascii: " ")),
              let before = text.lastIndex(of: UInt8(ascii: " "), before: last),
              before >= 6, text.slice(before - 6, before).equals(" ssh2:"),
              !text.suffix(from: before).hasPrefix(" ssh2"), !text.suffix(from: last).hasPrefix(" ssh2") else { return nil }
        return before - 6
    }

    /// The line without its last ` ssh2` or ` ssh1` that the end or a `:` follows, and what comes after it.
    static func droppingLastProtocol(_ text: Bytes) -> Bytes {
        for marker in [" ssh2", " ssh1"] as [StaticString] {
            if let at = text.lastRange(of: marker), at + 5 == text.count || text[at + 5] == UInt8(ascii: ":") {
                return text.prefix(at)
            }
        }
        return text
    }

    /// SSH-1's rhosts methods end with the client's own user name (` ruser R`, or `ssh1: ruser R`), which
    /// the client chooses, as it chooses U: a line where the marker is not unique is ambiguous, not read.
    static func droppingRemoteUser(_ text: Bytes) -> Bytes? {
        guard let at = text.firstRange(of: " ruser "), text.lastRange(of: " ruser ") == at else { return nil }
        var head = text.prefix(at)
        if head.hasSuffix(":") { head = head.dropLast(1) }
        return head.hasSuffix(" ssh1") ? head.dropLast(5) : head
    }

    @inline(__always)
    static func splitInvalidUser(_ field: Bytes) -> (Bytes, UserValidity) {
        if let user = field.after("invalid user ") ?? field.after("illegal user ") { return (user, .invalid) }
        return (field, .unknown)
    }
}
