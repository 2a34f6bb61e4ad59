/// Everything one service's events add up to. It is a monoid: tallies of separate inputs merge.
public struct ServiceTally: Sendable {
    /// Failed authentication attempts: the sum of `count` over events with a failure verdict.
    public var failedAttempts = 0
    public var failuresWithoutPeer = 0
    public var limitMarkers = 0
    public var keyProbes = Span()
    public var successes = 0
    public var probes = 0
    public var failuresByPeer: [PeerKey: PeerFailures] = [:]
    public var failuresByUser: [ByteString: UserFailures] = [:]
    public var failuresByHour = HourlyCounts()
    public var logins: [Login: Span] = [:]
    public var probesByPeer: [PeerKey: Span] = [:]
    public var unmatched: [String: SampledLines] = [:]
    public var traffic = MailTraffic()
    public var rejects = RejectTally()
    /// A daemon's own `warning:`, `fatal:` and `panic:` lines, by kind.
    public var problems: [EventKind: SampledLines] = [:]
    /// Every user name once: tables share these instead of holding a copy per entry.
    private var names = NameTable()
    /// What `.sameAttempt` lines said about users with no failure here yet: their failure may be in an
    /// earlier input or chunk, whose tally learns it on merge (as one reading of both would).
    private var validityForEarlier: [ByteString: UserValidity] = [:]
    /// False: `failuresByPeer` and `probesByPeer` stay empty (with a million addresses they are the largest
    /// tables). `logscan ban` keeps what it needs per address itself.
    public let keepsPeerTables: Bool

    public init(keepsPeerTables: Bool = true) {
        self.keepsPeerTables = keepsPeerTables
    }

    /// Mutated in place (never copied out and back), so its tables are not copied per event.
    public struct PeerFailures: Sendable {
        public var attempts = Span()
        public var users = UserCounts()

        mutating func add(_ n: Int, user: ByteString?, at time: Instant?) {
            attempts.add(n, at: time)
            if let user { users.add(user, n) }
        }

        mutating func merge(_ other: PeerFailures) {
            attempts.merge(other.attempts)
            users.merge(other.users)
        }
    }

    /// A user's failures. Its distinct addresses are counted at report time from `failuresByPeer`, which
    /// already pairs every address with its users: no set of addresses per user is kept.
    public struct UserFailures: Sendable {
        public var attempts = 0
        public var validity = UserValidity.unknown

        mutating func add(_ n: Int, validity: UserValidity) {
            attempts +|= n
            self.validity.learn(validity)
        }

        mutating func merge(_ other: UserFailures) {
            attempts +|= other.attempts
            validity.learn(other.validity)
        }
    }

    /// How many addresses tried each user name.
    public func distinctPeersPerUser() -> [ByteString: Int] {
        var counts: [ByteString: Int] = [:]
        for failures in failuresByPeer.values {
            for (user, _) in failures.users.entries { counts[user, default: 0] +|= 1 }
        }
        return counts
    }

    public struct Login: Hashable, Sendable {
        public var user: ByteString
        public var peer: PeerKey?
        public var method: ByteString
    }

    /// `day` is the local day of the line, for the traffic breakdown.
    mutating func record(_ event: Event, day: Int64?) {
        let parsed = event.parsed
        let time = event.line.time
        let occurrences = parsed.count.repeated(event.line.repeatCount)
        switch parsed.kind.role {
        case .traffic:
            traffic.record(parsed, occurrences: occurrences, day: day)
            return
        case .reject:
            rejects.record(parsed, occurrences: occurrences)
            traffic.recordReject(occurrences: occurrences, day: day)
            return
        case .daemonProblem:
            problems[parsed.kind, default: SampledLines()].add(event.line.message, occurrences: occurrences)
            return
        default:
            break
        }
        let peer = parsed.peer?.key
        switch event.verdict {
        case .failure(let attempts):
            recordFailure(attempts, peer: peer, user: parsed.user, validity: parsed.userValidity, at: time)
        case .sameAttempt:
            if let user = parsed.user, parsed.userValidity != .unknown {
                let name = names.intern(user)
                // One look-up, the entry changed in place (the optional subscript's write-back cost ~650).
                if let index = failuresByUser.index(forKey: name) {
                    failuresByUser.values[index].validity.learn(parsed.userValidity)
                } else {
                    validityForEarlier[name, default: .unknown].learn(parsed.userValidity)
                }
            }
        case .notAnAttempt:
            if parsed.kind == .keyProbe { keyProbes.add(occurrences, at: time) } else { limitMarkers +|= occurrences }
        case .success:
            successes +|= occurrences
            let login = Login(user: ByteString(parsed.user?.array ?? []), peer: peer,
                              method: ByteString(parsed.method?.array ?? []))
            logins[login, default: Span()].add(occurrences, at: time)
        case .probe:
            probes +|= occurrences
            if keepsPeerTables, let peer { probesByPeer[peer, default: Span()].add(occurrences, at: time) }
        case .noise:
            break
        }
    }

    private mutating func recordFailure(_ attempts: Int, peer: PeerKey?, user: Bytes?, validity: UserValidity,
                                        at time: Instant?) {
        failedAttempts +|= attempts
        failuresByHour.add(attempts, at: time)
        let userKey = user.map { names.intern($0) }
        if let peer {
            if keepsPeerTables { failuresByPeer[peer, default: PeerFailures()].add(attempts, user: userKey, at: time) }
        } else {
            failuresWithoutPeer +|= attempts
        }
        if let userKey {
            failuresByUser[userKey, default: UserFailures()].add(attempts, validity: validity)
        }
    }

    mutating func recordUnmatched(program: String, raw: Bytes) {
        unmatched[program, default: SampledLines()].add(raw)
    }

    public mutating func merge(_ other: ServiceTally) {
        failedAttempts +|= other.failedAttempts
        failuresWithoutPeer +|= other.failuresWithoutPeer
        limitMarkers +|= other.limitMarkers
        keyProbes.merge(other.keyProbes)
        failuresByHour.merge(other.failuresByHour)
        successes +|= other.successes
        probes +|= other.probes
        for (peer, failures) in other.failuresByPeer { failuresByPeer[peer, default: PeerFailures()].merge(failures) }
        for (user, validity) in other.validityForEarlier {
            if failuresByUser[user] != nil {
                failuresByUser[user]!.validity.learn(validity)
            } else {
                validityForEarlier[user, default: .unknown].learn(validity)
            }
        }
        // Interned here too, so tables share one copy of each name.
        for (user, failures) in other.failuresByUser {
            failuresByUser[names.intern(user), default: UserFailures()].merge(failures)
        }
        logins.merge(other.logins)
        probesByPeer.merge(other.probesByPeer)
        for (program, lines) in other.unmatched { unmatched[program, default: SampledLines()].merge(lines) }
        traffic.merge(other.traffic)
        rejects.merge(other.rejects)
        for (kind, lines) in other.problems { problems[kind, default: SampledLines()].merge(lines) }
    }
}

extension ServiceTally {
    /// Nothing is read before this tally's inputs (it starts the run): what it kept for merging with an
    /// earlier one can go.
    mutating func forgetEarlierNeeds() {
        validityForEarlier = [:]
        traffic.forgetEarlierNeeds()
    }
}

extension UserValidity {
    /// A user that any line calls invalid does not exist; a valid sighting counts only over unknown.
    mutating func learn(_ other: UserValidity) {
        if other == .invalid || self == .unknown { self = other == .unknown ? self : other }
    }
}
