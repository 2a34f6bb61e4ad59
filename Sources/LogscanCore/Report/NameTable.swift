/// The user names one tally has seen, each stored once. A name is looked up by the line's own bytes, so a
/// name seen before costs no copy and no allocation, and the tables of the tally share its one copy.
public struct NameTable: Sendable {
    private struct Slot: Sendable {
        var hash: UInt64 = 0
        var name: ByteString? = nil
    }

    /// Open addressing, at most half full.
    private var slots = [Slot](repeating: Slot(), count: 64)
    private var count = 0

    public init() {}

    /// The stored copy of `view`'s name, added when new.
    public mutating func intern(_ view: Bytes) -> ByteString {
        let hash = ProgramTable.hash(view)
        var index = find(view, hash: hash)
        if let name = slots[index].name { return name }
        if (count + 1) * 2 > slots.count {
            grow()
            index = find(view, hash: hash)
        }
        let name = ByteString(view)
        slots[index] = Slot(hash: hash, name: name)
        count += 1
        return name
    }

    /// The stored copy of `name` (another tally's, when merging), added when new.
    public mutating func intern(_ name: ByteString) -> ByteString {
        name.bytes.withUnsafeBufferPointer { intern(Bytes($0)) }
    }

    /// The slot that holds `view`, or the empty one where it would go.
    private func find(_ view: Bytes, hash: UInt64) -> Int {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var index = Int(truncatingIfNeeded: hash) & mask
            while let name = slots[index].name {
                if slots[index].hash == hash && name.bytes.withUnsafeBufferPointer({ Bytes($0).equals(view) }) {
                    return index
                }
                index = (index + 1) & mask
            }
            return index
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot.name != nil {
            var index = Int(truncatingIfNeeded: slot.hash) & mask
            while slots[index].name != nil { index = (index + 1) & mask }
            slots[index] = slot
        }
    }
}
