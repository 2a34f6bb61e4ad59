/// Quoted-printable encoding as a stream: each line is encoded as soon as its newline arrives and handed
/// on, so an email part of any size is never held whole. `finish()` ends the part; the bytes are those
/// of `QuotedPrintable.encode` on the whole text, with a final newline.
public final class QuotedPrintableSink: TextSink {
    private let downstream: TextSink
    private var pending: [UInt8] = []
    private var wroteLine = false

    public init(to downstream: TextSink) { self.downstream = downstream }

    /// The text's bytes are taken a line's span at a time (a byte at a time, the class's exclusivity checks
    /// and the array's appends were more than half of a `--top 0` email's time: callgrind, stop 20).
    public func append(string text: String) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
                pending.append(contentsOf: bytes[start..<newline])
                emitPendingLine()
                start = newline + 1
            }
            pending.append(contentsOf: bytes[start...])
        }
    }

    /// Encodes what is left after the last newline (or an empty part) and ends it with a newline.
    public func finish() {
        if !pending.isEmpty || !wroteLine { emitPendingLine() }
    }

    private func emitPendingLine() {
        var content = pending[...]
        if content.last == UInt8(ascii: "\r") { content = content.dropLast() }
        var out: [UInt8] = []
        out.reserveCapacity(content.count + content.count / 8 + 2)
        QuotedPrintable.encode(line: content, into: &out)
        out.append(UInt8(ascii: "\n"))
        downstream.append(string: String(decoding: out, as: UTF8.self))
        pending.removeAll(keepingCapacity: true)
        wroteLine = true
    }
}
