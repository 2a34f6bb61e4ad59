/// The report's sink: a `ServiceTally` per service plus unmatched lines without a service. Each input gets
/// its own aggregator; they merge in input order at the end (that is how both cores get used).
public struct Aggregator: MergeableSink {
    /// One tally per service, indexed by `Service.index`: no hashing per event, and each changed in place
    /// (an optional slot copied the tally out to test it).
    private var tallies: [ServiceTally]
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
    public var firstTime: Instant?
    public var lastTime: Instant?
    private var days: DayNumbers
    /// See `ServiceTally.keepsPeerTables`.
    private let keepsPeerTables: Bool

    /// `zone` decides which day a line belongs to in the traffic breakdown.
    public init(zone: Zone = .utc, keepsPeerTables: Bool = true) {
        days = DayNumbers(zone: zone)
        self.keepsPeerTables = keepsPeerTables
        tallies = Service.allCases.map { _ in ServiceTally(keepsPeerTables: keepsPeerTables) }
    }

    public mutating func record(_ event: Event) {
        let role = event.parsed.kind.role
        let day = role == .traffic || role == .reject ? event.line.time.map { days.day(of: $0) } : nil
        seen |= 1 << UInt32(event.service.index)
        tallies[event.service.index].record(event, role: role, day: day)
        noteTime(event.line.time)
    }

    public mutating func unmatched(_ line: SyslogLine, raw: Bytes, service: Service?, lineNumber: Int) {
        guard let service else {
            if !line.hasTag { untaggedUnmatched.add(raw) }
            return
        }
        seen |= 1 << UInt32(service.index)
        tallies[service.index].recordUnmatched(program: line.program.string, raw: raw)
        noteTime(line.time)
    }

    private func sawLines(_ index: Int) -> Bool { seen & 1 << UInt32(index) != 0 }

    private mutating func noteTime(_ time: Instant?) {
        firstTime.keepEarliest(time)
        lastTime.keepLatest(time)
    }

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
        firstTime.keepEarliest(other.firstTime)
        lastTime.keepLatest(other.lastTime)
    }
}
