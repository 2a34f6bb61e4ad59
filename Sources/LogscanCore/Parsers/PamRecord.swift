/// pam_unix's failure records (`authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=H  user=U`),
/// written for sshd, dovecot and any other PAM service.
enum PamRecord {
    /// pam_unix writes `rhost=` (set by sshd from the socket) before `user=` (the name the client sent),
    /// so the first ` rhost=` is the real one and the user runs to the end of the line. `fixedLength` is how
    /// much of `text` the caller has matched as the record's own fixed words (`authentication failure;`),
    /// which hold no ` rhost=`: the search starts after them.
    @inline(__always)
    static func parse(_ kind: EventKind, _ text: Bytes, fixedLength: Int = 0) -> ParsedMessage {
        var parsed = ParsedMessage(kind)
        parse(kind, text, fixedLength: fixedLength, into: &parsed)
        return parsed
    }

    /// `parse` written into `parsed` (all of it), for a parser that fills its caller's message in place.
    @inline(__always)
    static func parse(_ kind: EventKind, _ text: Bytes, fixedLength: Int = 0, into parsed: inout ParsedMessage) {
        parsed = ParsedMessage(kind)
        guard let at = text.firstRange(of: " rhost=", anchor: 2, from: fixedLength) else { return }
        let hostEnd: Int
        // The usual host, a dotted quad, is read in place up to its space.
        if let (ip, end) = DottedQuad.field(text, from: at + 7, before: UInt8(ascii: " "), orEnd: true) {
            (parsed.peer, hostEnd) = (.ip(ip), end)
        } else {
            hostEnd = text.firstIndex(of: UInt8(ascii: " "), from: at + 7) ?? text.count
            parsed.peer = Peer(bytes: text.slice(at + 7, hostEnd))
        }
        // pam_unix writes the user field right after the host, after one space or two.
        let rest = text.suffix(from: hostEnd)
        let userNext = rest.hasPrefix(" user=") ? hostEnd : rest.hasPrefix("  user=") ? hostEnd + 1 : nil
        if let userAt = userNext ?? text.firstRange(of: " user=", from: hostEnd) {
            var end = text.count
            while end > userAt + 6 && text[end - 1] == UInt8(ascii: " ") { end -= 1 }
            parsed.user = text.slice(userAt + 6, end)
        }
    }
}
