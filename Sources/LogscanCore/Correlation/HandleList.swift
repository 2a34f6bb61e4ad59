/// Handles of held lines in the order added (the lines the correlators released since the pipeline last
/// looked), in a buffer that is reused: emptied by setting its count to zero. As an array it cost a
/// uniqueness check per handle added and per handle removed (`removeAll(keepingCapacity:)` ~110
/// instructions). `HeldLines` owns it and frees its buffer.
struct HandleList {
    private var base: UnsafeMutablePointer<Int32>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    var isEmpty: Bool { count == 0 }

    subscript(index: Int) -> Int32 {
        precondition(index >= 0 && index < count, "HandleList index out of range")
        return base[index]
    }

    mutating func append(_ handle: Int32) {
        if count == capacity { grow() }
        base[count] = handle
        count += 1
    }

    mutating func removeAll() { count = 0 }

    /// Frees the buffer; the list is not used after.
    func deallocate() { base.deallocate() }

    @inline(never)
    private mutating func grow() {
        let larger = UnsafeMutablePointer<Int32>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }
}
