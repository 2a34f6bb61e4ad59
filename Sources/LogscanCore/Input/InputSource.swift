#if canImport(Glibc)
import Glibc
#endif

/// One input to read: a file, standard input, or the systemd journal (read through journalctl).
public struct InputSource: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case file, standardInput, journal(JournalScope) }
    /// The path as text: exact when the name is valid UTF-8, else its `SafeText` form (see `rawPath`).
    public let path: String
    public let kind: Kind
    /// Bytes on disk (compressed size for gzip); nil for stdin.
    public let size: Int64?
    public let modified: Instant?
    /// For a journal read in time slices: this input's slice.
    public var journalSlice: JournalSlice?
    /// The path's bytes when they are not valid UTF-8 (a `String` cannot hold them); nil otherwise.
    public let rawPath: [UInt8]?

    public static let standardInput = InputSource(path: "-", kind: .standardInput, size: nil, modified: nil)

    public init(path: String, kind: Kind, size: Int64?, modified: Instant?, rawPath: [UInt8]? = nil) {
        self.path = path
        self.kind = kind
        self.size = size
        self.modified = modified
        self.rawPath = rawPath
    }

    /// The name shown in reports and warnings: the path with control, invisible and invalid bytes escaped,
    /// `(stdin)`, or `journal`, `journal:FILE`, `journal:DIR`.
    public var displayName: String {
        switch kind {
        case .file: rawPath.map(SafeText.from) ?? SafeText.from(path)
        case .standardInput: "(stdin)"
        case .journal: path.isEmpty ? "journal" : "journal:" + SafeText.from(path)
        }
    }

    /// Runs `body` with the path as the file system knows it.
    public func withFileSystemPath<R>(_ body: (UnsafePointer<CChar>) -> R) -> R {
        guard let rawPath else { return path.withCString(body) }
        return (rawPath.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}

/// What reading an input produced.
public struct ReadResult: Sendable {
    public var rawBytes: Int = 0
    public var compressed = false
    /// Lines longer than `LineSplitter.maxLineBytes`, cut there.
    public var cutLines = 0
    /// Set when the input could not be opened, or was damaged part-way.
    public var problem: String?
}

/// Opens an input, recognises gzip by its magic bytes, and feeds its lines to `body`.
public enum InputReader {
    /// `memberEnded` hears of each gzip member's end, after the member's complete lines.
    public static func forEachLine(of source: InputSource, progress: ProgressCounter? = nil,
                                   memberEnded: (GzipMemberEnd) -> Void = { _ in },
                                   _ body: (Bytes) -> Void) -> ReadResult {
        ClosureLines.with(memberEnded: memberEnded, { line, _, _ in body(line); return true }) {
            forEachLine(of: source, progress: progress, into: &$0)
        }
    }

    /// The same with a consumer (each line a direct call, see `LineConsumer`); its `take` is not asked to
    /// stop a whole input's reading.
    static func forEachLine<C: LineConsumer>(of source: InputSource, progress: ProgressCounter? = nil,
                                             into consumer: inout C) -> ReadResult {
        defer { progress?.finishFile() }
        var result = ReadResult()
        var opened: OpenedInput?
        let fd: Int32
        switch source.kind {
        case .standardInput:
            fd = 0
        case .journal:
            result.problem = "a journal is read by Scanner.scanJournal, not as lines"
            return result
        case .file:
            switch source.withFileSystemPath({ OpenedInput.open($0) }) {
            case .failure(let refusal):
                result.problem = refusal.message
                return result
            case .success(let input):
                opened = input
                fd = input.fd
            }
        }
        defer { if let opened { close(opened.fd) } }
        var input = PrefetchedInput(fd: fd, progress: progress)
        input.pausesAfterHead = TestPause.isRequested && opened?.isFIFO == false
        var splitter = LineSplitter()
        defer { splitter.deallocate() }
        if input.isGzip {
            result.compressed = true
            var producer = GzipChunks(input: input)
            let dropped = splitter.forEachLine(of: &producer, into: &consumer)
            result.rawBytes = producer.rawBytesRead
            let problems = producer.notes + [describe(producer.damage, dropped: dropped)].compactMap { $0 }
            result.problem = problems.isEmpty ? nil : problems.joined(separator: "; ")
            producer.close()
        } else {
            var producer = PlainChunks(input: input, opened: opened)
            let dropped = splitter.forEachLine(of: &producer, into: &consumer)
            result.rawBytes = producer.rawBytesRead
            result.problem = describe(producer.damage, dropped: dropped)
        }
        result.cutLines = splitter.cutLines
        if let opened {
            if opened.isFIFO && result.rawBytes == 0 && result.problem == nil {
                result.problem = "a FIFO that gave no data (no writer?): read as empty"
            } else if result.problem == nil {
                result.problem = source.path.withCString { opened.changeDuringRead(path: $0, bytesRead: result.rawBytes) }
            }
        }
        return result
    }

    /// Reads a plain file from byte `offset` on, with each line's length and whether it was cut, until
    /// `body` returns false.
    public static func forEachLine(ofPlainFile source: InputSource, from offset: Int64, progress: ProgressCounter? = nil,
                                   _ body: (Bytes, Int, Bool) -> Bool) -> ReadResult {
        var result = ReadResult()
        let opened: OpenedInput
        switch source.withFileSystemPath({ OpenedInput.open($0) }) {
        case .failure(let refusal):
            result.problem = refusal.message
            return result
        case .success(let input):
            opened = input
        }
        defer { close(opened.fd) }
        if offset > 0 { lseek(opened.fd, off_t(offset), SEEK_SET) }
        var producer = PlainChunks(input: PrefetchedInput(fd: opened.fd, progress: progress), opened: opened, fromStart: false)
        var splitter = LineSplitter()
        defer { splitter.deallocate() }
        let dropped = splitter.forEachLine(of: &producer, body)
        result.rawBytes = producer.rawBytesRead
        result.problem = describe(producer.damage, dropped: dropped)
        if result.problem == nil, let size = source.size, opened.size < size {
            result.problem = "shrank before being read (from \(size) to \(opened.size) bytes): lines past the cut were lost"
        }
        return result
    }

    private static func describe(_ damage: String?, dropped: Int) -> String? {
        guard let damage else { return nil }
        guard dropped > 0 else { return damage }
        return "\(damage); the lines before it were read, the incomplete last line (\(dropped) bytes) was not"
    }
}
