import LogscanCore

/// The complete message for `sendmail -t`: RFC 5322 headers and a `multipart/alternative` body with a
/// `text/plain` and a `text/html` part, both UTF-8 and quoted-printable. Lines end in `\n` (sendmail
/// writes CRLF on the wire); none is longer than 78 octets in the headers or 76 in the body.
public struct EmailMessage {
    public var from: MailAddress
    public var to: [MailAddress]
    public var subject: String
    public var date: Instant
    public var zone: Zone
    public var messageID: String
    public var plain: String
    public var html: String
    /// Starts with `=_`, which quoted-printable text can never contain, so no body line can match it.
    public var boundary: String

    public init(from: MailAddress, to: [MailAddress], subject: String, date: Instant, zone: Zone, domain: String,
                plain: String, html: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.date = date
        self.zone = zone
        let token = Self.randomToken()
        self.messageID = "<logscan.\(date.seconds).\(token)@\(domain)>"
        self.plain = plain
        self.html = html
        self.boundary = "=_logscan_" + Self.randomToken()
    }

    public func rendered() -> String {
        let headers = [
            HeaderEncoding.listField("From", [from.headerText]),
            HeaderEncoding.listField("To", to.map(\.headerText)),
            HeaderEncoding.field("Subject", subject),
            "Date: " + MailDate.format(date, zone: zone),
            "Message-ID: " + messageID,
            "MIME-Version: 1.0",
            "Auto-Submitted: auto-generated",
            "Content-Type: multipart/alternative;\n boundary=\"\(boundary)\"",
        ]
        var out = headers.joined(separator: "\n") + "\n\n"
        out += "This is a MIME message: the report as plain text and as HTML.\n"
        out += part(type: "text/plain", body: plain)
        out += part(type: "text/html", body: html)
        out += "\n--\(boundary)--\n"
        return out
    }

    private func part(type: String, body: String) -> String {
        var encoded = QuotedPrintable.encode(body)
        if !encoded.hasSuffix("\n") { encoded += "\n" }
        return "\n--\(boundary)\n"
            + "Content-Type: \(type); charset=utf-8\n"
            + "Content-Transfer-Encoding: quoted-printable\n\n"
            + encoded
    }

    /// 16 hex digits from the system's random source.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() as UInt64
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
