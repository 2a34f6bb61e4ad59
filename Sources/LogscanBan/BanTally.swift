import LogscanCore

/// The sink of `logscan ban`: the report's aggregator (users tried, logins, times) plus, per service and
/// address, the attempts the policy counts and their `AttemptWindow`. Mergeable in input order like the
/// aggregator, so it runs on every core. The plain report does not carry the windows.
///
/// Windows are kept per service, as fail2ban keeps them per jail: sshd writes to auth.log and the mail
/// daemons to mail.log, which are read one after the other, so only per service does every window see its
/// attempts in time order.
public struct BanTally: MergeableSink {
    public private(set) var aggregate: Aggregator
    private let policy: BanPolicy
    private let rule: AttemptWindow.Rule
    /// `policy.services` as one bit per `Service.index`: no hashing per event.
    private let serviceBits: UInt32
    /// One table per service, indexed by `Service.index`.
    public private(set) var counted: [[PeerKey: CountedAttempts]]

    /// The attempts of one address on one service, as the policy counts them (their times are the
    /// aggregator's). Attempts without a time count here but cannot take part in the window.
    public struct CountedAttempts: Sendable {
        public var count = 0
        public var window = AttemptWindow()
    }

    public init(policy: BanPolicy, zone: Zone) {
        aggregate = Aggregator(zone: zone)
        self.policy = policy
        rule = policy.windowRule
        serviceBits = policy.services.reduce(0) { $0 | 1 << UInt32($1.index) }
        counted = Array(repeating: [:], count: Service.allCases.count)
    }

    public mutating func record(_ event: Event) {
        aggregate.record(event)
        guard serviceBits & 1 << UInt32(event.service.index) != 0, let peer = event.parsed.peer else { return }
        let weight = policy.weight(of: event)
        guard weight > 0 else { return }
        let time = event.line.time
        let rule = rule
        counted[event.service.index][peer.key, default: CountedAttempts()].add(weight, at: time, rule: rule)
    }

    public mutating func unmatched(_ line: SyslogLine, raw: Bytes, service: Service?, lineNumber: Int) {
        aggregate.unmatched(line, raw: raw, service: service, lineNumber: lineNumber)
    }

    public mutating func merge(_ later: BanTally) {
        aggregate.merge(later.aggregate)
        for index in counted.indices {
            if counted[index].isEmpty {
                counted[index] = later.counted[index]
                continue
            }
            for (peer, attempts) in later.counted[index] {
                counted[index][peer, default: CountedAttempts()].merge(attempts, rule: rule)
            }
        }
    }
}

extension BanTally.CountedAttempts {
    mutating func add(_ weight: Int, at time: Instant?, rule: AttemptWindow.Rule) {
        count = count.addingSaturated(weight)
        if let time { window.add(at: time, weight: weight, rule: rule) }
    }

    mutating func merge(_ later: BanTally.CountedAttempts, rule: AttemptWindow.Rule) {
        count = count.addingSaturated(later.count)
        window.merge(later.window, rule: rule)
    }
}
