/// A fixed number of values in memory of their own, allocated once and freed with the last holder: the
/// correlators' tables and queues read and write it through its pointer, so an access checks no array's
/// uniqueness or bounds (an array's `_modify` cost a runtime call, ~15 instructions: one or two a correlated
/// line). Its holders check their indices themselves.
final class RawSlots<Element> {
    let base: UnsafeMutablePointer<Element>
    let count: Int

    /// `count` slots, each holding `filler`.
    init(count: Int, filler: Element) {
        self.count = count
        base = .allocate(capacity: count)
        base.initialize(repeating: filler, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }
}
