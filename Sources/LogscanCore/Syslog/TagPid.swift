/// The pid of a `name[pid]:` tag read with one 8-byte load: no search for the `[` and no loop per digit.
/// (SWAR: the eight bytes before the `]` are tested for digits and converted in parallel.)
enum TagPid {
    /// For a tag without its colon that ends in `]`: the index of the `[` that opens the pid, and the pid,
    /// when 1 to 7 digits sit between a `[` at index 1 or later and the `]`. Nil when the tag is shorter
    /// than 9 bytes or has another shape: the caller's general path decides then. (Seven digits always
    /// fit an `Int32`; Linux pids have at most seven.)
    @inline(__always)
    static func read(_ body: Bytes) -> (open: Int, pid: Int32)? {
        let close = body.count - 1
        guard close >= 8 else { return nil }
        // In bounds: bytes close - 8 ..< close lie inside `body`, since close >= 8.
        let values = ByteLanes.load(body.base + (close - 8)) ^ ByteLanes.repeating(0x30)  // "0"..."9" become 0...9
        let nonDigits = ByteLanes.notBelowTen(values)
        let digitCount = nonDigits.leadingZeroBitCount >> 3  // the digits just before the `]`; 8 when all are
        guard digitCount >= 1 && digitCount <= 7 else { return nil }
        let open = close - 1 - digitCount
        guard open > 0 && body[open] == UInt8(ascii: "[") else { return nil }
        return (open, value(ofTopLanes: values & (UInt64.max << UInt64((8 - digitCount) * 8))))
    }

    /// For the eight bytes after a tag's `[`, first byte lowest: the number of digits that come first and
    /// their value, when there are 1 to 7.
    @inline(__always)
    static func leadingDigits(_ word: UInt64) -> (digitCount: Int, pid: Int32)? {
        let values = word ^ ByteLanes.repeating(0x30)
        let digitCount = ByteLanes.notBelowTen(values).trailingZeroBitCount >> 3  // 8 when all are digits
        guard digitCount >= 1 && digitCount <= 7 else { return nil }
        return (digitCount, value(ofTopLanes: values << UInt64((8 &- digitCount) &* 8)))
    }

    /// The number written by the digit values 0...9 in a word's top lanes, zeros below them (an eight-digit
    /// number with leading zeros whose first digit is the lowest byte, little-endian). Pairs, then fours,
    /// then all eight are combined.
    @inline(__always)
    static func value(ofTopLanes lanes: UInt64) -> Int32 {
        var v = (lanes &* 2561) >> 8
        v = ((v & 0x00FF_00FF_00FF_00FF) &* 6_553_601) >> 16
        v = ((v & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) >> 32
        return Int32(truncatingIfNeeded: v)
    }
}
