/// A hash table keyed by a correlation key (already a 64-bit hash of host and pid, or of host and address):
/// open addressing with linear probing over one array of slots, so a look-up is one mix of the key and a
/// probe or two, without a `Hashable` witness, a `Hasher` or a dictionary's bookkeeping per line. The
/// correlators keep their per-connection state in it. Each table mixes in its own random seed, so keys an
/// attacker chooses (client addresses) cannot be made to collide.
struct KeyTable<Value> {
    private struct Slot {
        var key: UInt64
        var isUsed: Bool
        var value: Value
    }

    private var slots: [Slot]
    /// `slots.count - 1` (a power of two less one).
    private var mask: Int
    private let seed = UInt64.random(in: .min ... .max)
    /// What an unused slot holds.
    private let filler: Value
    private(set) var count = 0

    init(filler: Value, capacity: Int = 64) {
        self.filler = filler
        var size = 16
        while size < capacity { size *= 2 }
        slots = Array(repeating: Slot(key: 0, isUsed: false, value: filler), count: size)
        mask = size - 1
    }

    @inline(__always)
    private func home(_ key: UInt64) -> Int { Int(truncatingIfNeeded: MixedKey.mix(key ^ seed)) & mask }

    /// The slot of `key`, or nil.
    func find(_ key: UInt64) -> Int? {
        var index = home(key)
        while slots[index].isUsed {
            if slots[index].key == key { return index }
            index = (index + 1) & mask
        }
        return nil
    }

    /// The slot of `key`, holding `fresh` when the key was not in the table.
    mutating func slot(for key: UInt64, inserting fresh: Value) -> Int {
        var index = home(key)
        while slots[index].isUsed {
            if slots[index].key == key { return index }
            index = (index + 1) & mask
        }
        // At most three quarters full, as a dictionary: a flood of connections (300,000 in an hour) takes
        // 42 MB here; half full it took 84 MB, for a few instructions a look-up.
        if (count + 1) * 4 > slots.count * 3 {
            grow()
            return slot(for: key, inserting: fresh)
        }
        slots[index] = Slot(key: key, isUsed: true, value: fresh)
        count += 1
        return index
    }

    /// The value in a slot that `find` or `slot(for:inserting:)` returned (valid until the table changes).
    subscript(slot index: Int) -> Value {
        get { slots[index].value }
        _modify { yield &slots[index].value }
    }

    /// Runs `body` on the value of `key`, inserting `fresh` first when the key is not in the table: one
    /// look-up, and the value changed where it lies (no accessor coroutine, which a caller may not inline).
    @inline(__always)
    mutating func update<Result>(_ key: UInt64, inserting fresh: Value, _ body: (inout Value) -> Result) -> Result {
        let index = slot(for: key, inserting: fresh)
        return body(&slots[index].value)
    }

    subscript(key: UInt64) -> Value? {
        get { find(key).map { slots[$0].value } }
    }

    /// Sets the value of `key`, inserting it if needed.
    mutating func set(_ value: Value, for key: UInt64) {
        slots[slot(for: key, inserting: value)].value = value
    }

    @discardableResult
    mutating func removeValue(forKey key: UInt64) -> Value? {
        guard let index = find(key) else { return nil }
        let value = slots[index].value
        remove(at: index)
        return value
    }

    /// Keeps only the entries whose value satisfies `keep`, in a table of the same capacity.
    mutating func filter(_ keep: (Value) -> Bool) {
        var kept = KeyTable(filler: filler, capacity: slots.count)
        for slot in slots where slot.isUsed && keep(slot.value) { kept.set(slot.value, for: slot.key) }
        self = kept
    }

    /// Empties a slot; the entries after it in its run move back so every key stays reachable from its
    /// home slot (backward-shift deletion: no tombstones).
    private mutating func remove(at removed: Int) {
        var hole = removed
        var index = removed
        while true {
            index = (index + 1) & mask
            guard slots[index].isUsed else { break }
            let wanted = home(slots[index].key)
            // The entry may fill the hole only if its home is not cyclically within (hole, index].
            let stays = hole <= index ? (hole < wanted && wanted <= index) : (hole < wanted || wanted <= index)
            if stays { continue }
            slots[hole] = slots[index]
            hole = index
        }
        slots[hole] = Slot(key: 0, isUsed: false, value: filler)
        count -= 1
    }

    private mutating func grow() {
        var larger = KeyTable(filler: filler, capacity: slots.count * 2)
        for slot in slots where slot.isUsed { larger.set(slot.value, for: slot.key) }
        self = larger
    }
}
