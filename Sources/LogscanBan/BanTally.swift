import LogscanCore

/// The sink of `logscan ban`: the report's aggregator (logins, times; without its per-address tables) plus,
/// per service and address, what the plan needs (`CountedAttempts`: the attempts the policy counts, their
/// `AttemptWindow`, the users tried, first and last time). Mergeable in input order like the aggregator, so
/// it runs on every core. The plain report does not carry the windows.
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

    /// The user names of the failures in `byAddress` and `byHostname`, each stored once.
    private var names = NameTable()

    public init(policy: BanPolicy, zone: Zone) {
        aggregate = Aggregator(zone: zone, keepsPeerTables: false)
        self.policy = policy
        rule = policy.windowRule
        serviceBits = policy.services.reduce(0) { $0 | 1 << UInt32($1.index) }
        byAddress = Array(repeating: [:], count: Service.allCases.count)
        byHostname = Array(repeating: [:], count: Service.allCases.count)
    }

    public mutating func record(_ event: inout Event) {
        aggregate.record(&event)
        guard serviceBits & 1 << UInt32(event.service.index) != 0, let peer = event.parsed.peer else { return }
        let weight = policy.weight(of: event)
        let failed = event.verdict.isFailure
        // The plan shows the times of failures, and of probes when they count, whatever their weight.
        let shown = failed || (policy.includeProbes && event.verdict == .probe)
        guard weight > 0 || shown else { return }
        let time = event.line.time
        let rule = rule
        let user = failed ? event.parsed.user.map { names.intern($0) } : nil
        switch peer {
        case .ip(let address):
            byAddress[event.service.index][address, default: CountedAttempts()]
                .add(weight, at: time, rule: rule, shown: shown, user: user)
        case .hostname:
            guard case .hostname(let name) = peer.key else { return }
            byHostname[event.service.index][name, default: CountedAttempts()]
                .add(weight, at: time, rule: rule, shown: shown, user: user)
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

    /// What `peer` did on `service`, when it made an attempt the policy counts there.
    public func attempts(of peer: PeerKey, on service: Service) -> CountedAttempts? {
        let attempts: CountedAttempts?
        switch peer {
        case .ip(let address): attempts = byAddress[service.index][address]
        case .hostname(let name): attempts = byHostname[service.index][name]
        }
        return attempts.flatMap { $0.count > 0 ? $0 : nil }
    }

    /// The peers whose window qualified on `service`.
    public func qualified(on service: Service) -> [PeerKey] {
        byAddress[service.index].compactMap { $0.value.window.qualified ? PeerKey.ip($0.key) : nil }
            + byHostname[service.index].compactMap { $0.value.window.qualified ? PeerKey.hostname($0.key) : nil }
    }
}
