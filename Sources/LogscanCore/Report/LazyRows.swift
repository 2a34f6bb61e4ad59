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
