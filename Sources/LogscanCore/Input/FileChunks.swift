#if canImport(Glibc)
import Glibc
#endif

/// Where to cut a large plain file into pieces that both cores can read: at line starts, about
/// `chunkBytes` apart. gzip files cannot be cut (inflating is sequential) and small files need not be.
public enum FileChunks {
    /// Files at least this large are cut.
    public static let minimumFileBytes: Int64 = 96 << 20
    public static let chunkBytes: Int64 = 48 << 20

    /// The cut offsets, from 0 to the size, or nil when the file stays whole.
    public static func boundaries(of source: InputSource, chunkBytes: Int64 = chunkBytes,
                                  minimumFileBytes: Int64 = minimumFileBytes) -> [Int64]? {
        guard source.kind == .file, let size = source.size, size >= minimumFileBytes else { return nil }
        let fd = source.withFileSystemPath { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var magic: (UInt8, UInt8) = (0, 0)
        guard pread(fd, &magic, 2, 0) == 2, !(magic.0 == 0x1F && magic.1 == 0x8B) else { return nil }
        var cuts: [Int64] = [0]
        var target = chunkBytes
        while target < size - chunkBytes / 2 {
            guard let lineStart = nextLineStart(fd, after: target), lineStart < size else { break }
            if lineStart > cuts[cuts.count - 1] { cuts.append(lineStart) }
            target = lineStart + chunkBytes
        }
        cuts.append(size)
        return cuts.count > 2 ? cuts : nil
    }

    /// The offset just after the first newline at or after `offset`.
    /// The lines (newlines) of a plain file before `offset`: where a chunk's line numbers start.
    static func lineCount(of source: InputSource, before offset: Int64) -> Int {
        guard offset > 0 else { return 0 }
        let fd = open(source.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        let size = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        var position: Int64 = 0
        var lines = 0
        while position < offset {
            let n = pread(fd, buffer, Int(min(Int64(size), offset - position)), off_t(position))
            guard n > 0 else { break }
            var at = UnsafeRawPointer(buffer)
            var left = n
            while left > 0, let hit = memchr(at, 0x0A, left) {
                lines += 1
                left -= UnsafeRawPointer(hit) - at + 1
                at = UnsafeRawPointer(hit) + 1
            }
            position += Int64(n)
        }
        return lines
    }

    static func nextLineStart(_ fd: Int32, after offset: Int64) -> Int64? {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var position = offset
        while true {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(position)) }
            guard n > 0 else { return nil }
            if let newline = buffer.prefix(n).firstIndex(of: 0x0A) { return position + Int64(newline) + 1 }
            position += Int64(n)
        }
    }
}
