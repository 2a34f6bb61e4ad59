/// The second and later user names of every address of one tally (`ServiceTally.failuresByPeer`), with their
/// attempts: one table for the whole tally, keyed by (the address's position in `failuresByPeer`, the
/// name's number), instead of a `Dictionary` per address (a `Dictionary` look-up was ~45 instructions
/// through its own hashing plus its uniqueness checks and growths, and an allocation per address that tries
/// two names). An address's first name stays in its `PeerFailures` entry: most addresses try one. An
/// address's pairs are chained from its newest (`Entry.previous`), so they are listed without a scan.
struct PeerUserPairs: Sendable {
    /// (address position, name number) in one word: both are below 2^32, as `OpenSlots` positions are.
    struct Key: TableKey {
        let bits: UInt64

        init(peer: Int, name: Int) {
            bits = UInt64(truncatingIfNeeded: peer) << 32 | UInt64(truncatingIfNeeded: name) & 0xFFFF_FFFF
        }

        var name: Int { Int(truncatingIfNeeded: bits & 0xFFFF_FFFF) }

        @inline(__always)
        func tableHash(seed: Int) -> UInt64 { UInt64(UInt(bitPattern: MixedKey.hash(bits, seed: seed))) }
    }

    struct Entry: Sendable {
        var attempts = 0
        /// The position of the same address's pair before this one, `PeerUserPairs.none` for none.
        var previous: Int32
    }

    /// No pair (an empty chain).
    static let none: Int32 = -1

    private var table = KeyedTable<Key, Entry>()
    /// The pair `add` counted last and its position: an attack's failures repeat one address and name in a
    /// row (about 60 % of the failures of both bench cuts), and those skip the hash and the probe. The
    /// start value is no pair's key: positions stay below 2^31 (`OpenSlots` fills at most half of 2^32 slots).
    private var lastKey = Key(peer: -1, name: -1)
    private var lastPosition = 0

    init() {}

    /// The number of pairs.
    var count: Int { table.count }

    /// Adds `n` attempts at name `name` by the address at `peer`, whose chain starts at `newest`; a new pair
    /// becomes the chain's start. True when the pair is new.
    @inline(__always)
    mutating func add(_ n: Int, name: Int, peer: Int, newest: inout Int32) -> Bool {
        let key = Key(peer: peer, name: name)
        if key == lastKey {
            table.values[lastPosition].attempts +|= n
            return false
        }
        let before = table.count
        let position = table.position(of: key, orAdd: Entry(previous: newest))
        table.values[position].attempts +|= n
        (lastKey, lastPosition) = (key, position)
        guard table.count != before else { return false }
        newest = Int32(truncatingIfNeeded: position)
        return true
    }

    /// Each (name number, attempts) of the chain that starts at `newest`, newest first.
    func forEach(from newest: Int32, _ body: (Int, Int) -> Void) {
        var position = Int(newest)
        while position >= 0 {
            let entry = table.values[position]
            body(table.keys[position].name, entry.attempts)
            position = Int(entry.previous)
        }
    }

    /// The name number of every pair: an address's names are distinct, so each is one address for its name.
    var names: LazyMapSequence<[Key], Int> { table.keys.lazy.map(\.name) }
}
