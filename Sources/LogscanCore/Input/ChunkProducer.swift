#if canImport(Glibc)
import Glibc
#endif

/// Something that fills a buffer with the next bytes of a (decompressed) input.
protocol ChunkProducer {
    /// Writes up to `capacity` bytes and returns how many; 0 means the end.
    mutating func fill(_ buffer: UnsafeMutablePointer<UInt8>, capacity: Int) -> Int
    /// Set once the input turned out to be damaged or unreadable part-way: the data before it was delivered.
    var damage: String? { get }
    /// Bytes read from the file descriptor so far.
    var rawBytesRead: Int { get }
    /// The end of a gzip member reached by the last `fill`, once (nil for plain input).
    mutating func takeMemberEnd() -> GzipMemberEnd?
}

extension ChunkProducer {
    mutating func takeMemberEnd() -> GzipMemberEnd? { nil }
}

/// The first bytes of an input, read before deciding whether it is gzip. They are handed to the producer
/// first, so a pipe (which cannot be re-read) works like a file.
struct PrefetchedInput {
    let fd: Int32
    var progress: ProgressCounter?
    var head: [UInt8]
    var headOffset = 0
    var rawBytesRead = 0
    var readError: String?

    init(fd: Int32, progress: ProgressCounter? = nil) {
        self.fd = fd
        self.progress = progress
        var bytes = [UInt8](repeating: 0, count: 64 * 1024)
        var filled = 0
        // Read until at least the gzip magic is known (a pipe may deliver one byte at a time).
        while filled < 2 {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                readError = String(cString: strerror(errno))
                break
            }
            if n == 0 { break }
            filled += n
        }
        bytes.removeSubrange(filled...)
        self.head = bytes
        self.rawBytesRead = filled
        progress?.add(bytes: filled)
    }

    var isGzip: Bool { head.count >= 2 && head[0] == 0x1F && head[1] == 0x8B }

    /// Copies out remaining head bytes first, then reads the descriptor.
    mutating func read(_ buffer: UnsafeMutablePointer<UInt8>, capacity: Int) -> Int {
        if headOffset < head.count {
            let n = min(capacity, head.count - headOffset)
            head.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress! + headOffset, count: n) }
            headOffset += n
            return n
        }
        guard readError == nil else { return 0 }
        while true {
            let n = Glibc.read(fd, buffer, capacity)
            if n >= 0 {
                rawBytesRead += n
                progress?.add(bytes: n)
                return n
            }
            if errno == EINTR { continue }
            readError = String(cString: strerror(errno))
            return 0
        }
    }
}

/// An uncompressed input.
struct PlainChunks: ChunkProducer {
    var input: PrefetchedInput

    mutating func fill(_ buffer: UnsafeMutablePointer<UInt8>, capacity: Int) -> Int {
        input.read(buffer, capacity: capacity)
    }

    var damage: String? { input.readError.map { "read error: \($0)" } }
    var rawBytesRead: Int { input.rawBytesRead }
}
