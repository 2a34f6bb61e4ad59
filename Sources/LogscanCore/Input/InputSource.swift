#if canImport(Glibc)
import Glibc
#endif

/// One input to read: a file, standard input, or the systemd journal (read through journalctl).
public struct InputSource: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case file, standardInput, journal(JournalScope) }
    public let path: String
    public let kind: Kind
    /// Bytes on disk (compressed size for gzip); nil for stdin.
    public let size: Int64?
    public let modified: Instant?
    /// For a journal read in time slices: this input's slice.
    public var journalSlice: JournalSlice?

    public static let standardInput = InputSource(path: "-", kind: .standardInput, size: nil, modified: nil)

    public init(path: String, kind: Kind, size: Int64?, modified: Instant?) {
        self.path = path
        self.kind = kind
        self.size = size
        self.modified = modified
    }

    /// The name shown in reports and warnings: the path, `(stdin)`, or `journal`, `journal:FILE`, `journal:DIR`.
    public var displayName: String {
        switch kind {
        case .file: path
        case .standardInput: "(stdin)"
        case .journal: path.isEmpty ? "journal" : "journal:" + path
        }
    }
}

/// What reading an input produced.
public struct ReadResult: Sendable {
    public var rawBytes: Int = 0
    public var compressed = false
    /// Set when the input could not be opened, or was damaged part-way.
    public var problem: String?
}

/// Opens an input, recognises gzip by its magic bytes, and feeds its lines to `body`.
public enum InputReader {
    public static func forEachLine(of source: InputSource, progress: ProgressCounter? = nil,
                                   _ body: (Bytes) -> Void) -> ReadResult {
        defer { progress?.finishFile() }
        var result = ReadResult()
        let fd: Int32
        switch source.kind {
        case .standardInput:
            fd = 0
        case .journal:
            result.problem = "a journal is read by Scanner.scanJournal, not as lines"
            return result
        case .file:
            fd = open(source.path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else {
                result.problem = "cannot open: \(String(cString: strerror(errno)))"
                return result
            }
        }
        defer { if source.kind == .file { close(fd) } }
        let input = PrefetchedInput(fd: fd, progress: progress)
        var splitter = LineSplitter()
        defer { splitter.deallocate() }
        if input.isGzip {
            result.compressed = true
            var producer = GzipChunks(input: input)
            let dropped = splitter.forEachLine(of: &producer, body)
            result.rawBytes = producer.rawBytesRead
            result.problem = describe(producer.damage, dropped: dropped)
            producer.close()
        } else {
            var producer = PlainChunks(input: input)
            let dropped = splitter.forEachLine(of: &producer, body)
            result.rawBytes = producer.rawBytesRead
            result.problem = describe(producer.damage, dropped: dropped)
        }
        return result
    }

    /// Reads a plain file from byte `offset` on, with each line's length, until `body` returns false.
    public static func forEachLine(ofPlainFile source: InputSource, from offset: Int64, progress: ProgressCounter? = nil,
                                   _ body: (Bytes, Int) -> Bool) -> ReadResult {
        var result = ReadResult()
        let fd = open(source.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            result.problem = "cannot open: \(String(cString: strerror(errno)))"
            return result
        }
        defer { close(fd) }
        if offset > 0 { lseek(fd, off_t(offset), SEEK_SET) }
        var producer = PlainChunks(input: PrefetchedInput(fd: fd, progress: progress))
        var splitter = LineSplitter()
        defer { splitter.deallocate() }
        _ = splitter.forEachLine(of: &producer, body)
        result.rawBytes = producer.rawBytesRead
        result.problem = describe(producer.damage, dropped: 0)
        return result
    }

    private static func describe(_ damage: String?, dropped: Int) -> String? {
        guard let damage else { return nil }
        guard dropped > 0 else { return damage }
        return "\(damage); the lines before it were read, the incomplete last line (\(dropped) bytes) was not"
    }
}
