/// An open-addressing hash table from program name bytes to a small integer: the names in one byte array,
/// the slots plain values, so a lookup neither allocates nor retains.
struct ProgramTable: Sendable {
    private struct Slot: Sendable {
        var hash: UInt64 = 0
        var start: Int32 = 0
        var length: Int32 = 0
        /// -1 for an empty slot.
        var value: Int32 = -1
    }

    private var slots: [Slot]
    private var names: [UInt8] = []
    private let mask: Int

    init(_ entries: [(String, Int)]) {
        var size = 16
        while size < entries.count * 4 { size *= 2 }
        slots = Array(repeating: Slot(), count: size)
        mask = size - 1
        for (name, value) in entries {
            let bytes = Array(name.utf8)
            let hash = bytes.reduce(ProgramTable.hashSeed, ProgramTable.hash)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot].value >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Slot(hash: hash, start: Int32(names.count), length: Int32(bytes.count), value: Int32(value))
            names += bytes
        }
    }

    /// The value stored for `name`, whose FNV-1a hash (`hashSeed` folded with `hash(_:_:)`) is `hash`.
    func lookup(_ name: Bytes, hash: UInt64) -> Int? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            guard entry.value >= 0 else { return nil }
            if entry.hash == hash && Int(entry.length) == name.count
                && names.withUnsafeBufferPointer({ stored in
                    // An empty buffer may have no address; only an empty name can match there.
                    guard let base = stored.baseAddress else { return name.count == 0 }
                    return Bytes(base: base + Int(entry.start), count: name.count).equals(name)
                }) {
                return Int(entry.value)
            }
            slot = (slot + 1) & mask
        }
    }

    func lookup(_ name: Bytes) -> Int? { lookup(name, hash: ProgramTable.hash(name)) }

    /// FNV-1a's offset basis.
    @inline(__always) static var hashSeed: UInt64 { 0xcbf2_9ce4_8422_2325 }

    /// FNV-1a.
    static func hash(_ bytes: Bytes) -> UInt64 {
        var hash = hashSeed
        for i in 0..<bytes.count { hash = ProgramTable.hash(hash, bytes[i]) }
        return hash
    }

    /// FNV-1a's step for one more byte.
    @inline(__always)
    static func hash(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
}
