/// A key of a `KeyedTable`: it hashes itself with the table's seed, without `Hasher` (an address by its two
/// words, a name by its stored hash or number, a queue id by its words).
public protocol TableKey: Equatable, Sendable {
    func tableHash(seed: Int) -> UInt64
}

/// A value per key: the report's failures and probes by address, logins, messages in flight. Entries are kept in insertion order in two arrays, indexed by `OpenSlots`: a
/// look-up is one hash and a probe or two, and the value is changed in place. With a million addresses it
/// holds each entry once (about 72 bytes with `PeerFailures`) plus 8–16 bytes of slots, where a
/// `Dictionary` of the same entries held 2–2.7 times that. Entries are never removed.
public struct KeyedTable<Key: TableKey, Value: Sendable>: Sendable, RandomAccessCollection {
    public private(set) var keys: [Key] = []
    /// Settable in the module: a value found by `position(of:orAdd:)` is changed in place.
    public internal(set) var values: [Value] = []
    private var slots = OpenSlots()
    private let seed = TableSeed.value
    /// Entries to make room for at the first insertion (`expect(_:)`); 0: the arrays and slots grow from small.
    private var expected = 0

    public init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { keys.count }
    public subscript(position: Int) -> (key: Key, value: Value) { (keys[position], values[position]) }

    /// The value of `key`, if it has one.
    public subscript(key: Key) -> Value? {
        position(of: key).map { values[$0] }
    }

    /// The value of `key`, `new` when it has none, changed in place. `new` is a value, not an autoclosure
    /// as `Dictionary`'s: the tables' new values are a few stores, and the closure's (empty) context was
    /// released by a call to a merged outlined destroy on each probe (`ServiceTally.recordProbe`).
    public subscript(key: Key, default new: Value) -> Value {
        get { self[key] ?? new }
        _modify {
            let position = position(of: key, orAdd: new)
            yield &values[position]
        }
    }

    /// The position of `key`'s entry, made with `new` when new.
    @inline(__always)
    mutating func position(of key: Key, orAdd new: Value) -> Int {
        let hash = key.tableHash(seed: seed)
        switch find(key, hash: hash) {
        case .entry(let position): return position
        case .vacant(let slot): return insert(key, new, hash: hash, at: slot)
        }
    }

    /// `change` applied to the value of `key`, made from `new` when new. A new value is changed before it is
    /// appended: the values' array is checked for uniqueness once, where an insertion and then a change
    /// through `position(of:orAdd:)` or the `default:` subscript checked it twice.
    @inline(__always)
    mutating func update<Result>(_ key: Key, orAdd new: Value, _ change: (inout Value) -> Result) -> Result {
        let hash = key.tableHash(seed: seed)
        switch find(key, hash: hash) {
        case .entry(let position):
            return change(&values[position])
        case .vacant(let slot):
            var value = new
            let result = change(&value)
            insert(key, value, hash: hash, at: slot)
            return result
        }
    }

    /// Appends the entry `key`, `value` (hashed to `hash`; `vacant` is the slot `find` gave); its position.
    @inline(__always) @discardableResult
    private mutating func insert(_ key: Key, _ value: Value, hash: UInt64, at vacant: Int) -> Int {
        let position = keys.count
        let slot = position == 0 && expected > 0 ? makeExpectedRoom(placing: hash) : vacant
        keys.append(key)
        values.append(value)
        slots.add(position, hash: hash, at: slot)
        return position
    }

    /// Room for `count` entries is made when the first one comes, not now (a table that stays empty takes
    /// none): the arrays and slots then do not grow, copy and rehash their way up to it.
    mutating func expect(_ count: Int) { expected = count }

    /// Makes the expected room; returns the slot of the first key, hashed to `hash`, in the new slots.
    @inline(never)
    private mutating func makeExpectedRoom(placing hash: UInt64) -> Int {
        keys.reserveCapacity(expected)
        values.reserveCapacity(expected)
        slots.reserve(expected)
        expected = 0
        if case .vacant(let slot) = slots.find(hash, matches: { _ in false }) { return slot }
        preconditionFailure("new slots hold no entry")
    }

    /// The position of `key`'s entry, if it has one.
    func position(of key: Key) -> Int? {
        if case .entry(let position) = find(key, hash: key.tableHash(seed: seed)) { return position }
        return nil
    }

    @inline(__always)
    private func find(_ key: Key, hash: UInt64) -> OpenSlots.Place {
        keys.withUnsafeBufferPointer { keys in slots.find(hash) { keys[$0] == key } }
    }
}

/// Values by address (or host name).
public typealias PeerTable<Value: Sendable> = KeyedTable<PeerKey, Value>

extension PeerKey: TableKey {
    @inline(__always)
    public func tableHash(seed: Int) -> UInt64 { UInt64(UInt(bitPattern: _rawHashValue(seed: seed))) }
}
