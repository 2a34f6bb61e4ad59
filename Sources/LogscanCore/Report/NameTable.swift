/// The user names (or methods) one tally has seen, each stored once and numbered in order of arrival. A name
/// is looked up by the line's own bytes, so a name seen before costs no copy and no allocation; tables of
/// the tally keep its number (`id`) instead of a copy. Names are hashed eight bytes at a time by
/// `MixedKey`'s finalizer with the run's seed (`TableSeed`): names an attacker picks cannot be made to collide.
public struct NameTable: Sendable {
    /// The names by number.
    public private(set) var names: [ByteString] = []
    private var slots = OpenSlots()
    private let seed = UInt64(UInt(bitPattern: TableSeed.value))
    /// The numbers `id(of:)` gave lately, by a cheap place of the name (`recentPlace`): a name seen before
    /// is usually found here, checked by its bytes, without the seeded hash and the probe (-1: none). On
    /// the mail cut 13,117 of 13,167 look-ups that missed the one number kept before were names already
    /// numbered, at ~170 instructions each (`bench/callgrind`). Only a shortcut: a name whose place holds
    /// another is looked up by its hash, so names an attacker picks to share a place cost no more than that.
    private var recent = InlineArray<64, Int32>(repeating: -1)

    public init() {}

    public var count: Int { names.count }

    /// The number of `view`'s name, added when new.
    public mutating func id(of view: Bytes) -> Int {
        let place = NameTable.recentPlace(view)
        let id = Int(recent[place])
        if id >= 0 && names[id].bytes.withUnsafeBufferPointer({ NameTable.same(Bytes($0), view) }) { return id }
        let found = find(view)
        recent[place] = Int32(truncatingIfNeeded: found)
        return found
    }

    /// A name's place in `recent`: its first and last eight bytes (or all of them) and its count, mixed by
    /// one multiplication, top six bits. Not seeded: a shared place only sends a name to `find`.
    @inline(__always)
    static func recentPlace(_ view: Bytes) -> Int {
        let raw = UnsafeRawPointer(view.base)
        let count = view.count
        let word = count > 8
            ? raw.loadUnaligned(as: UInt64.self) &+ raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) &* 31
            : ByteLanes.shortWord(raw, count: count)
        return Int(truncatingIfNeeded: ((word ^ UInt64(truncatingIfNeeded: count)) &* 0x9E37_79B9_7F4A_7C15) >> 58)
    }

    /// The number of `view`'s name, looked up by its hash, added when new.
    private mutating func find(_ view: Bytes) -> Int {
        let hash = NameTable.hash(view, seed: seed)
        let place = names.withUnsafeBufferPointer { names in
            slots.find(hash) { position in
                names[position].bytes.withUnsafeBufferPointer { NameTable.same(Bytes($0), view) }
            }
        }
        switch place {
        case .entry(let id):
            return id
        case .vacant(let slot):
            let id = names.count
            names.append(ByteString(view))
            slots.add(id, hash: hash, at: slot)
            return id
        }
    }

    /// The number of `name` (another table's, when merging), added when new.
    public mutating func id(of name: ByteString) -> Int {
        name.bytes.withUnsafeBufferPointer { id(of: Bytes($0)) }
    }

    /// The stored copy of `view`'s name, added when new.
    public mutating func intern(_ view: Bytes) -> ByteString { names[id(of: view)] }

    /// The name numbered `id`.
    public subscript(id: Int) -> ByteString { names[id] }

    /// The bytes, eight at a time, each word mixed into the hash (the last word overlaps the one before
    /// when the count is not a multiple of eight); the count goes into the seed.
    static func hash(_ view: Bytes, seed: UInt64) -> UInt64 {
        let raw = UnsafeRawPointer(view.base)
        let count = view.count
        var hash = seed ^ UInt64(count)
        guard count > 8 else { return MixedKey.mix(hash ^ ByteLanes.shortWord(raw, count: count)) }
        var offset = 0
        while offset + 8 < count {
            hash = MixedKey.mix(hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        return MixedKey.mix(hash ^ raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
    }

    /// Whether `a` and `b` hold the same bytes: names of up to 32 bytes (nearly all) compared as one, two or
    /// four words in place (the last ones overlapping the ones before), longer ones by `memcmp`. A `memcmp`
    /// call for each look-up was 0.74 M instructions on the 20 MB auth cut (`bench/callgrind`); on the mail cut,
    /// whose user names are often addresses of 17 to 32 bytes, the four words took `id` from 3.36 M to 2.97 M
    /// (17,872 `memcmp` calls gone). `@inline(__always)` keeps the words' compare in `id` and `find`.
    @inline(__always)
    static func same(_ a: Bytes, _ b: Bytes) -> Bool {
        let count = a.count
        guard b.count == count else { return false }
        let (left, right) = (UnsafeRawPointer(a.base), UnsafeRawPointer(b.base))
        if count <= 8 { return ByteLanes.shortWord(left, count: count) == ByteLanes.shortWord(right, count: count) }
        if count <= 16 { return sameWords(left, right, at: 0, count - 8) }
        if count <= 32 { return sameWords(left, right, at: 0, 8) && sameWords(left, right, at: count - 16, count - 8) }
        return a.equals(b)
    }

    /// Whether `left` and `right` hold the same two eight-byte words at `first` and `second`.
    @inline(__always)
    private static func sameWords(_ left: UnsafeRawPointer, _ right: UnsafeRawPointer,
                                  at first: Int, _ second: Int) -> Bool {
        left.loadUnaligned(fromByteOffset: first, as: UInt64.self)
            == right.loadUnaligned(fromByteOffset: first, as: UInt64.self)
            && left.loadUnaligned(fromByteOffset: second, as: UInt64.self)
                == right.loadUnaligned(fromByteOffset: second, as: UInt64.self)
    }
}
