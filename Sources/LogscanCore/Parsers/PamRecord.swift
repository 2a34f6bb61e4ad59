/// pam_unix's failure records (`authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=H  user=U`),
/// written for sshd, dovecot and any other PAM service.
enum PamRecord {
    /// pam_unix writes `rhost=` (set by sshd from the socket) before `user=` (the name the client sent),
    /// so the first ` rhost=` is the real one and the user runs to the end of the line.
    static func parse(_ kind: EventKind, _ text: Bytes) -> ParsedMessage {
        var parsed = ParsedMessage(kind)
        guard let (host, hostEnd) = MessageFields.keyValue(" rhost=", in: text, anchor: 2) else { return parsed }
        parsed.peer = Peer(bytes: host)
        if let userAt = text.firstRange(of: " user=", from: hostEnd) {
            var end = text.count
            while end > userAt + 6 && text[end - 1] == UInt8(ascii: " ") { end -= 1 }
            parsed.user = text.slice(userAt + 6, end)
        }
        return parsed
    }
}
