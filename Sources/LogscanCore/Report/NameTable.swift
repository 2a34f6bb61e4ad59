/// The user names (or methods) one tally has seen, each stored once and numbered in order of arrival. A name
/// is looked up by the line's own bytes, so a name seen before costs no copy and no allocation; tables of
/// the tally keep its number (`id`) instead of a copy. Names are hashed eight bytes at a time by
/// `MixedKey`'s finalizer with the run's seed (`TableSeed`): names an attacker picks cannot be made to collide.
public struct NameTable: Sendable {
    /// The names by number.
    public private(set) var names: [ByteString] = []
    private var slots = OpenSlots()
    private let seed = UInt64(UInt(bitPattern: TableSeed.value))

    public init() {}

    public var count: Int { names.count }

    /// The number of `view`'s name, added when new.
    public mutating func id(of view: Bytes) -> Int {
        let hash = NameTable.hash(view, seed: seed)
        let place = names.withUnsafeBufferPointer { names in
            slots.find(hash) { position in
                names[position].bytes.withUnsafeBufferPointer { Bytes($0).equals(view) }
            }
        }
        switch place {
        case .entry(let id):
            return id
        case .vacant(let slot):
            let id = names.count
            names.append(ByteString(view))
            slots.add(id, hash: hash, at: slot) { [names, seed] id in
                names[id].bytes.withUnsafeBufferPointer { NameTable.hash(Bytes($0), seed: seed) }
            }
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

    /// The bytes, eight at a time, each word mixed into the hash; the length goes into the seed.
    static func hash(_ view: Bytes, seed: UInt64) -> UInt64 {
        var hash = seed ^ UInt64(view.count)
        let raw = UnsafeRawPointer(view.base)
        var offset = 0
        while offset + 8 <= view.count {
            hash = MixedKey.mix(hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < view.count {
            tail |= UInt64(view.base[offset]) << shift
            shift += 8
            offset += 1
        }
        return MixedKey.mix(hash ^ tail)
    }
}
