/// Runs one input through the pipeline: syslog header, time range, dispatch by program, service parser,
/// attempt correlation, and the sink.
public struct LineProcessor<Sink: EventSink> {
    public let registry: ParserRegistry
    public let range: TimeRange
    public var sink: Sink
    public private(set) var stats = FileStats()
    private var times: TimeResolver
    private var correlator = AttemptCorrelator()
    private var lineNumber = 0

    public init(registry: ParserRegistry, range: TimeRange, zone: Zone, reference: Instant, sink: Sink) {
        self.registry = registry
        self.range = range
        self.sink = sink
        self.times = TimeResolver(zone: zone, reference: reference)
    }

    public mutating func process(_ raw: Bytes) {
        lineNumber += 1
        stats.lines += 1
        stats.bytes += raw.count + 1
        let line = SyslogHeaderParser.parse(raw, times: &times)
        if let time = line.time {
            if stats.firstTime == nil { stats.firstTime = time }
            stats.lastTime = time
            guard range.contains(time) else {
                stats.outOfRange += 1
                return
            }
        } else if range.isBounded {
            stats.untimed += 1
            return
        }
        guard line.hasTag else {
            dispatchBare(line, raw: raw)
            return
        }
        guard let index = registry.parserIndex(for: line.program) else {
            stats.otherPrograms += 1
            sink.unmatched(line, raw: raw, service: nil, lineNumber: lineNumber)
            return
        }
        let parser = registry.parsers[index]
        if let parsed = parser.parse(line.message) {
            emit(parsed, service: parser.service, line: line)
        } else {
            stats.unmatched += 1
            sink.unmatched(line, raw: raw, service: parser.service, lineNumber: lineNumber)
        }
    }

    /// A message without a tag (piped in bare, say) goes to the first parser that recognises it.
    private mutating func dispatchBare(_ line: SyslogLine, raw: Bytes) {
        for parser in registry.parsers {
            if let parsed = parser.parse(line.message) {
                emit(parsed, service: parser.service, line: line)
                return
            }
        }
        stats.unmatched += 1
        sink.unmatched(line, raw: raw, service: nil, lineNumber: lineNumber)
    }

    private mutating func emit(_ parsed: ParsedMessage, service: Service, line: SyslogLine) {
        stats.recognised += 1
        let verdict = correlator.verdict(for: parsed, line: line)
        sink.record(Event(service: service, line: line, parsed: parsed, verdict: verdict, lineNumber: lineNumber))
    }
}
