/// Dovecot lines that are known and say nothing about attacks.
enum DovecotNoise {
    static let prefixes: [StaticString] = [
        "Disconnected", "Logged out", "Connection closed", "Server shutting down", "master: ", "Killed with signal",
        "ssl-params: ", "config: ", "stats: ", "anvil: ", "log: ", "Dovecot v", "Debug: ",
    ]

    static func parse(_ text: Bytes, process: Bytes, into parsed: inout ParsedMessage) -> Bool {
        // imap(user)<pid><session> and pop3(user) lines are sessions after login (1.x: `IMAP(user)`).
        let session = process.hasPrefix("imap(") || process.hasPrefix("pop3(") || process.hasPrefix("managesieve(")
            || process.hasPrefix("submission(") || process.equals("master") || process.hasPrefix("IMAP(")
            || process.hasPrefix("POP3(")
        guard session || prefixes.contains(where: { text.hasPrefix($0) }) else { return false }
        parsed = ParsedMessage(.noise)
        return true
    }
}
