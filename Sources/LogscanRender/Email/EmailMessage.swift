import LogscanCore

/// The complete message for `sendmail -t`: RFC 5322 headers and a `multipart/alternative` body with a
/// `text/plain` and a `text/html` part, both UTF-8 and quoted-printable. Lines end in `\n` (sendmail
/// writes CRLF on the wire); none is longer than 78 octets in the headers or 76 in the body. The bodies are
/// written into the message as they are made (`write(to:)`), so a report of any size is never held whole.
public struct EmailMessage {
    /// Writes a part's text (the report) into the sink given, which encodes it.
    public typealias Body = (TextSink) -> Void

    public var from: MailAddress
    public var to: [MailAddress]
    public var subject: String
    public var date: Instant
    public var zone: Zone
    public var messageID: String
    public var plain: Body
    public var html: Body
    /// Starts with `=_`, which quoted-printable text can never contain, so no body line can match it.
    public var boundary: String

    public init(from: MailAddress, to: [MailAddress], subject: String, date: Instant, zone: Zone, domain: String,
                plain: String, html: String) {
        self.init(from: from, to: to, subject: subject, date: date, zone: zone, domain: domain,
                  plain: { $0.append(string: plain) }, html: { $0.append(string: html) })
    }

    public init(from: MailAddress, to: [MailAddress], subject: String, date: Instant, zone: Zone, domain: String,
                plain: @escaping Body, html: @escaping Body) {
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
        let sink = StringSink()
        write(to: sink)
        return sink.text
    }

    public func write(to sink: TextSink) {
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
        sink.append(string: headers.joined(separator: "\n") + "\n\n")
        sink.append(string: "This is a MIME message: the report as plain text and as HTML.\n")
        part(type: "text/plain", body: plain, to: sink)
        part(type: "text/html", body: html, to: sink)
        sink.append(string: "\n--\(boundary)--\n")
    }

    private func part(type: String, body: Body, to sink: TextSink) {
        sink.append(string: "\n--\(boundary)\n"
            + "Content-Type: \(type); charset=utf-8\n"
            + "Content-Transfer-Encoding: quoted-printable\n\n")
        let encoder = QuotedPrintableSink(to: sink)
        body(encoder)
        encoder.finish()
    }

    /// 16 hex digits from the system's random source.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() as UInt64
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
