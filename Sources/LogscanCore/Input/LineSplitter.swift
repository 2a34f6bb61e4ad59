#if canImport(Glibc)
import Glibc
#endif

/// Splits a producer's bytes into lines, in one reusable buffer of fixed size: each read's newlines are marked
/// in a bit mask (`NewlineBits`) and handed out in order. No line is copied unless it straddles two reads, and
/// then only to the front of the buffer.
///
/// Memory is bounded whatever the input: a line longer than `maxLineBytes` is cut there; its first
/// `maxLineBytes` are delivered once its end is found, and the rest is read past without being held (a
/// 200 MB line without a newline costs the buffer, nothing more). NUL bytes at the start of a line (the
/// hole `copytruncate` or a crash leaves) are skipped, so the line behind them still counts.
struct LineSplitter {
    /// The longest line kept; longer ones are cut (and counted in `cutLines`).
    static let maxLineBytes = 64 * 1024

    private let buffer: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private let newlineBits: NewlineBits
    /// Lines cut at `maxLineBytes` so far.
    private(set) var cutLines = 0

    init(capacity: Int = 1 << 20) {
        precondition(capacity > 2 * LineSplitter.maxLineBytes)
        self.capacity = capacity
        // Whole 64-byte blocks, as `NewlineBits` reads them (the bytes past `capacity` are never filled), and a
        // byte for the newline set after the bytes of a read that fills the buffer.
        let blocks = (capacity + 63) / 64 * 64
        self.buffer = .allocate(capacity: blocks + 1)
        self.newlineBits = NewlineBits(bytes: blocks)
    }

    func deallocate() {
        buffer.deallocate()
        newlineBits.deallocate()
    }

    /// Calls `body` with each line (without its `\n` or `\r\n`), its length in the input (its `\n`, any NULs
    /// skipped before it and any bytes cut off included) and whether it was cut, until `body` returns false.
    /// `memberEnded` hears of each gzip member's end after the member's complete lines. Returns the byte
    /// count of an unfinished last line that was dropped because the input was damaged (0 otherwise).
    mutating func forEachLine<P: ChunkProducer>(of producer: inout P, memberEnded: (GzipMemberEnd) -> Void = { _ in },
                                                _ body: (Bytes, Int, Bool) -> Bool) -> Int {
        ClosureLines.with(memberEnded: memberEnded, body) { forEachLine(of: &producer, into: &$0) }
    }

    /// The same with a consumer: specialised for its type, so each line is a direct (inlinable) call; a
    /// fill of 0 bytes that ends a gzip member is not the end of the input.
    mutating func forEachLine<P: ChunkProducer, C: LineConsumer>(of producer: inout P, into consumer: inout C) -> Int {
        let cap = LineSplitter.maxLineBytes
        var filled = 0
        /// Bytes of the current line already passed over: leading NULs, and all of an overlong line.
        var passed = 0
        var overlong = false
        while true {
            let readAt = overlong ? cap : filled
            let n = producer.fill(buffer + readAt, capacity: capacity - readAt)
            let memberEnd = producer.takeMemberEnd()
            defer {
                if let memberEnd {
                    consumer.memberEnded(memberEnd)
                    // A failed member's unfinished last line is garbage too: the next member starts a new line.
                    if !memberEnd.intact {
                        filled = 0
                        passed = 0
                        overlong = false
                    }
                }
            }
            if n == 0 && memberEnd == nil { break }
            let end = readAt + n
            // A newline after the bytes read ends the NUL skip below without a bound check of its own.
            buffer[end] = 0x0A
            var start = readAt
            if overlong {
                guard let hit = memchr(buffer + cap, 0x0A, n) else {
                    passed +|= n
                    continue
                }
                let newline = hit.assumingMemoryBound(to: UInt8.self) - buffer
                overlong = false
                cutLines += 1
                guard consumer.take(LineSplitter.line(buffer, cap), length: passed +| (newline + 1 - cap), cut: true) else {
                    return 0
                }
                passed = 0
                start = newline + 1
            } else {
                start = 0
            }
            // Marked from `readAt` (the bytes before it are an unfinished line, without a newline) or from past
            // an overlong line's newline.
            var newlines = newlineBits.newlines(in: buffer, from: max(start, readAt), to: end)
            while true {
                // NULs are no newlines: the walk passes them too.
                while buffer[start] == 0 {
                    start &+= 1
                    passed &+= 1
                }
                let newline = newlines.next()
                guard newline < end else { break }
                let cut = newline &- start > cap
                if cut { cutLines &+= 1 }
                guard consumer.take(LineSplitter.line(buffer + start, cut ? cap : newline &- start),
                                    length: passed &+ newline &+ 1 &- start, cut: cut) else {
                    return 0
                }
                passed = 0
                start = newline &+ 1
            }
            filled = end - start
            if filled > cap {
                if start > 0 { memmove(buffer, buffer + start, cap) }
                overlong = true
                passed +|= filled
                filled = 0
            } else if start > 0 && filled > 0 {
                memmove(buffer, buffer + start, filled)
            }
        }
        if overlong {
            if producer.damage != nil { return passed }
            cutLines += 1
            _ = consumer.take(LineSplitter.line(buffer, cap), length: passed, cut: true)
            return 0
        }
        guard filled > 0 else { return 0 }
        if producer.damage != nil { return filled }
        _ = consumer.take(LineSplitter.line(buffer, filled), length: passed + filled, cut: false)
        return 0
    }

    private static func line(_ start: UnsafeMutablePointer<UInt8>, _ length: Int) -> Bytes {
        var length = length
        if length > 0 && start[length - 1] == 0x0D { length -= 1 }
        return Bytes(base: UnsafePointer(start), count: length)
    }
}
