/// PAM's lines in sshd's log: sshd's own `PAM: …` errors, and pam_unix's `authentication failure` and
/// `N more authentication failures` records. Each reader writes `parsed` only when it recognises the line,
/// and says whether it did (`SshdParser.read`).
enum SshdPamLines {
    /// `PAM: <pam_strerror text> for [illegal user ]U from H` (auth-pam.c). Linux-PAM says `Authentication
    /// failure` and `User not known to the underlying authentication module`, OpenPAM (FreeBSD, macOS)
    /// `authentication error` and `unknown user`; the first letter's case differs between versions, so it is
    /// read either way. Apple's sshd adds ` via <local address>` after the client's.
    static func pamError(_ text: Bytes, into parsed: inout ParsedMessage) -> Bool {
        guard text.count > 6, text.hasPrefix("PAM: ") else { return false }
        let wording = text.suffix(from: 6)
        let kind: EventKind
        let wordingLength: Int
        switch text[5] | 0x20 {
        case UInt8(ascii: "a"):
            guard let length = wording.lengthOfPrefix("uthentication failure for ")
                    ?? wording.lengthOfPrefix("uthentication error for ") else { return false }
            (kind, wordingLength) = (.pamAuthFailure, length)
        case UInt8(ascii: "u"):
            guard let length = wording.lengthOfPrefix("ser not known to the underlying authentication module for ")
                    ?? wording.lengthOfPrefix("nknown user for ") else { return false }
            (kind, wordingLength) = (.pamUserUnknown, length)
        default:
            return false
        }
        let prefixLength = 6 + wordingLength
        guard let (userField, peer) = userAndClient(text, after: prefixLength) else { return false }
        var (user, validity) = SshdAuthLines.splitInvalidUser(userField)
        if kind == .pamUserUnknown { validity = .invalid }
        parsed = ParsedMessage(kind, peer: peer, user: user, validity: validity)
        return true
    }

    /// `U from H` at the end of `text`, or `U from H via L` (the client is H; L is the server's own address).
    static func userAndClient(_ text: Bytes, after prefixLength: Int) -> (Bytes, Peer)? {
        if let (peer, start) = MessageFields.trailingPeer(text),
           let user = MessageFields.user(before: start, in: text, after: prefixLength) {
            return (user, peer)
        }
        guard let viaAt = text.lastRange(of: " via "), Peer(bytes: text.suffix(from: viaAt + 5)) != nil else { return nil }
        let client = text.prefix(viaAt)
        guard let (peer, start) = MessageFields.trailingPeer(client),
              let user = MessageFields.user(before: start, in: client, after: prefixLength) else { return nil }
        return (user, peer)
    }

    /// `PAM N more authentication failure[s]; logname= uid=0 euid=0 tty=ssh ruser= rhost=H[  user=U]`,
    /// or the same without `PAM ` under the old `sshd(pam_unix)` tag.
    static func pamMore(_ text: Bytes, into parsed: inout ParsedMessage) -> Bool {
        let start = text.lengthOfPrefix("PAM ") ?? 0
        guard let spaceAt = text.firstIndex(of: UInt8(ascii: " "), from: start),
              let count = text.slice(start, spaceAt).decimalValue,
              text.suffix(from: spaceAt).hasPrefix(" more authentication failure") else { return false }
        // ` more authentication failure`, then `s;` or `;` (pam_unix writes `failure%s;`).
        let afterFailure = spaceAt + 28
        let rest = text.suffix(from: afterFailure)
        let semicolon = rest.hasPrefix("s;") ? 2 : rest.hasPrefix(";") ? 1 : 0
        PamRecord.parse(.pamMoreFailures, text, fixedLength: fixedWords(text, upTo: afterFailure + semicolon), into: &parsed)
        parsed.count = count
        return true
    }

    /// `pam_unix(sshd:auth): authentication failure; … rhost=H[  user=U]`, or the same without the
    /// `pam_unix(sshd:auth): ` part under the `sshd(pam_unix)` tag.
    static func pamUnixFailure(_ text: Bytes, into parsed: inout ParsedMessage) -> Bool {
        let record = text.after("pam_unix(sshd:auth): ") ?? text
        guard record.hasPrefix("authentication failure;") else { return false }
        PamRecord.parse(.pamUnixFailure, record, fixedLength: fixedWords(record, upTo: 23), into: &parsed)
        return true
    }

    /// How much of a record is fixed words, which hold no ` rhost=`: the `length` its caller matched, and the
    /// words pam_unix writes next for sshd (` logname= uid=0 euid=0 tty=ssh ruser=`) when they follow, so the
    /// search for ` rhost=` starts right at it rather than stopping at the `h` of `ssh` first.
    @inline(__always)
    static func fixedWords(_ record: Bytes, upTo length: Int) -> Int {
        let rest = record.suffix(from: length)
        return rest.hasPrefix(" logname= uid=0 euid=0 tty=ssh ruser=") ? length + 37 : length
    }
}
