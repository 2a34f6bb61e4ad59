#if canImport(Glibc)
import Glibc
#endif

/// Splits a producer's bytes into lines with `memchr`, in one reusable buffer. No line is copied unless it
/// straddles two reads, and then only to the front of the buffer.
struct LineSplitter {
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int

    init(capacity: Int = 1 << 20) {
        self.capacity = capacity
        self.buffer = .allocate(capacity: capacity)
    }

    func deallocate() { buffer.deallocate() }

    /// Calls `body` with each line (without its `\n` or `\r\n`). Returns the byte count of an unfinished last
    /// line that was dropped because the input was damaged (0 otherwise).
    mutating func forEachLine<P: ChunkProducer>(of producer: inout P, _ body: (Bytes) -> Void) -> Int {
        forEachLine(of: &producer) { line, _ in
            body(line)
            return true
        }
    }

    /// Like `forEachLine(of:_:)`, with each line's length in the input (its `\n` included), until `body`
    /// returns false.
    mutating func forEachLine<P: ChunkProducer>(of producer: inout P, _ body: (Bytes, Int) -> Bool) -> Int {
        var filled = 0
        while true {
            if filled == capacity { grow() }
            let n = producer.fill(buffer + filled, capacity: capacity - filled)
            if n == 0 { break }
            let end = filled + n
            var start = 0
            var scan = filled
            while scan < end, let hit = memchr(buffer + scan, 0x0A, end - scan) {
                let newline = hit.assumingMemoryBound(to: UInt8.self) - buffer
                guard body(LineSplitter.line(buffer + start, newline - start), newline + 1 - start) else { return 0 }
                start = newline + 1
                scan = start
            }
            filled = end - start
            if start > 0 && filled > 0 { memmove(buffer, buffer + start, filled) }
        }
        guard filled > 0 else { return 0 }
        if producer.damage != nil { return filled }
        _ = body(LineSplitter.line(buffer, filled), filled)
        return 0
    }

    private static func line(_ start: UnsafeMutablePointer<UInt8>, _ length: Int) -> Bytes {
        var length = length
        if length > 0 && start[length - 1] == 0x0D { length -= 1 }
        return Bytes(base: UnsafePointer(start), count: length)
    }

    private mutating func grow() {
        buffer = buffer.doubled(capacity: capacity)
        capacity *= 2
    }
}
