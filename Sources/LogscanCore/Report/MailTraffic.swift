/// What the mail system did, like pflogsumm's grand totals: messages received, delivered, deferred,
/// bounced and rejected, bytes, the top deferral and bounce reasons with their relays, and a day-by-day
/// breakdown. A message's size is kept from its `qmgr … from=, size=` line until `removed` (`InFlight`).
public struct MailTraffic: Sendable {
    public var received = 0
    public var receivedBytes = 0
    public var delivered = 0
    public var deliveredBytes = 0
    public var deferred = 0
    public var bounced = 0
    public var rejected = 0
    /// Deliveries into mailboxes (Dovecot's lmtp and lda).
    public var mailboxDeliveries = 0
    public var deferrals: [Reason: Int] = [:]
    public var bounces: [Reason: Int] = [:]
    /// Day by day (days since the epoch in the report's zone).
    public var days: [Int64: Day] { dayCounts.table }
    /// Lines come in time order: the current day is kept aside (`RunningTable`).
    private var dayCounts = RunningTable(empty: Day())
    /// Messages between their `from=` line and `removed`, with their sizes.
    var inFlight = InFlight()
    /// The relays and texts of `deferrals` and `bounces`, each stored once: a reason seen before costs no copy.
    private var reasonNames = NameTable()

    public init() {}

    /// Readies the messages in flight for an input of `bytes` (a plain file's size): room for one message
    /// per 2 KiB (a message is some five lines), at most 16,384 (about 2 MB), made only when a message comes.
    /// On the 20 MB mail cut (7,852 arrivals, about 7,400 queue ids) that is room for 9,765: neither the slots
    /// nor the arrays grow, where from 16 the slots grew eleven times (json run 172.32 M -> 171.52 M
    /// instructions with room for one message per 4 KiB, `bench/callgrind`, and the arrays still grew once).
    /// The cap keeps memory growing with the messages, not the input: a larger input's table grows past it.
    mutating func expectInput(bytes: Int64) {
        inFlight.expect(Int(min(bytes / 2048, 16_384)))
    }

    public struct Reason: Hashable, Sendable {
        public var relay: ByteString
        public var text: ByteString

        /// The two names' stored hashes mixed with the table's seed: no `Hasher`.
        public func _rawHashValue(seed: Int) -> Int { MixedKey.hash(relay.tableHash, text.tableHash, seed: seed) }
    }

    public struct Day: Sendable, Equatable {
        public var received = 0, delivered = 0, deferred = 0, bounced = 0, rejected = 0
    }

    /// Inlined into `ServiceTally.recordTraffic`, its one caller (a call of its own there, with a frame each).
    @inline(__always)
    mutating func record(_ event: inout Event, occurrences: Int, day: Int64?) {
        // The event's fields are read in place: a `let` of its parse was a 120-byte copy per line.
        let queueID = event.parsed.queueID.flatMap(QueueKey.init)
        switch event.parsed.kind {
        case .received:
            // qmgr logs `from=` again each time a deferred message returns to the active queue.
            let arrival = InFlight.Arrival(size: event.parsed.size, occurrences: occurrences, day: day)
            guard let queueID, inFlight.arrive(queueID, arrival) else { return }
            received +|= occurrences
            receivedBytes +|= event.parsed.size
            if let day { dayCounts[day].received +|= occurrences }
        case .delivered:
            delivered +|= occurrences
            deliveredBytes +|= queueID.flatMap { inFlight.deliver($0) } ?? 0
            if let day { dayCounts[day].delivered +|= occurrences }
        case .deferred:
            deferred +|= occurrences
            deferrals[reason(&event), default: 0] +|= occurrences
            if let day { dayCounts[day].deferred +|= occurrences }
        case .bounced:
            bounced +|= occurrences
            bounces[reason(&event), default: 0] +|= occurrences
            if let day { dayCounts[day].bounced +|= occurrences }
        case .removed:
            if let queueID { inFlight.remove(queueID) }
        case .mailDelivered:
            mailboxDeliveries +|= occurrences
        default:
            break
        }
    }

    @inline(__always)
    mutating func recordReject(occurrences: Int, day: Int64?) {
        rejected +|= occurrences
        if let day { dayCounts[day].rejected +|= occurrences }
    }

    /// The relay without its `[address]:port`, and the reason with its digits kept (codes matter).
    private mutating func reason(_ event: inout Event) -> Reason {
        var relay = event.parsed.relay ?? Bytes("")
        if let bracket = relay.firstIndex(of: UInt8(ascii: "[")) { relay = relay.prefix(bracket) }
        return Reason(relay: reasonNames.intern(relay), text: reasonNames.intern(event.parsed.detail?.prefix(160) ?? Bytes("")))
    }

    mutating func merge(_ other: MailTraffic) {
        received +|= other.received
        receivedBytes +|= other.receivedBytes
        delivered +|= other.delivered
        deliveredBytes +|= other.deliveredBytes
        deferred +|= other.deferred
        bounced +|= other.bounced
        rejected +|= other.rejected
        mailboxDeliveries +|= other.mailboxDeliveries
        deferrals.merge(other.deferrals)
        bounces.merge(other.bounces)
        for (day, counts) in other.days { dayCounts[day].add(counts) }
        settle(inFlight.merge(other.inFlight))
    }

    /// Takes back what the later part counted for messages this one left in flight, and adds the sizes of
    /// its deliveries that only this part could size.
    private mutating func settle(_ settlement: InFlight.Settlement) {
        deliveredBytes +|= settlement.deliveredBytes
        guard !settlement.relogged.isEmpty else { return }
        var days = dayCounts.table
        defer { dayCounts.table = days }
        for arrival in settlement.relogged {
            received +|= -arrival.occurrences
            receivedBytes +|= -arrival.size
            guard let day = arrival.day, var counts = days[day] else { continue }
            counts.received +|= -arrival.occurrences
            // A day that only a re-log brought in has no row in one reading of everything.
            days[day] = counts == Day() ? nil : counts
        }
    }

    /// Nothing is read before this part: see `InFlight.forgetEarlierNeeds`.
    mutating func forgetEarlierNeeds() { inFlight.forgetEarlierNeeds() }

    public var isEmpty: Bool { received +| delivered +| deferred +| bounced +| rejected +| mailboxDeliveries == 0 }
}

extension MailTraffic.Day {
    mutating func add(_ other: MailTraffic.Day) {
        received +|= other.received
        delivered +|= other.delivered
        deferred +|= other.deferred
        bounced +|= other.bounced
        rejected +|= other.rejected
    }
}

/// Messages refused by policy, by reason class, DNSBL and client.
public struct RejectTally: Sendable {
    /// By `RejectClass.allCases` position: no hashing per reject (an enum with a `String` raw value hashes
    /// through `Hasher`). nil: the class was never seen.
    private var classCounts = [Int?](repeating: nil, count: RejectClass.allCases.count)
    /// The DNSBLs named, each stored once and counted by its number (a `ByteString` made per reject was
    /// an allocation and a `Hasher` run).
    private var lists = NameTable()
    private var listCounts: [Int] = []
    public var byPeer = PeerTable<Int>()

    public init() {}

    public var byClass: [RejectClass: Int] {
        var table: [RejectClass: Int] = [:]
        for (rejectClass, count) in zip(RejectClass.allCases, classCounts) { table[rejectClass] = count }
        return table
    }

    /// Rejects by DNSBL.
    public var byList: [ByteString: Int] {
        Dictionary(uniqueKeysWithValues: listCounts.indices.map { (lists[$0], listCounts[$0]) })
    }

    /// Inlined into `ServiceTally.recordReject`, its one caller.
    @inline(__always)
    mutating func record(_ event: inout Event, occurrences: Int) {
        let parsed = event.parsed
        let rejectClass = parsed.rejectClass ?? .other
        classCounts[rejectClass.position][default: 0] +|= occurrences
        if rejectClass == .rbl, let list = parsed.detail { countList(lists.id(of: list), occurrences) }
        if let peer = parsed.peer?.key { byPeer.update(peer, orAdd: 0) { $0 +|= occurrences } }
    }

    mutating func merge(_ other: RejectTally) {
        for (position, count) in other.classCounts.enumerated() {
            if let count { classCounts[position][default: 0] +|= count }
        }
        for (list, count) in other.byList { countList(lists.id(of: list), count) }
        for (peer, count) in other.byPeer { byPeer[peer, default: 0] +|= count }
    }

    /// Adds `n` to the list numbered `id` in `lists`.
    private mutating func countList(_ id: Int, _ n: Int) {
        if id == listCounts.count { listCounts.append(0) }
        listCounts[id] +|= n
    }

    public var total: Int { classCounts.reduce(0) { $0 +| ($1 ?? 0) } }
}

extension RejectClass {
    /// The position in `allCases`.
    var position: Int {
        switch self {
        case .relayDenied: return 0
        case .rbl: return 1
        case .unknownRecipient: return 2
        case .clientHost: return 3
        case .helo: return 4
        case .sender: return 5
        case .policy: return 6
        case .milter: return 7
        case .other: return 8
        }
    }
}
