import LogscanCore

/// Parts of a text or HTML report written only when the output reaches them: a table of a million rows
/// is not rendered into the template's output, where it would be held whole, but stands there as a
/// placeholder line, and `write` puts the part's lines in that line's place, made and written one at a
/// time. (JSON has the same scheme in `DeferredRows`.)
final class DeferredParts {
    /// Starts every placeholder; a NUL cannot come from the report's text, which `SafeText` escaped.
    static let marker = "\u{0}deferred-part:"
    private static let markerBytes = Array(marker.utf8)
    private static let newline = UInt8(ascii: "\n")

    /// Writes a part as whole lines, each ending in a newline. `indent` is what stood before the
    /// placeholder on its line (a Mustache partial's indentation), for the part to start its lines with.
    typealias Writer = (_ indent: String, _ sink: TextSink) -> Void

    private var writers: [Writer] = []

    /// The text that stands for the part until `write` replaces its line.
    func placeholder(_ writer: @escaping Writer) -> String {
        writers.append(writer)
        return Self.marker + String(writers.count - 1)
    }

    /// Copies `rendered` to `sink` with each placeholder's line replaced by its part.
    func write(_ rendered: String, to sink: TextSink) {
        guard !writers.isEmpty else { return sink.append(string: rendered) }
        let bytes = Array(rendered.utf8)
        var copied = 0
        var searchFrom = 0
        while let found = DeferredRowsWriter.find(Self.markerBytes, in: bytes, from: searchFrom) {
            let digits = found + Self.markerBytes.count
            var end = digits
            var index = 0
            while end < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) {
                index = index *| 10 +| Int(bytes[end] - UInt8(ascii: "0"))
                end += 1
            }
            guard end > digits, index < writers.count else {
                searchFrom = found + 1
                continue
            }
            var lineStart = found
            while lineStart > copied && bytes[lineStart - 1] != Self.newline { lineStart -= 1 }
            sink.append(string: String(decoding: bytes[copied..<lineStart], as: UTF8.self))
            writers[index](String(decoding: bytes[lineStart..<found], as: UTF8.self), sink)
            if end < bytes.count && bytes[end] == Self.newline { end += 1 }
            copied = end
            searchFrom = end
        }
        sink.append(string: String(decoding: bytes[copied...], as: UTF8.self))
    }
}
