/// Dovecot lines that are known and say nothing about attacks.
enum DovecotNoise {
    static let prefixes: [StaticString] = [
        "Disconnected", "Logged out", "Connection closed", "Server shutting down", "master: ", "Killed with signal",
        "ssl-params: ", "config: ", "stats: ", "anvil: ", "log: ", "Dovecot v", "Debug: ",
    ]

    static func parse(_ text: Bytes, process: Bytes) -> ParsedMessage? {
        // imap(user)<pid><session> and pop3(user) lines are sessions after login (1.x: `IMAP(user)`).
        if process.hasPrefix("imap(") || process.hasPrefix("pop3(") || process.hasPrefix("managesieve(")
            || process.hasPrefix("submission(") || process.equals("master") || process.hasPrefix("IMAP(")
            || process.hasPrefix("POP3(") {
            return ParsedMessage(.noise)
        }
        return prefixes.contains { text.hasPrefix($0) } ? ParsedMessage(.noise) : nil
    }
}
