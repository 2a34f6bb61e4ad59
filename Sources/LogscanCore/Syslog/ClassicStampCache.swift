/// The minute of the last padded classic stamp read (`Nov 27 04:50:`, the first 13 bytes of
/// `Nov 27 04:50:37`) and the instant of its second 0. A line of the same minute costs two 8-byte compares
/// and its two second digits: the stamp parse and the calendar are skipped. The answer is the parse's own:
/// a padded stamp is read from its 15 bytes alone, and the seconds of one minute share its hour's offset.
struct ClassicStampCache {
    /// Bytes 0..<8 and 5..<13 of the stamp. They overlap in bytes 5..<8, where the empty cache's words
    /// disagree, so no line matches it.
    private var head: UInt64 = 0
    private var tail: UInt64 = .max
    private var minuteStart = Instant(seconds: 0)

    /// The instant of `line`'s stamp when its first 13 bytes are the cached minute's and the next two are
    /// seconds that `StampParser.paddedClassic` takes (00 to 60, 60 read as 59). The stamp is 15 bytes.
    @inline(__always)
    func lookup(_ line: Bytes) -> Instant? {
        guard line.count >= 15 else { return nil }
        let (lineHead, lineTail) = ClassicStampCache.words(line)
        let tens = line.base[13] &- 48, ones = line.base[14] &- 48
        guard lineHead == head, lineTail == tail, tens < 10, ones < 10 else { return nil }
        let second = Int64(tens) &* 10 &+ Int64(ones)
        guard second <= 60 else { return nil }
        return Instant(micros: minuteStart.micros &+ min(second, 59) &* 1_000_000)
    }

    /// Keeps the minute of `line`'s padded stamp, which `StampParser.paddedClassic` read as `second` of
    /// `time`.
    mutating func store(_ line: Bytes, second: Int, time: Instant) {
        (head, tail) = ClassicStampCache.words(line)
        minuteStart = time.adding(seconds: -Int64(second))
    }

    /// Bytes 0..<8 and 5..<13 (the line has 15 or more).
    @inline(__always)
    private static func words(_ line: Bytes) -> (UInt64, UInt64) {
        let raw = UnsafeRawPointer(line.base)
        return (raw.loadUnaligned(as: UInt64.self), (raw + 5).loadUnaligned(as: UInt64.self))
    }
}
