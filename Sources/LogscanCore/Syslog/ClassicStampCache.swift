/// The minute of the last padded classic stamp read (`Nov 27 04:50:`, the first 13 bytes of
/// `Nov 27 04:50:37`) and the instant of its second 0, and the last second read. A line of the same second
/// costs two 8-byte compares, one of the same minute three and its two second digits: the stamp parse and
/// the calendar are skipped. The answer is the parse's own: a padded stamp is read from its 15 bytes alone,
/// and the seconds of one minute share its hour's offset.
struct ClassicStampCache {
    /// Bytes 0..<8 and 5..<13 of the stamp. They overlap in bytes 5..<8, where the empty cache's words
    /// disagree, so no line matches it.
    private var head: UInt64 = 0
    private var tail: UInt64 = .max
    private var minuteStart = Instant(seconds: 0)
    /// Bytes 7..<15 of the last stamp read through the cache, and its instant: a line of the same second
    /// (with `head`) skips the seconds too. (Byte 7 disagrees with the empty `head`.)
    private var secondTail: UInt64 = .max
    private var secondTime = Instant(seconds: 0)

    /// The instant of `line`'s stamp when its first 13 bytes are the cached minute's and the next two are
    /// the last second read or a second from 00 to 59. The stamp is 15 bytes. A leap second (60, which
    /// `StampParser.paddedClassic` reads as 59) is left to the parse, which keeps it as the last second:
    /// tested here, with the clamp to 59, it cost 5 instructions a new second (measured, round eight).
    @inline(__always)
    mutating func lookup(_ line: Bytes) -> Instant? {
        guard line.count >= 15, ClassicStampCache.load(line, 0) == head else { return nil }
        if ClassicStampCache.load(line, 7) == secondTail { return secondTime }
        let tens = line.base[13] &- 48, ones = line.base[14] &- 48
        guard ClassicStampCache.load(line, 5) == tail, tens < 6, ones < 10 else { return nil }
        secondTail = ClassicStampCache.load(line, 7)
        secondTime = Instant(micros: minuteStart.micros &+ (Int64(tens) &* 10 &+ Int64(ones)) &* 1_000_000)
        return secondTime
    }

    /// Keeps the minute of `line`'s padded stamp, which `StampParser.paddedClassic` read as `second` of
    /// `time`.
    mutating func store(_ line: Bytes, second: Int, time: Instant) {
        head = ClassicStampCache.load(line, 0)
        tail = ClassicStampCache.load(line, 5)
        secondTail = ClassicStampCache.load(line, 7)
        secondTime = time
        minuteStart = time.adding(seconds: -Int64(second))
    }

    /// The 8 bytes at `offset` (the line has 15 or more).
    @inline(__always)
    private static func load(_ line: Bytes, _ offset: Int) -> UInt64 {
        UnsafeRawPointer(line.base + offset).loadUnaligned(as: UInt64.self)
    }
}
