import LogscanCore

/// The rows of tables that `DeferredRows` kept out of the report's tree (`--format json --top 0` on a
/// million addresses): `PrettyJSONWriter` asks, for each string it writes, whether it is a placeholder
/// (`"\u{0}deferred-rows:N"`), and if so writes table N's rows in its place, each encoded into a small tree
/// when its turn comes and dropped after, so the rows never coexist.
struct DeferredRowsWriter {
    let tables: [DeferredRows.Table]

    private static let marker = Array(DeferredRows.marker.utf8)

    /// The table a placeholder stands for; nil for any other string (a NUL cannot start report text, which
    /// `SafeText` escaped, so the first byte settles almost every string).
    func table(for text: String) -> DeferredRows.Table? {
        guard text.utf8.first == 0, !tables.isEmpty else { return nil }
        var index = 0
        var digits = 0
        for (position, byte) in text.utf8.enumerated() {
            if position < Self.marker.count {
                guard byte == Self.marker[position] else { return nil }
                continue
            }
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") && digits < 9 else { return nil }
            index = index * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
        }
        return digits > 0 && index < tables.count ? tables[index] : nil
    }

    /// Row `index` of `table` as a tree.
    func row(_ index: Int, of table: DeferredRows.Table) throws -> JSONValue {
        try JSONTreeEncoder.tree(EncodedRow(index: index, table: table))
    }

    /// Where `needle` first occurs in `haystack` at or after `start`.
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

/// Row `index` of a deferred table, as an `Encodable` value.
private struct EncodedRow: Encodable {
    let index: Int
    let table: DeferredRows.Table

    func encode(to encoder: Encoder) throws { try table.encodeRow(index, encoder) }
}
