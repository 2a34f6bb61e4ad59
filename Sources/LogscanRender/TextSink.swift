/// Where a report goes as it is made: the output, an email part's quoted-printable encoder, or a string.
/// Text and HTML reports write their large tables row by row into it instead of building one string.
public protocol TextSink: AnyObject {
    func append(string text: String)
}

extension OutputBuffer: TextSink {}

/// Keeps what is written, for a caller that wants the whole report as one string.
final class StringSink: TextSink {
    private(set) var text = ""

    func append(string text: String) { self.text += text }
}
