/// One input's outcome.
public struct FileResult: Sendable {
    public var source: InputSource
    public var stats: FileStats
    public var read: ReadResult
}

/// Everything a run read, for the report's inputs section and the exit code.
public struct ScanRun: Sendable {
    public var plan: InputPlan
    public var range: TimeRange
    public var files: [FileResult] = []
    public var warnings: [String] = []

    public init(plan: InputPlan, range: TimeRange) {
        self.plan = plan
        self.range = range
        warnings = plan.problems.map { "\(SafeText.from($0.path)): \($0.message)" }
    }

    /// True when some input was missing, unreadable or damaged: the result is partial.
    public var isPartial: Bool { !warnings.isEmpty }

    mutating func add(_ result: FileResult) {
        if result.source.journalSlice?.continuesInput == true && !files.isEmpty { return extendLast(result) }
        files.append(result)
        if let problem = result.read.problem { warnings.append("\(result.source.displayName): \(problem)") }
    }

    /// Adds a later chunk of the file added last.
    mutating func extendLast(_ result: FileResult) {
        guard let last = files.indices.last else { return add(result) }
        files[last].stats.merge(result.stats)
        files[last].read.rawBytes += result.read.rawBytes
        if let problem = result.read.problem, files[last].read.problem == nil {
            files[last].read.problem = problem
            warnings.append("\(result.source.displayName): \(problem)")
        }
    }
}

/// Runs the pipeline over a plan's inputs.
public struct Scanner: Sendable {
    public let registry: ParserRegistry
    public let range: TimeRange
    public let zone: Zone
    /// Counts what the readers have read, for a progress line.
    public let progress: ProgressCounter?
    /// Plain files at least `minimumFileBytes` long are read in chunks of about `chunkBytes`.
    public let chunking: (minimumFileBytes: Int64, chunkBytes: Int64)
    /// `FIELD=VALUE` matches added to the journal's service matches (`--journal-match`).
    public var journalMatches: [String] = []

    public init(registry: ParserRegistry = ParserRegistry(), range: TimeRange, zone: Zone,
                progress: ProgressCounter? = nil,
                chunking: (minimumFileBytes: Int64, chunkBytes: Int64) = (FileChunks.minimumFileBytes, FileChunks.chunkBytes)) {
        self.registry = registry
        self.range = range
        self.zone = zone
        self.progress = progress
        self.chunking = chunking
    }

    /// Reads one input into `sink`, which sees every line as it is read (`events`): the lines of a gzip
    /// member that then fails its integrity check were delivered already, so the warning names them.
    public func scan<Sink: EventSink>(_ source: InputSource, into sink: Sink) -> (Sink, FileResult) {
        if case .journal = source.kind { return scanJournal(source, into: sink) }
        var sink = sink
        sink.beginInput(source)
        var lines = ProcessorLines(processor: LineProcessor(registry: registry, range: range, zone: zone,
                                                           reference: source.modified ?? .now, sink: sink),
                                   counted: true, memberDone: { _, _ in })
        let read = InputReader.forEachLine(of: source, progress: progress, into: &lines)
        lines.processor.finish()
        return (lines.processor.sink, fileResult(source, lines.processor.stats, read, lines.ledger))
    }

    /// Reads one input into an aggregator per gzip member, kept only when the member proves intact: a
    /// member failing its CRC or data check feeds nothing to the report (or to a ban).
    func aggregateFile<Sink: MergeableSink>(_ source: InputSource, making make: (Zone) -> Sink) -> (Sink, FileResult) {
        if case .journal = source.kind { return scanJournal(source, into: make(zone)) }
        let zone = zone
        return withoutActuallyEscaping(make) { make in
            var intact = make(zone)
            // Told its input (the size of a plain file readies the report's tables): gzip members' sinks
            // made in `memberDone` are not.
            var first = make(zone)
            first.beginInput(source)
            var lines = ProcessorLines(processor: LineProcessor(registry: registry, range: range, zone: zone,
                                                                reference: source.modified ?? .now, sink: first),
                                       counted: false, memberDone: { end, sink in
                                           if end.intact { intact.merge(sink) }
                                           sink = make(zone)
                                       })
            let read = InputReader.forEachLine(of: source, progress: progress, into: &lines)
            lines.processor.finish()
            intact.merge(lines.processor.sink)
            return (intact, fileResult(source, lines.processor.stats, read, lines.ledger))
        }
    }

    private func fileResult(_ source: InputSource, _ stats: FileStats, _ read: ReadResult,
                            _ ledger: GzipMemberLedger) -> FileResult {
        var stats = stats
        stats.cutLines = read.cutLines
        var read = read
        if !ledger.failures.isEmpty {
            read.problem = (ledger.failures + (read.problem.map { [$0] } ?? [])).joined(separator: "; ")
        }
        return FileResult(source: source, stats: stats, read: read)
    }

    /// Reads inputs in parallel, one aggregator per file or per chunk of a large plain file, merged in input
    /// order as soon as they are done (so only the few that finish out of order wait in memory).
    public func aggregate(_ plan: InputPlan) -> (Aggregator, ScanRun) {
        aggregate(plan, making: { Aggregator(zone: $0) })
    }

    /// The same with any mergeable sink (`logscan ban` adds its attempt windows to the report's tallies);
    /// `make` creates an empty one for the zone.
    public func aggregate<Sink: MergeableSink>(_ plan: InputPlan, making make: @Sendable (Zone) -> Sink) -> (Sink, ScanRun) {
        let units = workUnits(plan)
        let merger = OrderedMerger(total: make(zone), run: ScanRun(plan: plan, range: range))
        Parallel.forEach(units) { index, unit in
            let (aggregator, result) = unit.chunk.map { scanChunk(unit.source, $0, into: make(zone)) }
                ?? aggregateFile(unit.source, making: make)
            merger.deliver(index, aggregator, result, continuesFile: (unit.chunk?.lowerBound ?? 0) > 0)
        }
        return merger.finish()
    }

    /// The plan's inputs, large plain files cut in chunks, in input order.
    func workUnits(_ plan: InputPlan) -> [WorkUnit] {
        plan.inputs.flatMap { source -> [WorkUnit] in
            if let slices = JournalSlices.sources(of: source, range: range) {
                return slices.map { WorkUnit(source: $0, chunk: nil) }
            }
            guard let cuts = FileChunks.boundaries(of: source, chunkBytes: chunking.chunkBytes,
                                                   minimumFileBytes: chunking.minimumFileBytes) else {
                return [WorkUnit(source: source, chunk: nil)]
            }
            return (1..<cuts.count).map { WorkUnit(source: source, chunk: cuts[$0 - 1]..<cuts[$0]) }
        }
    }

    /// A file, or the part of a large plain file that one core reads.
    struct WorkUnit: Sendable {
        var source: InputSource
        var chunk: Range<Int64>?
    }

    /// Context read around a chunk: before it, enough for the connections that started earlier (sshd gives
    /// up on a client after two minutes; the correlators after ten); after it, until its own held lines
    /// have settled, or this much more at most.
    static let warmUpBytes: Int64 = 8 << 20
    static let coolDownLimitBytes: Int64 = 64 << 20

    /// Reads one chunk of a plain file: the lines before it and after it feed the correlators only, so a
    /// connection cut by the chunk boundary is counted once, by the chunk that holds each line.
    /// `numberingLines`: count the lines before the chunk first, so its events carry their line in the file.
    func scanChunk<Sink: EventSink>(_ source: InputSource, _ chunk: Range<Int64>, into sink: Sink,
                                    numberingLines: Bool = false) -> (Sink, FileResult) {
        var sink = sink
        sink.beginInput(source)
        var processor = LineProcessor(registry: registry, range: range, zone: zone,
                                      reference: source.modified ?? .now, sink: sink)
        let readFrom = max(0, chunk.lowerBound - Scanner.warmUpBytes)
        if numberingLines { processor.lineNumber = FileChunks.lineCount(of: source, before: readFrom) }
        var offset = readFrom
        var cutLines = 0
        var read = InputReader.forEachLine(ofPlainFile: source, from: readFrom, progress: nil) { line, length, cut in
            defer { offset += Int64(length) }
            if cut && offset >= chunk.lowerBound && offset < chunk.upperBound { cutLines += 1 }
            if offset < chunk.upperBound {
                processor.recording = offset >= chunk.lowerBound
            } else {
                processor.recording = false
                guard processor.ownedHeldOutstanding > 0, offset - chunk.upperBound < Scanner.coolDownLimitBytes else {
                    return false
                }
            }
            processor.process(line)
            return true
        }
        processor.recording = true
        processor.finish()
        progress?.add(bytes: Int(chunk.count))
        read.rawBytes = Int(chunk.count)
        var stats = processor.stats
        stats.cutLines = cutLines
        return (processor.sink, FileResult(source: source, stats: stats, read: read))
    }
}
