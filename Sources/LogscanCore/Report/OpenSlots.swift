/// The index of an open-addressing table whose entries live elsewhere, in insertion order (`PeerTable`,
/// `NameTable`): a slot holds an entry's position and the top half of its hash, so a look-up is one hash, a
/// probe or two over 8-byte slots and one comparison of keys, with no `Hasher` and no copy of the entry.
/// At most half the slots are used. Hashes are seeded per run (`TableSeed`), so keys an attacker picks
/// cannot be made to share a probe chain.
struct OpenSlots: Sendable {
    /// 0: empty; else the entry's position + 1 in the low half, the hash's top half in the high half.
    private var slots: [UInt64] = []
    /// A hash's slot is its top bits (`hash >> shift`, `64 - shift` of them): the top half kept in a slot
    /// places it again when the slots double, so growing hashes no key (there are at most 2^32 slots).
    private var shift: UInt64 = 64

    /// Where a key is: the entry's position, or the empty slot where it would go.
    enum Place {
        case entry(Int)
        case vacant(Int)
    }

    /// The place of the key hashed to `hash`; `matches(position)` compares that entry's key with it.
    @inline(__always)
    func find(_ hash: UInt64, matches: (Int) -> Bool) -> Place {
        guard !slots.isEmpty else { return .vacant(0) }
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            let tag = hash & 0xFFFF_FFFF_0000_0000
            var index = Int(truncatingIfNeeded: hash >> shift)
            while true {
                let slot = slots[index]
                if slot == 0 { return .vacant(index) }
                if slot & 0xFFFF_FFFF_0000_0000 == tag && matches(Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1) {
                    return .entry(Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1)
                }
                index = (index + 1) & mask
            }
        }
    }

    /// Notes entry `position` (the table's `count`-th, counting from 1) at `vacant`, the slot `find` gave
    /// for `hash`. When that would fill more than half the slots, they are doubled first.
    @inline(__always)
    mutating func add(_ position: Int, hash: UInt64, at vacant: Int) {
        let slot = hash & 0xFFFF_FFFF_0000_0000 | UInt64(position + 1)
        if (position + 1) * 2 > slots.count {
            grow(to: position + 1, adding: slot)
        } else {
            slots[vacant] = slot
        }
    }

    /// Room for `count` entries with room to double, the slots in use moved by their kept top halves, and
    /// `slot` added.
    @inline(never)
    private mutating func grow(to count: Int, adding slot: UInt64) {
        makeRoom(for: count)
        let shift = shift
        slots.withUnsafeMutableBufferPointer { OpenSlots.place(slot, in: $0, shift: shift) }
    }

    /// Room for `count` entries before they come (`KeyedTable.expect(_:)`): no growth until there are more.
    mutating func reserve(_ count: Int) {
        if count * 2 > slots.count { makeRoom(for: count) }
    }

    /// At least twice `count` slots, the slots in use moved by their kept top halves.
    private mutating func makeRoom(for count: Int) {
        var size = max(16, slots.count)
        while count * 2 > size { size *= 2 }
        let shift = UInt64(64 - size.trailingZeroBitCount)
        var grown = [UInt64](repeating: 0, count: size)
        grown.withUnsafeMutableBufferPointer { grown in
            for old in slots where old != 0 { OpenSlots.place(old, in: grown, shift: shift) }
        }
        slots = grown
        self.shift = shift
    }

    /// Puts `slot` in the first empty slot of `slots` from its hash's place.
    private static func place(_ slot: UInt64, in slots: UnsafeMutableBufferPointer<UInt64>, shift: UInt64) {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: slot >> shift)
        while slots[index] != 0 { index = (index + 1) & mask }
        slots[index] = slot
    }
}

/// The seed of the tables' hashes, taken once per run from `Hasher`'s per-process random seed.
enum TableSeed {
    static let value: Int = {
        var hasher = Hasher()
        hasher.combine(0x6C6F_6773_6361_6E)
        return hasher.finalize()
    }()
}
