/// The previous line's classic stamp (`Nov 27 04:50:37`: its first 15 bytes) and the instant it meant.
/// Lines written in the same second skip the stamp parse and the calendar: comparing two 8-byte words is
/// all they cost. The answer is the parse's own, since a classic stamp is read from those 15 bytes alone.
struct ClassicStampCache {
    private var head: UInt64 = 0
    private var tail: UInt64 = 0
    /// The stamp's length; 0 while empty.
    private var used = 0
    private var time = Instant(seconds: 0)

    /// The instant and length of `line`'s stamp when its first 15 bytes are the last stamp's.
    @inline(__always)
    func lookup(_ line: Bytes) -> (Instant, Int)? {
        guard used > 0, line.count >= 15 else { return nil }
        let (lineHead, lineTail) = ClassicStampCache.words(line)
        return lineHead == head && lineTail == tail ? (time, used) : nil
    }

    mutating func store(_ line: Bytes, used: Int, time: Instant) {
        guard line.count >= 15 else {
            self.used = 0
            return
        }
        (head, tail) = ClassicStampCache.words(line)
        self.used = used
        self.time = time
    }

    /// Bytes 0..<8 and 7..<15.
    @inline(__always)
    private static func words(_ line: Bytes) -> (UInt64, UInt64) {
        let raw = UnsafeRawPointer(line.base)
        return (raw.loadUnaligned(as: UInt64.self), (raw + 7).loadUnaligned(as: UInt64.self))
    }
}
