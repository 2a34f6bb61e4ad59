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
    /// Bytes read from the descriptor: the furthest point reached (bytes read again after `rewind` are not
    /// counted again).
    var rawBytesRead = 0
    /// The offset in the input the descriptor is at (the head counts as read).
    private var descriptorOffset = 0
    var readError: String?
    /// Set for the end-to-end tests' pause (`TestPause`): wait once before the first read after the head.
    var pausesAfterHead = false

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
        self.descriptorOffset = filled
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
        if pausesAfterHead {
            pausesAfterHead = false
            TestPause.wait()
        }
        while true {
            let n = Glibc.read(fd, buffer, capacity)
            if n >= 0 {
                descriptorOffset += n
                if descriptorOffset > rawBytesRead {
                    progress?.add(bytes: descriptorOffset - rawBytesRead)
                    rawBytesRead = descriptorOffset
                }
                return n
            }
            if errno == EINTR { continue }
            readError = String(cString: strerror(errno))
            return 0
        }
    }
}

extension PrefetchedInput {
    /// Goes back to byte `offset` of the input, so the next `read` starts there; false when the descriptor
    /// cannot seek (a pipe) and the head does not cover it, or after a read error.
    mutating func rewind(to offset: Int) -> Bool {
        guard readError == nil, offset >= 0, offset <= descriptorOffset else { return false }
        let target = max(offset, head.count)
        if target != descriptorOffset {
            guard lseek(fd, off_t(target - descriptorOffset), SEEK_CUR) >= 0 else { return false }
            descriptorOffset = target
        }
        headOffset = min(offset, head.count)
        return true
    }
}

/// An uncompressed input. When it is a regular file (`opened`), its end is checked against the size it had
/// when opened: a file that shrank while being read (logrotate's `copytruncate`) is damaged there, so its
/// cut last line is not taken for a line.
struct PlainChunks: ChunkProducer {
    var input: PrefetchedInput
    var opened: OpenedInput?
    /// `input` starts at the file's offset 0 (not a chunk of it), so its bytes read can be held against the size.
    var fromStart = true
    private var ended = false

    init(input: PrefetchedInput, opened: OpenedInput? = nil, fromStart: Bool = true) {
        self.input = input
        self.opened = opened
        self.fromStart = fromStart
    }

    mutating func fill(_ buffer: UnsafeMutablePointer<UInt8>, capacity: Int) -> Int {
        let n = input.read(buffer, capacity: capacity)
        if n == 0 { ended = true }
        return n
    }

    var damage: String? {
        if let error = input.readError { return "read error: \(error)" }
        guard ended, let opened else { return nil }
        return opened.shrinkage(bytesRead: fromStart ? input.rawBytesRead : nil)
    }

    var rawBytesRead: Int { input.rawBytesRead }
}
