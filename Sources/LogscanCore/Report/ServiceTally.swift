/// Everything one service's events add up to. It is a monoid: tallies of separate inputs merge.
public struct ServiceTally: Sendable {
    /// Failed authentication attempts: the sum of `count` over events with a failure verdict.
    public var failedAttempts = 0
    public var failuresWithoutPeer = 0
    public var sameAttemptLines = 0
    public var limitMarkers = 0
    public var keyProbes = Span()
    public var successes = 0
    public var probes = 0
    public var noise = 0
    public var failuresByPeer: [PeerKey: PeerFailures] = [:]
    public var failuresByUser: [[UInt8]: UserFailures] = [:]
    public var logins: [Login: Span] = [:]
    public var probesByPeer: [PeerKey: Span] = [:]
    public var unmatched: [String: UnmatchedLines] = [:]

    public init() {}

    public struct PeerFailures: Sendable {
        public var attempts = Span()
        public var users: [[UInt8]: Int] = [:]
    }

    public struct UserFailures: Sendable {
        public var attempts = 0
        public var peers: Set<PeerKey> = []
        public var validity = UserValidity.unknown
    }

    public struct Login: Hashable, Sendable {
        public var user: [UInt8]
        public var peer: PeerKey?
        public var method: [UInt8]
    }

    /// Unmatched lines of one program: how many, and the first few as they were.
    public struct UnmatchedLines: Sendable {
        public static let sampleLimit = 3
        public var count = 0
        public var samples: [[UInt8]] = []

        mutating func add(_ raw: Bytes) {
            count += 1
            if samples.count < UnmatchedLines.sampleLimit { samples.append(raw.array) }
        }

        mutating func merge(_ other: UnmatchedLines) {
            count += other.count
            samples.append(contentsOf: other.samples.prefix(UnmatchedLines.sampleLimit - samples.count))
        }
    }

    mutating func record(_ event: Event) {
        let parsed = event.parsed
        let time = event.line.time
        let peer = parsed.peer?.key
        let occurrences = parsed.count * event.line.repeatCount
        switch event.verdict {
        case .failure(let attempts):
            recordFailure(attempts, peer: peer, user: parsed.user, validity: parsed.userValidity, at: time)
        case .sameAttempt:
            sameAttemptLines += 1
            if let user = parsed.user, parsed.userValidity != .unknown {
                failuresByUser[user.array]?.validity.learn(parsed.userValidity)
            }
        case .notAnAttempt:
            if parsed.kind == .keyProbe { keyProbes.add(occurrences, at: time) } else { limitMarkers += occurrences }
        case .success:
            successes += occurrences
            let login = Login(user: parsed.user?.array ?? [], peer: peer, method: parsed.method?.array ?? [])
            logins[login, default: Span()].add(occurrences, at: time)
        case .probe:
            probes += occurrences
            if let peer { probesByPeer[peer, default: Span()].add(occurrences, at: time) }
        case .noise:
            noise += occurrences
        }
    }

    private mutating func recordFailure(_ attempts: Int, peer: PeerKey?, user: Bytes?, validity: UserValidity,
                                        at time: Instant?) {
        failedAttempts += attempts
        let userKey = user?.array
        if let peer {
            failuresByPeer[peer, default: PeerFailures()].attempts.add(attempts, at: time)
            if let userKey { failuresByPeer[peer]!.users[userKey, default: 0] += attempts }
        } else {
            failuresWithoutPeer += attempts
        }
        if let userKey {
            var entry = failuresByUser[userKey, default: UserFailures()]
            entry.attempts += attempts
            if let peer { entry.peers.insert(peer) }
            entry.validity.learn(validity)
            failuresByUser[userKey] = entry
        }
    }

    mutating func recordUnmatched(program: String, raw: Bytes) {
        unmatched[program, default: UnmatchedLines()].add(raw)
    }

    public mutating func merge(_ other: ServiceTally) {
        failedAttempts += other.failedAttempts
        failuresWithoutPeer += other.failuresWithoutPeer
        sameAttemptLines += other.sameAttemptLines
        limitMarkers += other.limitMarkers
        keyProbes.merge(other.keyProbes)
        successes += other.successes
        probes += other.probes
        noise += other.noise
        for (peer, failures) in other.failuresByPeer {
            failuresByPeer[peer, default: PeerFailures()].attempts.merge(failures.attempts)
            failuresByPeer[peer]!.users.merge(failures.users)
        }
        for (user, failures) in other.failuresByUser {
            var entry = failuresByUser[user, default: UserFailures()]
            entry.attempts += failures.attempts
            entry.peers.formUnion(failures.peers)
            entry.validity.learn(failures.validity)
            failuresByUser[user] = entry
        }
        logins.merge(other.logins)
        probesByPeer.merge(other.probesByPeer)
        for (program, lines) in other.unmatched { unmatched[program, default: UnmatchedLines()].merge(lines) }
    }
}

extension UserValidity {
    /// A user that any line calls invalid does not exist; a valid sighting counts only over unknown.
    mutating func learn(_ other: UserValidity) {
        if other == .invalid || self == .unknown { self = other == .unknown ? self : other }
    }
}
