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
        warnings = plan.problems.map { "\($0.path): \($0.message)" }
    }

    /// True when some input was missing, unreadable or damaged: the result is partial.
    public var isPartial: Bool { !warnings.isEmpty }

    mutating func add(_ result: FileResult) {
        files.append(result)
        if let problem = result.read.problem { warnings.append("\(result.source.displayName): \(problem)") }
    }
}

/// Runs the pipeline over a plan's inputs.
public struct Scanner: Sendable {
    public let registry: ParserRegistry
    public let range: TimeRange
    public let zone: Zone
    /// Counts what the readers have read, for a progress line.
    public let progress: ProgressCounter?

    public init(registry: ParserRegistry = ParserRegistry(), range: TimeRange, zone: Zone,
                progress: ProgressCounter? = nil) {
        self.registry = registry
        self.range = range
        self.zone = zone
        self.progress = progress
    }

    /// Reads one input into `sink`.
    public func scan<Sink: EventSink>(_ source: InputSource, into sink: Sink) -> (Sink, FileResult) {
        var sink = sink
        sink.beginInput(source)
        var processor = LineProcessor(registry: registry, range: range, zone: zone,
                                      reference: source.modified ?? .now, sink: sink)
        let read = InputReader.forEachLine(of: source, progress: progress) { processor.process($0) }
        processor.finish()
        return (processor.sink, FileResult(source: source, stats: processor.stats, read: read))
    }

    /// Reads inputs one after another, in order, into one sink (for `events`).
    public func scanInOrder<Sink: EventSink>(_ plan: InputPlan, into sink: inout Sink) -> ScanRun {
        var run = ScanRun(plan: plan, range: range)
        for source in plan.inputs {
            let (updated, result) = scan(source, into: sink)
            sink = updated
            run.add(result)
        }
        return run
    }

    /// Reads inputs in parallel, one aggregator each, merged in input order as soon as they are done (so
    /// only the few that finish out of order wait in memory, not one per file).
    public func aggregate(_ plan: InputPlan) -> (Aggregator, ScanRun) {
        let merger = OrderedMerger(total: Aggregator(zone: zone), run: ScanRun(plan: plan, range: range))
        ParallelMap.forEach(plan.inputs) { index, source in
            let (aggregator, result) = scan(source, into: Aggregator(zone: zone))
            merger.deliver(index, aggregator, result)
        }
        return merger.finish()
    }
}
