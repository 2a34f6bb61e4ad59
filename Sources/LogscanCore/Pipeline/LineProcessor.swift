/// Runs one input through the pipeline: syslog header, time range, dispatch by program, service parser,
/// attempt correlation, and the sink. Call `finish()` after the last line.
public struct LineProcessor<Sink: EventSink> {
    public let registry: ParserRegistry
    public let range: TimeRange
    public var sink: Sink
    /// The input's counts so far, with its first and last time.
    public var stats: FileStats {
        var stats = counts
        stats.lines = event.lineNumber &- uncountedLines
        stats.bytes = counts.bytes &+ stats.lines
        stats.firstTime = covered.first
        stats.lastTime = covered.last
        return stats
    }
    /// The counts but the lines and the first and last time, which `covered` keeps as plain numbers (a line
    /// tested two optionals before: measured, round six).
    /// `bytes` leaves out the lines' ends: one a line, added to it from the lines in `stats`.
    private var counts = FileStats()
    /// The line numbers that are no lines of the stats: the lines before a chunk (`lineNumber` set from
    /// outside) and the context lines. The lines are the line number less these, so a line adds its bytes
    /// alone (the line and byte counts added together were 7 instructions a line, in vector registers; the
    /// bytes with the line's end 4, without it 1: measured, round eight).
    private var uncountedLines = 0
    /// The earliest and latest time of the lines counted: the stats' first and last time.
    private var covered = TimeBounds()
    private var times: TimeResolver
    /// The lines kept past the read buffer: held by a correlator, or waiting for order. A reference: copies
    /// of a processor would share it, so a processor is used where it was made, never copied to go on.
    private let held = HeldLines()
    private var correlators: Correlators
    private var programs = ProgramCache()
    /// The number of the line read last (a chunk starts from the lines before it). Kept in the event the sink
    /// reads, so a recorded line does not copy it there (2 instructions a recorded line).
    var lineNumber: Int {
        get { event.lineNumber }
        set {
            uncountedLines &+= newValue &- event.lineNumber
            event.lineNumber = newValue
        }
    }
    /// Lines waiting for an earlier line's verdict, for a sink that needs input order but does not keep it
    /// itself (`EventSink.keepsInputOrder`).
    private var ordered = FIFO<Int32>()
    /// False while reading lines only for context: the lines before a chunk of a large file (so its
    /// connections are known) and after it (so its own held lines settle). They reach neither the sink nor
    /// the stats.
    public var recording = true
    /// The chunk's own lines still waiting for a verdict.
    public private(set) var ownedHeldOutstanding = 0
    /// The event of the line in hand: the header's parse is written into `event.line` and read there by the
    /// route, the correlators and the sink; the parser writes its parse into `event.parsed`, in place (not returned
    /// and copied out level by level), and a recognised line's other fields are set here before the sink
    /// reads it in place. Reused from line to line, so nothing is set up per line (a local needed 120 bytes
    /// of initial value for every line: measured, round five), and the parse is not copied into an event
    /// built for the sink's call (16 instructions a recognised line: measured, round seven).
    private var event = Event(service: .sshd, line: SyslogLine.none, parsed: ParsedMessage(.noise), verdict: .noise,
                              lineNumber: 0)

    public init(registry: ParserRegistry, range: TimeRange, zone: Zone, reference: Instant, sink: Sink) {
        self.registry = registry
        self.range = range
        self.sink = sink
        self.times = TimeResolver(zone: zone, reference: reference)
        correlators = Correlators(lines: held)
    }

    public mutating func process(_ raw: Bytes) {
        guard recording else { return processContext(raw) }
        count(raw)
        guard !raw.isEmpty else { return }
        event.line = SyslogHeaderParser.parse(raw, times: &times)
        route(raw: raw, recording: true)
    }

    /// A context line leaves the stats as they were; only then are they copied (they are 100 bytes). Out of
    /// line, so the hot path above holds one copy of the header parse and `route`, not two.
    @inline(never)
    private mutating func processContext(_ raw: Bytes) {
        let saved = (counts, covered)
        count(raw)
        if !raw.isEmpty {
            event.line = SyslogHeaderParser.parse(raw, times: &times)
            route(raw: raw, recording: false)
        }
        (counts, covered) = saved
        uncountedLines &+= 1
    }

    /// A message whose header fields are already known (a journal entry): everything after the header
    /// parse. `raw` is the entry as one line; every view of `line` lies inside it.
    public mutating func process(_ line: SyslogLine, raw: Bytes) {
        let saved = (counts, covered)
        defer {
            if !recording {
                (counts, covered) = saved
                uncountedLines &+= 1
            }
        }
        count(raw)
        event.line = line
        route(raw: raw, recording: recording)
    }

    /// The line's number and bytes but its end (its line count is its number, and its end is counted from
    /// the lines: see `uncountedLines` and `counts`). Wrapping adds: a line
    /// count or byte count of 2^63 is out of reach (no overflow check per line; the other counts of `counts` are
    /// added to the same way).
    @inline(__always)
    private mutating func count(_ raw: Bytes) {
        event.lineNumber &+= 1
        counts.bytes &+= raw.count
    }

    /// Time range, dispatch by program, parser, correlators and sink, for the line in `event.line`: the header
    /// parse is written there once, and everything after reads it in place (passed along by value, it was built
    /// on the stack, stored again for the correlators' call and copied into `event.line` for the sink: -12 a
    /// mail line on `--format json`, measured, round seven, third pass).
    ///
    /// `@_transparent`, not `@inline(__always)`: the optimiser inlines the header's common path into
    /// `process` first, and then `process` is over its inliner's caller-size limit, which stops even
    /// always-inline calls, so `route` stayed a call (the line built on the stack for it: measured, ~20
    /// instructions a line). Transparent functions are inlined before optimisation.
    ///
    /// `recording` is the processor's `recording`, a constant where the caller knows it (`process` tested it
    /// already; read again after the parser's and the correlators' calls, it cost 2 instructions a recorded line).
    @_transparent
    private mutating func route(raw: Bytes, recording: Bool) {
        if let time = event.line.time {
            // Stored only when it widens (a line of the same second stores nothing; `min`/`max` stored both).
            covered.note(micros: time.micros)
            guard range.contains(time) else {
                counts.outOfRange &+= 1
                return
            }
        } else {
            counts.untimed &+= 1
            if range.isBounded { return }
        }
        guard event.line.hasTag else {
            dispatchBare(raw: raw)
            return
        }
        guard let route = parserRoute(for: event.line.program, isHeld: event.line.programIsHeld) else {
            counts.otherPrograms &+= 1
            deliverUnmatched(raw: raw, service: nil)
            return
        }
        if registry.parse(route: route, event.line.message, program: event.line.program, into: &event.parsed) {
            emit(service: ParserRegistry.service(route: route), raw: raw, recording: recording)
        } else {
            counts.unmatched &+= 1
            deliverUnmatched(raw: raw, service: ParserRegistry.service(route: route))
        }
    }

    /// The route (`ParserRoute`: built-in parser, service, index) of the parser claiming the line's program:
    /// kept with the header cache's name when the line's program is that name (most lines: no lookup at all),
    /// else the program cache's answer, else the registry's (`cachedRoute`, out of line: inlined, the values
    /// its calls need were spilled for every line; a call for the 10 % of mail lines that come here saves
    /// 3 a mail line and 2 an auth line on `--format json`, measured, round eight, with `events` mail 2 a line
    /// dearer). Transparent for the reason `route` is: always-inline, it stayed a call taking the 72-byte
    /// line (measured: the held answer saved 15 a line on auth instead of the 38 the program cache cost).
    @_transparent
    private mutating func parserRoute(for program: Bytes, isHeld: Bool) -> Int? {
        var route = isHeld ? times.lastHeader.nameAnswer : HeaderPrefixCache.noAnswer
        if route == HeaderPrefixCache.noAnswer { route = cachedRoute(for: program, isHeld: isHeld) }
        return route < 0 ? nil : route
    }

    /// The program cache's answer, else the registry's, kept for the held name when `isHeld`. Out of line
    /// (measured: see `parserRoute`).
    @inline(never)
    private mutating func cachedRoute(for program: Bytes, isHeld: Bool) -> Int {
        var route = programs.cached(program)
        if route == ProgramCache.miss { route = lookUpProgram(program) }
        if isHeld { times.lastHeader.keepNameAnswer(route) }
        return route
    }

    @inline(never)
    private mutating func lookUpProgram(_ program: Bytes) -> Int {
        let route = registry.route(for: program) ?? -1
        programs.remember(program, index: route)
        return route
    }

    /// Settles every held line and delivers the rest.
    public mutating func finish() {
        correlators.finish()
        deliverReleased()
    }

    /// A message without a tag (piped in bare, say) goes to the first parser that recognises it.
    private mutating func dispatchBare(raw: Bytes) {
        let line = event.line
        for parser in registry.parsers where parser.parse(line.message, program: line.program, into: &event.parsed) {
            emit(service: parser.service, raw: raw, recording: recording)
            return
        }
        counts.unmatched &+= 1
        deliverUnmatched(raw: raw, service: nil)
    }

    /// A recognised line (its parse in `event.parsed`) to the correlators and the sink. Inlined into `route`
    /// (measured: fewer copies of the parse's result, about 30 instructions a line), transparent for the
    /// reason `route` is. The line is written once, into `event.line`, and the correlators read it and the
    /// parse there (`inout`: the parse passed by value was copied for their call, 16 instructions a recognised
    /// line, round six; the line passed by value was stored on the stack for it and then copied into
    /// `event.line`, round seven).
    @_transparent
    private mutating func emit(service: Service, raw: Bytes, recording: Bool) {
        counts.recognised &+= 1
        let outcome = correlators.classify(&event, service: service)
        deliverReleased()
        // The event's other fields are set only for the sink's call (set before classification, for its verdict
        // to be set in place, the line was copied once more: measured, round five).
        switch outcome {
        case .decided(let verdict):
            guard recording else { return }
            if queuesForOrder && !ordered.isEmpty {
                ordered.append(held.keep(raw, service: service, line: event.line, parsed: event.parsed,
                                         verdict: verdict, lineNumber: lineNumber, isUnmatched: false,
                                         unmatchedService: nil, isResolved: true, owned: true))
            } else {
                event.service = service
                event.verdict = verdict
                sink.record(&event)
            }
        case .pending(let key):
            // Written straight into the held line's slot: the event is not built here first.
            let line = held.keep(raw, service: service, line: event.line, parsed: event.parsed, verdict: .noise,
                                 lineNumber: lineNumber, isUnmatched: false, unmatchedService: nil,
                                 isResolved: false, owned: recording)
            if recording && sink.keepsInputOrder { held[line].orderPlace = sink.open(&held[line].event) }
            correlators.hold(line, key: key, service: service)
            if recording { ownedHeldOutstanding += 1 }
            if queuesForOrder && recording { ordered.append(line) }
        }
    }

    private mutating func deliverUnmatched(raw: Bytes, service: Service?) {
        guard recording && sink.wantsUnmatched else { return }
        if queuesForOrder && !ordered.isEmpty {
            ordered.append(held.keep(raw, service: service ?? .sshd, line: event.line, parsed: ParsedMessage(.noise),
                                     verdict: .noise, lineNumber: lineNumber, isUnmatched: true,
                                     unmatchedService: service, isResolved: true, owned: true))
        } else {
            sink.unmatched(event.line, raw: raw, service: service, lineNumber: lineNumber)
        }
    }

    /// True when lines behind an open verdict wait here for a sink that needs input order; a sink that
    /// keeps order itself gets every line at once.
    private var queuesForOrder: Bool { sink.needsInputOrder && !sink.keepsInputOrder }

    /// Hands settled lines to the sink: at once for an unordered sink or one that keeps order itself, from
    /// the head of the queue for another ordered one. Most lines release nothing.
    @inline(__always)
    private mutating func deliverReleased() {
        if !held.released.isEmpty { deliverReleasedLines() }
    }

    private mutating func deliverReleasedLines() {
        let queued = queuesForOrder
        for index in 0..<held.released.count {
            let line = held.released[index]
            let owned = held[line].owned
            if owned { ownedHeldOutstanding -= 1 }
            if queued && owned { continue }  // freed when it leaves the head of `ordered`
            if owned {
                if sink.keepsInputOrder {
                    sink.settle(held[line].orderPlace, with: &held[line].event)
                } else {
                    sink.record(&held[line].event)
                }
            }
            held.free(line)
        }
        held.released.removeAll()
        correlators.dropReleasedFronts()
        guard queued else { return }
        while let head = ordered.first, held[head].isResolved {
            ordered.removeFirst()
            if held[head].isUnmatched {
                let line = held[head]
                sink.unmatched(line.line, raw: line.raw, service: line.unmatchedService, lineNumber: line.lineNumber)
            } else {
                sink.record(&held[head].event)
            }
            held.free(head)
        }
    }
}
