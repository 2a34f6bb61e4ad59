/// A table the report ranks (`ReportBuilder.ranked`), as its keys and values in two arrays of the same
/// order: ranking compares positions, so no entry is copied out (a `KeyedTable` hands over its own arrays;
/// a dictionary copies its keys and values once).
protocol RankedEntries {
    associatedtype Key
    associatedtype Value
    var entryKeys: [Key] { get }
    var entryValues: [Value] { get }
}

extension KeyedTable: RankedEntries {
    var entryKeys: [Key] { keys }
    var entryValues: [Value] { values }
}

extension Dictionary: RankedEntries {
    /// A dictionary lists its keys and its values in the same order.
    var entryKeys: [Key] { Array(keys) }
    var entryValues: [Value] { Array(values) }
}
