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
    /// One table per service, indexed by `Service.index`, keyed by address (16 bytes, no enum tag); host
    /// names, which are rare, have their own.
    private var byAddress: [[IPAddress: CountedAttempts]]
    private var byHostname: [[String: CountedAttempts]]

    /// The attempts of one address on one service, as the policy counts them (their times are the
    /// aggregator's). Attempts without a time count here but cannot take part in the window.
    /// 24 bytes: the count fills the window's last 4 (declared after it; before it, padding made 32).
    public struct CountedAttempts: Sendable {
        public var window = AttemptWindow()
        private var saturatedCount: UInt32 = 0

        public var count: Int { Int(saturatedCount) }
    }

    public init(policy: BanPolicy, zone: Zone) {
        aggregate = Aggregator(zone: zone)
        self.policy = policy
        rule = policy.windowRule
        serviceBits = policy.services.reduce(0) { $0 | 1 << UInt32($1.index) }
        byAddress = Array(repeating: [:], count: Service.allCases.count)
        byHostname = Array(repeating: [:], count: Service.allCases.count)
    }

    public mutating func record(_ event: Event) {
        aggregate.record(event)
        guard serviceBits & 1 << UInt32(event.service.index) != 0, let peer = event.parsed.peer else { return }
        let weight = policy.weight(of: event)
        guard weight > 0 else { return }
        let time = event.line.time
        let rule = rule
        switch peer {
        case .ip(let address):
            byAddress[event.service.index][address, default: CountedAttempts()].add(weight, at: time, rule: rule)
        case .hostname:
            guard case .hostname(let name) = peer.key else { return }
            byHostname[event.service.index][name, default: CountedAttempts()].add(weight, at: time, rule: rule)
        }
    }

    public mutating func unmatched(_ line: SyslogLine, raw: Bytes, service: Service?, lineNumber: Int) {
        aggregate.unmatched(line, raw: raw, service: service, lineNumber: lineNumber)
    }

    public mutating func merge(_ later: BanTally) {
        aggregate.merge(later.aggregate)
        Self.merge(&byAddress, later.byAddress, rule: rule)
        Self.merge(&byHostname, later.byHostname, rule: rule)
    }

    public mutating func forgetEarlierNeeds() {
        aggregate.forgetEarlierNeeds()
    }

    private static func merge<Key>(_ tables: inout [[Key: CountedAttempts]], _ later: [[Key: CountedAttempts]],
                                   rule: AttemptWindow.Rule) {
        for index in tables.indices {
            // The first table of a service is taken whole rather than merged entry by entry.
            if tables[index].isEmpty {
                tables[index] = later[index]
                continue
            }
            for (key, attempts) in later[index] { tables[index][key, default: CountedAttempts()].merge(attempts, rule: rule) }
        }
    }

    /// What `peer` did on `service`, as the policy counts it.
    public func attempts(of peer: PeerKey, on service: Service) -> CountedAttempts? {
        switch peer {
        case .ip(let address): return byAddress[service.index][address]
        case .hostname(let name): return byHostname[service.index][name]
        }
    }

    /// The peers whose window qualified on `service`.
    public func qualified(on service: Service) -> [PeerKey] {
        byAddress[service.index].compactMap { $0.value.window.qualified ? PeerKey.ip($0.key) : nil }
            + byHostname[service.index].compactMap { $0.value.window.qualified ? PeerKey.hostname($0.key) : nil }
    }
}

extension BanTally.CountedAttempts {
    mutating func add(_ weight: Int, at time: Instant?, rule: AttemptWindow.Rule) {
        saturatedCount = UInt32(clamping: count.addingSaturated(weight))
        if let time { window.add(at: time, weight: weight, rule: rule) }
    }

    mutating func merge(_ later: BanTally.CountedAttempts, rule: AttemptWindow.Rule) {
        saturatedCount = UInt32(clamping: count.addingSaturated(later.count))
        window.merge(later.window, rule: rule)
    }
}
