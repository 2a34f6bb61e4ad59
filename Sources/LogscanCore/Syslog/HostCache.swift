/// The host of the last usual header (`CommonHeader`) and the space after it, when they fit in 8 bytes:
/// a file's lines nearly all name the same host, so finding where the host ends costs one masked compare.
/// Only a host that the search for the next space found is kept, with that space: a line that starts with
/// the same bytes has its host end at the same place.
struct HostCache {
    /// The host and its space, first byte lowest, zeros above; `mask` covers those bytes.
    private var word: UInt64 = 0x20
    /// Starts as one lane holding a space: a host never starts with one, so nothing matches until `store`.
    private var mask: UInt64 = 0xFF
    /// The host's length.
    private var length = 0

    /// The host's length when the 8 bytes at `at` start with the kept host and its space.
    @inline(__always)
    func hostLength(at pointer: UnsafePointer<UInt8>) -> Int? {
        (ByteLanes.load(pointer) ^ word) & mask == 0 ? length : nil
    }

    /// Keeps the host of `length` bytes at `pointer` (a space follows it) when it and its space fit a word.
    @inline(__always)
    mutating func store(_ pointer: UnsafePointer<UInt8>, length: Int) {
        guard length < 8 else { return }
        mask = UInt64.max >> UInt64((7 &- length) &* 8)
        word = ByteLanes.load(pointer) & mask
        self.length = length
    }
}
