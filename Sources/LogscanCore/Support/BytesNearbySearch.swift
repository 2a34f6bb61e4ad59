/// A byte search for a delimiter that usually comes within a few bytes (the `[` after `unknown`, the space
/// after a short value): the first eight bytes are tested as one word (`ByteLanes`) before `memchr` is called
/// for the rest, which costs a call and its set-up however near the byte is.
extension Bytes {
    /// The index of the first `byte` at or after `start`: the same answer as `firstIndex(of:from:)`.
    @inline(__always)
    func firstIndex(nearby byte: UInt8, from start: Int) -> Int? {
        guard start >= 0, start + 8 <= count else { return firstIndex(of: byte, from: start) }
        let hits = ByteLanes.equal(ByteLanes.load(base + start), byte)
        if hits != 0 { return start + hits.trailingZeroBitCount >> 3 }
        return firstIndex(of: byte, from: start + 8)
    }
}
