/// A first-in first-out queue in a ring of raw memory (`RawSlots`), for the held-line queue: appending,
/// reading and removing check no array's uniqueness, and emptying the queue costs nothing (`FIFO` compacts
/// its array then, a uniqueness check and a `memmove`, which the held queue paid for about every second
/// held line). It grows by doubling and keeps its capacity, as `FIFO`'s array does.
struct RawRing<Element> {
    private var slots: RawSlots<Element>
    private var base: UnsafeMutablePointer<Element>
    /// The capacity less one (a power of two less one).
    private var mask: Int
    private var head = 0
    private(set) var count = 0
    /// What a slot holds before its first element.
    private let filler: Element

    init(filler: Element, capacity: Int = 16) {
        var size = 16
        while size < capacity { size *= 2 }
        self.filler = filler
        slots = RawSlots(count: size, filler: filler)
        base = slots.base
        mask = size - 1
    }

    var isEmpty: Bool { count == 0 }
    var first: Element? { count == 0 ? nil : base[head] }

    /// The element `offset` places behind the first; `offset` must be below `count`.
    subscript(offset: Int) -> Element {
        get { base[(head &+ offset) & mask] }
        set { base[(head &+ offset) & mask] = newValue }
    }

    mutating func append(_ element: Element) {
        if count > mask { grow() }
        base[(head &+ count) & mask] = element
        count &+= 1
    }

    /// Empties the ring, keeping its slots (what a list reused from turn to turn needs).
    mutating func removeAll() {
        head = 0
        count = 0
    }

    mutating func removeFirst() {
        precondition(count > 0, "removeFirst on an empty ring")
        head = (head &+ 1) & mask
        count &-= 1
    }

    /// Twice the slots, the elements moved to their start in order.
    private mutating func grow() {
        let old = slots
        let size = (mask + 1) * 2
        slots = RawSlots(count: size, filler: filler)
        base = slots.base
        withExtendedLifetime(old) {
            for offset in 0..<count { base[offset] = old.base[(head &+ offset) & mask] }
        }
        head = 0
        mask = size - 1
    }
}
