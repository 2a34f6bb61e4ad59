/// The report's sink: a `ServiceTally` per service plus unmatched lines without a service. Each input gets
/// its own aggregator; they merge in input order at the end (that is how both cores get used).
public struct Aggregator: MergeableSink {
    /// One slot per service, indexed by `Service.index`: no hashing per event.
    private var tallies = [ServiceTally?](repeating: nil, count: Service.allCases.count)

    /// The services that saw any line.
    public var services: [Service: ServiceTally] {
        Dictionary(uniqueKeysWithValues: Service.allCases.compactMap { service in tallies[service.index].map { (service, $0) } })
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
    }

    public mutating func record(_ event: Event) {
        let role = event.parsed.kind.role
        let day = role == .traffic || role == .reject ? event.line.time.map { days.day(of: $0) } : nil
        tallies[event.service.index, default: ServiceTally(keepsPeerTables: keepsPeerTables)].record(event, day: day)
        noteTime(event.line.time)
    }

    public mutating func unmatched(_ line: SyslogLine, raw: Bytes, service: Service?, lineNumber: Int) {
        guard let service else {
            if !line.hasTag { untaggedUnmatched.add(raw) }
            return
        }
        tallies[service.index, default: ServiceTally(keepsPeerTables: keepsPeerTables)].recordUnmatched(program: line.program.string, raw: raw)
        noteTime(line.time)
    }

    private mutating func noteTime(_ time: Instant?) {
        firstTime.keepEarliest(time)
        lastTime.keepLatest(time)
    }

    public mutating func forgetEarlierNeeds() {
        for index in tallies.indices where tallies[index] != nil { tallies[index]!.forgetEarlierNeeds() }
    }

    public mutating func merge(_ other: Aggregator) {
        for (service, tally) in other.services {
            // The first tally of a service is taken whole rather than merged entry by entry.
            if tallies[service.index] == nil { tallies[service.index] = tally } else { tallies[service.index]!.merge(tally) }
        }
        untaggedUnmatched.merge(other.untaggedUnmatched)
        firstTime.keepEarliest(other.firstTime)
        lastTime.keepLatest(other.lastTime)
    }
}
