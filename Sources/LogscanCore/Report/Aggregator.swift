/// The report's sink: a `ServiceTally` per service plus unmatched lines without a service. Each input gets
/// its own aggregator; they merge in input order at the end (that is how both cores get used).
public struct Aggregator: MergeableSink {
    /// One tally per service, indexed by `Service.index`: no hashing per event, and each changed in place
    /// (an optional slot copied the tally out to test it). Held inline, not in an `Array`: an array's
    /// uniqueness check before each change cost ~10 instructions an event (bench/RESULTS.md, round six).
    private var tallies: InlineArray<3, ServiceTally>
    /// Bit `Service.index` set: that service saw a line.
    private var seen: UInt32 = 0

    /// The services that saw any line.
    public var services: [Service: ServiceTally] {
        Dictionary(uniqueKeysWithValues: Service.allCases.compactMap { service in
            sawLines(service.index) ? (service, tallies[service.index]) : nil
        })
    }
    /// Untagged lines that no parser recognised.
    public var untaggedUnmatched = SampledLines()
    /// The first and last time of the lines recorded.
    public var firstTime: Instant? { times.first }
    public var lastTime: Instant? { times.last }
    /// Noted for every line: `TimeBounds`' two compares, where two optionals' `keepEarliest` / `keepLatest`
    /// tested their tags too.
    private var times = TimeBounds()
    private var days: DayNumbers
    /// See `ServiceTally.keepsPeerTables`.
    private let keepsPeerTables: Bool

    /// `zone` decides which day a line belongs to in the traffic breakdown.
    public init(zone: Zone = .utc, keepsPeerTables: Bool = true) {
        days = DayNumbers(zone: zone)
        self.keepsPeerTables = keepsPeerTables
        precondition(Service.allCases.count == 3, "Aggregator.tallies holds one tally per service")
        tallies = InlineArray(repeating: ServiceTally(keepsPeerTables: keepsPeerTables))
    }

    public mutating func record(_ event: inout Event) {
        seen |= 1 &<< UInt32(truncatingIfNeeded: event.service.index)
        noteTime(event.line.time)
        let role = event.parsed.kind.role
        // Nearly half a mail log's events add nothing but the line's time (the mail cut: 55,000 noise, 12,600
        // same-attempt lines that say nothing of the user, of 152,587): they leave here, and the tally's
        // dispatch is a call, so they do not pay for its stack frame.
        if ServiceTally.addsNothing(&event, role: role) { return }
        recordInTally(&event, role: role)
    }

    /// The event counted by its service's tally; `role` is its `kind.role`. A call (the tally's dispatch
    /// inlined here, each path a tail call, see `ServiceTally.record`): `record` then has no stack frame to set
    /// up for the events that add nothing (measured with the QueueKey change: mail cut 188.11 M -> 187.24 M
    /// instructions, `bench/callgrind`).
    @inline(never)
    private mutating func recordInTally(_ event: inout Event, role: AttemptRole) {
        tallies[event.service.index].record(&event, role: role, days: &days)
    }

    /// A plain file's size readies the tallies' tables (`ServiceTally.expectInput(bytes:)`).
    public mutating func beginInput(_ source: InputSource) {
        guard source.kind == .file, let bytes = source.size else { return }
        for index in tallies.indices { tallies[index].expectInput(bytes: bytes) }
    }

    public mutating func unmatched(_ line: SyslogLine, raw: Bytes, service: Service?, lineNumber: Int) {
        // Tagged lines of programs without a parser (most of auth.log's unmatched lines) are not kept.
        if service == nil && line.hasTag { return }
        recordUnmatched(line, raw: raw, service: service)
    }

    /// An unmatched line that is kept. A call: inlined, it made `unmatched` too large for the pipeline to
    /// inline (`LineProcessor.deliverUnmatched` became a call per unmatched line, +1.2 M on the auth cut).
    @inline(never)
    private mutating func recordUnmatched(_ line: SyslogLine, raw: Bytes, service: Service?) {
        guard let service else {
            untaggedUnmatched.add(raw)
            return
        }
        seen |= 1 << UInt32(service.index)
        tallies[service.index].recordUnmatched(program: line.program.string, raw: raw)
        noteTime(line.time)
    }

    private func sawLines(_ index: Int) -> Bool { seen & 1 << UInt32(index) != 0 }

    private mutating func noteTime(_ time: Instant?) { times.note(time) }

    public mutating func forgetEarlierNeeds() {
        for index in tallies.indices where sawLines(index) { tallies[index].forgetEarlierNeeds() }
    }

    public mutating func merge(_ other: Aggregator) {
        for (service, tally) in other.services {
            // The first tally of a service is taken whole rather than merged entry by entry.
            if sawLines(service.index) { tallies[service.index].merge(tally) } else { tallies[service.index] = tally }
            seen |= 1 << UInt32(service.index)
        }
        untaggedUnmatched.merge(other.untaggedUnmatched)
        times.merge(other.times)
    }
}
