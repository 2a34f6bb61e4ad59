/// A table by day (or any `Int64` key) whose lines come in key order: the key being counted is kept aside
/// with its value, so counting a line costs a comparison rather than a hash look-up, and the table is
/// touched only when the key changes. Like a `Dictionary` with a default, reaching a key makes its entry.
struct RunningTable<Value: Sendable>: Sendable {
    /// Every entry but the running one.
    private var settled: [Int64: Value] = [:]
    private var runningKey: Int64?
    private var running: Value
    private let empty: Value

    /// `empty` is a new entry's value.
    init(empty: Value) {
        self.empty = empty
        running = empty
    }

    /// The entry of `key`, made with the empty value when new, changed in place.
    subscript(key: Int64) -> Value {
        get { key == runningKey ? running : settled[key] ?? empty }
        _modify {
            if key != runningKey { run(key) }
            yield &running
        }
    }

    /// Every entry; setting it replaces them.
    var table: [Int64: Value] {
        get {
            var all = settled
            if let runningKey { all[runningKey] = running }
            return all
        }
        set {
            settled = newValue
            runningKey = nil
        }
    }

    /// Puts the running entry back and takes out `key`'s.
    private mutating func run(_ key: Int64) {
        if let runningKey { settled[runningKey] = running }
        running = settled.removeValue(forKey: key) ?? empty
        runningKey = key
    }
}
