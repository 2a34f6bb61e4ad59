/// The memory of a `KeyTable`'s slots: the tags and the values, allocated once per size and freed with the
/// last table that holds it. The table reads and writes them through raw pointers, so a look-up checks no
/// array's uniqueness or bounds (an array's `_modify` cost a runtime call, ~15 instructions a look-up: one
/// or two a correlated line).
final class KeyTableSlots<Value> {
    let tags: UnsafeMutablePointer<UInt64>
    let values: UnsafeMutablePointer<Value>
    let count: Int

    /// `count` slots, every tag `vacant` and every value `filler`.
    init(count: Int, vacant: UInt64, filler: Value) {
        self.count = count
        tags = .allocate(capacity: count)
        tags.initialize(repeating: vacant, count: count)
        values = .allocate(capacity: count)
        values.initialize(repeating: filler, count: count)
    }

    deinit {
        tags.deallocate()
        values.deinitialize(count: count)
        values.deallocate()
    }
}
