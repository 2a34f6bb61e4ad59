/// Postfix lines that are known and say nothing about attacks or traffic counts.
enum PostfixNoise {
    static let prefixes: [StaticString] = [
        "Anonymous TLS connection established", "Trusted TLS connection established",
        "Untrusted TLS connection established", "Verified TLS connection established",
        "SSL_accept error from ", "SSL_connect error to ", "TLS SNI ",
        "statistics: ", "daemon started", "refreshing the Postfix mail system", "reload ", "terminating on signal",
        "starting the Postfix mail system", "stopping the Postfix mail system",
        "connect to ", "host ", "Host offered STARTTLS", "setting up TLS connection",
        "sender non-delivery notification", "sender delivery status notification",
        "cache ", "table ", "dict_", "ignoring ", "message-id=", "Connection ", "improper command",
    ]

    static func parse(_ text: Bytes, into parsed: inout ParsedMessage) -> Bool {
        guard prefixes.contains(where: { text.hasPrefix($0) }) else { return false }
        parsed = ParsedMessage(.noise)
        return true
    }
}
