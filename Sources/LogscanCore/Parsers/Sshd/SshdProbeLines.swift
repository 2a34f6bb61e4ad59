/// Connections that end before authentication: scanners, banner grabbers, failed key exchanges, and
/// clients that close, reset or time out. Each reader writes `parsed` only when it recognises the line, and
/// says whether it did (`SshdParser.read`).
enum SshdProbeLines {
    /// `Connection closed by [authenticating user U |invalid user U ]H port P [preauth]`, `Connection reset
    /// by …` and `Disconnected from …`. They end a connection before authentication when they carry
    /// `[preauth]` or no user at all (the banner stage logs before the pre-auth child exists); with
    /// `user U` and no `[preauth]` they end a session and are noise.
    static func closed(_ text: Bytes, _ preauth: Bool, into parsed: inout ParsedMessage) -> Bool {
        // The wordings start with different bytes: a line is compared with those of its first byte only.
        let prefix = text.first == UInt8(ascii: "D") ? text.lengthOfPrefix("Disconnected from ")
            : text.lengthOfPrefix("Connection closed by ") ?? text.lengthOfPrefix("Connection reset by ")
        guard let prefixLength = prefix else { return false }
        guard let (peer, start) = MessageFields.trailingPeer(text) else { return false }
        let (preamble, user) = userBeforePeer(text, prefixLength, start)
        let beforeAuthentication = preauth || preamble != .authenticated
        parsed = ParsedMessage(beforeAuthentication ? .closedPreauth : .noise, peer: peer, user: user)
        return true
    }

    /// `Disconnecting [authenticating user U |invalid user U ]H port P: <reason>`. Too many failures is
    /// a limit marker; other reasons close the connection.
    static func disconnecting(_ text: Bytes, _ preauth: Bool, into parsed: inout ParsedMessage) -> Bool {
        guard text.hasPrefix("Disconnecting") else { return false }
        if text.hasPrefix("Disconnecting: "), let rest = text.after("Disconnecting: Too many authentication failures") {
            parsed = ParsedMessage(.tooManyFailures, user: rest.after(" for "))
            return true
        }
        guard let prefix = text.lengthOfPrefix("Disconnecting "), let (peer, start, colon) = peerBeforePortColon(text) else {
            return false
        }
        let user = userBeforePeer(text, prefix, start).1
        let tooMany = colon == text.count - 34 && endsWithTooManyFailures(text)
        parsed = ParsedMessage(tooMany ? .tooManyFailures : preauth ? .closedPreauth : .noise, peer: peer, user: user)
        return true
    }

    /// `Did not receive identification string from H[ port P]`
    static func noIdentification(_ text: Bytes, into parsed: inout ParsedMessage) -> Bool {
        guard text.hasPrefix("Did not receive identification string from ") else { return false }
        parsed = ParsedMessage(.noIdentification, peer: MessageFields.trailingPeer(text)?.peer)
        return true
    }

    /// `Received disconnect from H port P:N: <client text>`. The client chooses the text, so the address is
    /// read right after the fixed prefix. JSch's `Auth fail` means the client gave up after failing.
    static func receivedDisconnect(_ text: Bytes, _ preauth: Bool, into parsed: inout ParsedMessage) -> Bool {
        guard let rest = text.after("Received disconnect from ") else { return false }
        let peer = leadingPeer(rest)
        let authFail = text.hasSuffix(": Auth fail")
        parsed = ParsedMessage(authFail ? .authFailDisconnect : preauth ? .closedPreauth : .noise, peer: peer)
        return true
    }

    /// `Unable to negotiate with H port P: no matching <what> found. Their offer: <client text>`
    static func unableToNegotiate(_ text: Bytes, into parsed: inout ParsedMessage) -> Bool {
        if let rest = text.after("Unable to negotiate with ") {
            parsed = ParsedMessage(.negotiationFailed, peer: leadingPeer(rest))
            return true
        }
        guard text.hasPrefix("Unable to negotiate a key exchange method") else { return false }
        parsed = ParsedMessage(.negotiationFailed)
        return true
    }

    /// Scanners and broken clients: banner and identification errors, timeouts, penalties. The wordings are
    /// told apart by their first byte, so a line is compared only with those that can match it.
    static func scanner(_ text: Bytes, _ preauth: Bool, into parsed: inout ParsedMessage) -> Bool {
        guard let first = text.first else { return false }
        switch first {
        case UInt8(ascii: "d"):
            return text.hasPrefix("drop connection #") && penaltyDrop(text, into: &parsed)
        case UInt8(ascii: "s"):
            if text.hasPrefix("srclimit_penalise: ") {
                SshdPenalty.deferred(text, into: &parsed)
                return true
            }
            guard let prefix = text.lengthOfPrefix("ssh_dispatch_run_fatal: Connection from "),
                  let (peer, start, _) = peerBeforePortColon(text) else { return false }
            parsed = ParsedMessage(preauth ? .closedPreauth : .noise, peer: peer, user: userBeforePeer(text, prefix, start).1)
            return true
        default:
            guard let found = banner(text, first: first) else { return false }
            parsed = found
            return true
        }
    }

    /// The scanners' banner, protocol and timeout lines (rare: their parse is returned, not written in place).
    private static func banner(_ text: Bytes, first: UInt8) -> ParsedMessage? {
        switch first {
        case UInt8(ascii: "b"):
            return text.after("banner exchange: Connection from ").map { ParsedMessage(.badBanner, peer: leadingPeer($0)) }
        case UInt8(ascii: "k"):
            return text.hasPrefix("kex_exchange_identification: ") ? ParsedMessage(.kexFailed) : nil
        case UInt8(ascii: "B"):
            if text.hasPrefix("Bad protocol version identification ") {
                return ParsedMessage(.badProtocolVersion, peer: MessageFields.trailingPeer(text)?.peer)
            }
            return text.hasPrefix("Bad remote protocol version identification: ") ? ParsedMessage(.badProtocolVersion) : nil
        case UInt8(ascii: "T"):
            if let rest = text.after("Timeout before authentication for connection from ") {
                return ParsedMessage(.preauthTimeout, peer: leadingPeer(rest))
            }
            return text.hasPrefix("Timeout before authentication for ")
                ? ParsedMessage(.preauthTimeout, peer: MessageFields.trailingPeer(text)?.peer) : nil
        case UInt8(ascii: "P"):
            return text.after("Protocol major versions differ for ").map { ParsedMessage(.badProtocolVersion, peer: leadingPeer($0)) }
        default:
            return nil
        }
    }

    /// `drop connection #N from [H]:P on [L]:P penalty: <reason>` (OpenSSH 9.8+): the first ` from [`.
    static func penaltyDrop(_ text: Bytes, into parsed: inout ParsedMessage) -> Bool {
        // The usual line: the digits of N, then ` from [` and a dotted quad up to its `]` (the first ` from [`
        // of the line, as the prefix holds none).
        var i = 17
        while i < text.count && isDigit(text[i]) { i += 1 }
        if text.suffix(from: i).hasPrefix(" from ["),
           let (ip, _) = DottedQuad.field(text, from: i + 7, before: UInt8(ascii: "]"), orEnd: false) {
            parsed = ParsedMessage(.penaltyDrop, peer: .ip(ip))
            return true
        }
        guard let open = text.firstRange(of: " from ["),
              let close = text.firstIndex(of: UInt8(ascii: "]"), from: open + 7) else { return false }
        parsed = ParsedMessage(.penaltyDrop, peer: Peer(bytes: text.slice(open + 7, close)))
        return true
    }

    // MARK: shared shapes

    /// What sshd writes between a prefix and the peer: nothing before authentication has begun,
    /// `authenticating user U ` or `invalid user U ` during it, `user U ` after it.
    enum Preamble { case none, authenticating, invalid, authenticated, unknown }

    /// The preamble and the user between a prefix and the peer. Inlined into its readers (`closed`,
    /// `disconnecting`, …): as a call it cost about 16 instructions a reading more (auth cut, json: 195.27 M
    /// → 194.95 M instructions for its 19,470 readings, callgrind, two runs each).
    @inline(__always)
    static func userBeforePeer(_ text: Bytes, _ prefixLength: Int, _ peerStart: Int) -> (Preamble, Bytes?) {
        guard peerStart > prefixLength else { return (.none, nil) }
        let field = text.slice(prefixLength, peerStart - 1)
        if let user = field.after("authenticating user ") { return (.authenticating, user) }
        if let user = field.after("invalid user ") { return (.invalid, user) }
        if let user = field.after("user ") { return (.authenticated, user) }
        return (.unknown, nil)
    }

    /// The peer in `… H port P: <server reason>`: the last ` port <digits>:` of the line.
    static func peerBeforePortColon(_ text: Bytes) -> (Peer, Int, Int)? {
        if let found = peerBeforeTooManyFailures(text) { return found }
        return peerBeforeLastPortColon(text)
    }

    /// `peerBeforePortColon` for the usual reason, `: Too many authentication failures` at the end: the
    /// reason holds no ` port `, so the last one of the line is the one that ends right before it, found
    /// without the backward search (about 470 instructions a line before, callgrind on the auth cut). `nil`
    /// when the line has another reason or that port is not after a peer (the search then goes further back).
    @inline(__always)
    static func peerBeforeTooManyFailures(_ text: Bytes) -> (Peer, Int, Int)? {
        guard endsWithTooManyFailures(text) else { return nil }
        let colon = text.count - 34
        guard let portAt = MessageFields.trailingPort(text.prefix(colon)),
              let (peer, start) = MessageFields.trailingPeer(text.prefix(portAt)) else { return nil }
        return (peer, start, colon)
    }

    /// Whether `text` ends with `: Too many authentication failures`.
    @inline(__always)
    static func endsWithTooManyFailures(_ text: Bytes) -> Bool {
        text.hasSuffix(": Too many authentication failures")
    }

    /// `peerBeforePortColon` by searching back for each ` port ` in turn.
    static func peerBeforeLastPortColon(_ text: Bytes) -> (Peer, Int, Int)? {
        var limit = text.count
        while let portAt = text.lastRange(of: " port ", endingBy: limit) {
            var i = portAt + 6
            while i < text.count && isDigit(text[i]) { i += 1 }
            if i > portAt + 6, i < text.count, text[i] == UInt8(ascii: ":"),
               let (peer, start) = MessageFields.trailingPeer(text.prefix(portAt)) {
                return (peer, start, i)
            }
            limit = portAt + 5
        }
        return nil
    }

    /// The address at the start of `rest` (right after a fixed prefix), ending at a space, or at a colon
    /// for IPv4 and host names.
    static func leadingPeer(_ rest: Bytes) -> Peer? {
        // The usual peer, a dotted quad up to its space (or the end), is the whole token.
        if let (ip, _) = DottedQuad.field(rest, from: 0, before: UInt8(ascii: " "), orEnd: true) { return .ip(ip) }
        let end = rest.firstIndex(of: UInt8(ascii: " ")) ?? rest.count
        let token = rest.prefix(end)
        // `1.2.3.4:` (old `Received disconnect from 1.2.3.4: 11: …`); an IPv6 address may end in a colon too.
        if token.hasSuffix(":"), let peer = Peer(bytes: token.dropLast(1)) { return peer }
        return Peer(bytes: token)
    }
}
