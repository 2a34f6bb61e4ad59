/// A table's rows as one collection, whether the report stored them or makes them on demand (`LazyRows`):
/// renderers index, scan and stream it the same way, and a made row is dropped once read.
public struct TableRows<Row>: RandomAccessCollection {
    let stored: [Row]
    let lazy: LazyRows<Row>?

    public var startIndex: Int { 0 }
    public var endIndex: Int { lazy?.count ?? stored.count }
    public subscript(position: Int) -> Row { lazy.map { $0.make(position) } ?? stored[position] }
}

extension Report.Table {
    /// Every row the table shows, stored or made one at a time as it is read.
    public var shownRows: TableRows<Row> { TableRows(stored: rows, lazy: lazyRows) }

    /// Whether the rows are made on demand (a large table): write them one by one, never collect them.
    public var streamsRows: Bool { lazyRows != nil }
}
