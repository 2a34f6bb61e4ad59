/// A table's rows, made on demand from the aggregate they rank: row `i` is built when it is encoded and
/// dropped after, so `--format json --top 0` on a million addresses never holds a million rows.
public struct LazyRows<Row>: @unchecked Sendable {
    public let count: Int
    public let make: (Int) -> Row

    public init(count: Int, make: @escaping (Int) -> Row) {
        self.count = count
        self.make = make
    }
}

/// Set in an encoder's `userInfo` under `DeferredRows.key`, it makes every table with lazy rows encode a
/// placeholder string instead of its rows, and keeps the rows here: the renderer encodes the small rest of
/// the report as usual (same key order and options), then writes each table's rows one by one where its
/// placeholder stands.
public final class DeferredRows: @unchecked Sendable {
    public static let key = CodingUserInfoKey(rawValue: "logscan.deferredRows")!
    /// Starts every placeholder; a NUL cannot come from the report's text, which `SafeText` escaped.
    public static let marker = "\u{0}deferred-rows:"

    public struct Table {
        public let count: Int
        /// Encodes row `index` into the encoder given.
        public let encodeRow: (Int, Encoder) throws -> Void
    }

    public private(set) var tables: [Table] = []

    public init() {}

    func placeholder<Row: Encodable>(for rows: LazyRows<Row>) -> String {
        tables.append(Table(count: rows.count) { index, encoder in try rows.make(index).encode(to: encoder) })
        return DeferredRows.marker + String(tables.count - 1)
    }
}
