#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LogscanCore

/// Copies a pretty-printed JSON skeleton to the output, replacing each `DeferredRows` placeholder string
/// (`"\u0000deferred-rows:N"`) with table N's rows, each encoded on its own and indented as `JSONEncoder`
/// would have indented it in place.
struct DeferredRowsWriter {
    let tables: [DeferredRows.Table]
    let rowEncoder: JSONEncoder
    let output: OutputBuffer

    /// The placeholder as `JSONEncoder` writes it: the NUL escaped.
    static let token = Array("\"\\u0000".utf8) + Array(DeferredRows.marker.utf8.dropFirst())

    func write(_ skeleton: [UInt8]) throws {
        var copied = 0
        var searchFrom = 0
        while let at = Self.find(Self.token, in: skeleton, from: searchFrom) {
            var end = at + Self.token.count
            var index = 0
            while end < skeleton.count, skeleton[end] != UInt8(ascii: "\"") {
                index = index * 10 + Int(skeleton[end] &- 48)
                end += 1
            }
            guard end < skeleton.count, index < tables.count else {
                searchFrom = at + 1
                continue
            }
            output.append(Array(skeleton[copied..<at]))
            try writeRows(tables[index], indent: Self.indent(before: at, in: skeleton))
            copied = end + 1
            searchFrom = copied
        }
        output.append(Array(skeleton[copied...]))
    }

    /// `[`, each row re-indented one level deeper than the key that holds them, `]`.
    private func writeRows(_ table: DeferredRows.Table, indent: Int) throws {
        let inner = [UInt8](repeating: UInt8(ascii: " "), count: indent + 2)
        output.append("[" as StaticString)
        for index in 0..<table.count {
            let row = [UInt8](try rowEncoder.encode(EncodedRow(index: index, table: table)))
            output.append((index == 0 ? "\n" : ",\n") as StaticString)
            output.append(inner)
            for byte in row {
                output.appendByte(byte)
                if byte == UInt8(ascii: "\n") { output.append(inner) }
            }
        }
        output.append("\n" as StaticString)
        output.append([UInt8](repeating: UInt8(ascii: " "), count: indent))
        output.append("]" as StaticString)
    }

    /// The spaces that start the line holding `position`.
    static func indent(before position: Int, in bytes: [UInt8]) -> Int {
        var lineStart = position
        while lineStart > 0 && bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        var spaces = 0
        while bytes[lineStart + spaces] == UInt8(ascii: " ") { spaces += 1 }
        return spaces
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var at = start
        while at <= haystack.count - needle.count {
            if haystack[at] == first && haystack[at..<(at + needle.count)].elementsEqual(needle) { return at }
            at += 1
        }
        return nil
    }
}

/// Row `index` of a deferred table, as something `JSONEncoder` can encode.
private struct EncodedRow: Encodable {
    let index: Int
    let table: DeferredRows.Table

    func encode(to encoder: Encoder) throws { try table.encodeRow(index, encoder) }
}
