/// Quoted-printable encoding as a stream: each line is encoded as soon as its newline arrives and handed
/// on, so an email part of any size is never held whole. `finish()` ends the part; the bytes are those
/// of `QuotedPrintable.encode` on the whole text, with a final newline.
public final class QuotedPrintableSink: TextSink {
    private let downstream: TextSink
    private var pending: [UInt8] = []
    private var wroteLine = false

    public init(to downstream: TextSink) { self.downstream = downstream }

    public func append(string text: String) {
        for byte in text.utf8 {
            guard byte == UInt8(ascii: "\n") else {
                pending.append(byte)
                continue
            }
            emitPendingLine()
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
