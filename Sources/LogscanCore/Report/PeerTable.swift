/// A value per address (or host name): the report's failures and probes by address. Entries are kept in
/// insertion order in two arrays, indexed by `OpenSlots`: a look-up is one `MixedKey` hash of the address's
/// two words and one probe, and the value is changed in place. With a million addresses it holds each
/// entry once (about 72 bytes with `PeerFailures`) plus 8–16 bytes of slots, where a `Dictionary` of the
/// same entries held 2–2.7 times that.
public struct PeerTable<Value: Sendable>: Sendable, RandomAccessCollection {
    public private(set) var keys: [PeerKey] = []
    public private(set) var values: [Value] = []
    private var slots = OpenSlots()
    private let seed = TableSeed.value

    public init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { keys.count }
    public subscript(position: Int) -> (key: PeerKey, value: Value) { (keys[position], values[position]) }

    /// The value of `key`, if it has one.
    public subscript(key: PeerKey) -> Value? {
        if case .entry(let position) = find(key, hash: hash(key)) { return values[position] }
        return nil
    }

    /// The value of `key`, made by `make` when new, changed in place.
    public subscript(key: PeerKey, default make: @autoclosure () -> Value) -> Value {
        get { self[key] ?? make() }
        _modify {
            let position = position(of: key, orAdd: make)
            yield &values[position]
        }
    }

    @inline(__always)
    private mutating func position(of key: PeerKey, orAdd make: () -> Value) -> Int {
        let hash = hash(key)
        switch find(key, hash: hash) {
        case .entry(let position):
            return position
        case .vacant(let slot):
            let position = keys.count
            keys.append(key)
            values.append(make())
            slots.add(position, hash: hash, at: slot) { [keys, seed] in PeerTable.hash(keys[$0], seed: seed) }
            return position
        }
    }

    @inline(__always)
    private func find(_ key: PeerKey, hash: UInt64) -> OpenSlots.Place {
        keys.withUnsafeBufferPointer { keys in slots.find(hash) { keys[$0] == key } }
    }

    @inline(__always)
    private func hash(_ key: PeerKey) -> UInt64 { PeerTable.hash(key, seed: seed) }

    @inline(__always)
    private static func hash(_ key: PeerKey, seed: Int) -> UInt64 {
        UInt64(UInt(bitPattern: key._rawHashValue(seed: seed)))
    }
}
