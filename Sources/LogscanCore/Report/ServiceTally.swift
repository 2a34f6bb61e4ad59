/// Everything one service's events add up to. It is a monoid: tallies of separate inputs merge.
public struct ServiceTally: Sendable {
    /// Failed authentication attempts: the sum of `count` over events with a failure verdict.
    public var failedAttempts = 0
    public var failuresWithoutPeer = 0
    public var limitMarkers = 0
    public var keyProbes = Span()
    public var successes = 0
    public var probes = 0
    public var failuresByPeer = PeerTable<PeerFailures>()
    /// Every address's second and later user names (see `PeerFailures`).
    private var otherUsers = PeerUserPairs()
    /// The address of the last failure that had one, and its position in `failuresByPeer`: an attack's
    /// failures come in runs from one address, and a run's later failures skip the hash and the probe. Only
    /// an IP address is kept (nil after a host name's failure, which is rare and always looked up): two words
    /// to compare, no `PeerKey` with a `String` to compare, copy and release on each failure.
    private var lastFailingAddress: IPAddress?
    private var lastFailingPosition = 0
    public var failuresByHour = HourlyCounts()
    /// Successful logins by numbers (`LoginNumbers`), in order of arrival; `logins` gives them by name.
    private var loginsByNumber = KeyedTable<LoginNumbers, Span>()
    public var probesByPeer = PeerTable<Span>()
    public var unmatched: [String: SampledLines] = [:]
    public var traffic = MailTraffic()
    public var rejects = RejectTally()
    /// A daemon's own `warning:`, `fatal:` and `panic:` lines, by kind.
    public var problems: [EventKind: SampledLines] = [:]
    /// Every user name once, numbered: the per-user and per-address tables keep the number, logins the copy.
    public private(set) var names = NameTable()
    /// The methods of logins, each stored once.
    private var methods = NameTable()
    /// What is known of each user, by its number in `names`.
    private var users: [UserState] = []
    /// False: `failuresByPeer` and `probesByPeer` stay empty (with a million addresses they are the largest
    /// tables). `logscan ban` keeps what it needs per address itself.
    public let keepsPeerTables: Bool

    public init(keepsPeerTables: Bool = true) {
        self.keepsPeerTables = keepsPeerTables
    }

    /// Readies the tables for an input of `bytes` (a plain file's size): the messages in flight
    /// (`MailTraffic.expectInput(bytes:)`) and the tables by address of failures, probes and rejects, room for
    /// one address per 16 KiB, at most 4,096 (under 0.5 MB a table), made at each table's first address (a
    /// table that gets none reserves nothing). Grown from 16 slots, those tables zeroed and re-placed their
    /// slots and copied their arrays at each doubling (on the 20 MB mail cut 700 to 3,400 addresses each).
    mutating func expectInput(bytes: Int64) {
        traffic.expectInput(bytes: bytes)
        let addresses = Int(min(bytes / 16_384, 4_096))
        failuresByPeer.expect(addresses)
        probesByPeer.expect(addresses)
        rejects.byPeer.expect(addresses)
    }

    /// Mutated in place (never copied out and back), so its tables are not copied per event.
    public struct PeerFailures: Sendable {
        public var attempts = Span()
        /// The first user name it tried, by number in the tally's `names` (`PeerUserPairs.none`: none yet),
        /// and its attempts; the others are in the tally's `otherUsers` (`ServiceTally.users(of:)` gives all).
        var firstUser = PeerUserPairs.none
        var firstUserAttempts = 0
        /// The start of its chain in the tally's `otherUsers`, and the chain's length.
        var newestOtherUser = PeerUserPairs.none
        var otherUserCount: Int32 = 0

        /// The distinct user names it tried.
        public var distinctUsers: Int { (firstUser == PeerUserPairs.none ? 0 : 1) + Int(otherUserCount) }

        /// `self` is the entry at `position` of the tally's `failuresByPeer`.
        @inline(__always)
        mutating func add(_ n: Int, user: Int?, at time: Instant?, position: Int, others: inout PeerUserPairs) {
            attempts.add(n, at: time)
            if let user { addUser(user, n, position: position, others: &others) }
        }

        @inline(__always)
        mutating func addUser(_ user: Int, _ n: Int, position: Int, others: inout PeerUserPairs) {
            let id = Int32(truncatingIfNeeded: user)
            if firstUser == id {
                firstUserAttempts +|= n
            } else if firstUser == PeerUserPairs.none {
                firstUser = id
                firstUserAttempts = n
            } else if others.add(n, name: user, peer: position, newest: &newestOtherUser) {
                otherUserCount += 1
            }
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

    /// What is known of one user name.
    struct UserState: Sendable {
        /// Its failures, when it has any here.
        var failures: UserFailures?
        /// What `.sameAttempt` lines said about it with no failure here yet: its failure may be in an
        /// earlier input or chunk, whose tally learns it on merge (as one reading of both would).
        var validityForEarlier = UserValidity.unknown
    }

    /// Successful logins by user, address and method, in order of arrival.
    public var logins: LoginTable { LoginTable(numbers: loginsByNumber, names: names, methods: methods) }

    /// The failures of each user name that failed.
    public var failuresByUser: [ByteString: UserFailures] {
        var table: [ByteString: UserFailures] = [:]
        for (id, user) in users.enumerated() {
            if let failures = user.failures { table[names[id]] = failures }
        }
        return table
    }

    /// The user names an address tried, with their attempts.
    public func users(of failures: PeerFailures) -> [(ByteString, Int)] {
        var all: [(ByteString, Int)] = []
        forEachUser(of: failures) { all.append((names[$0], $1)) }
        return all
    }

    /// Each (name number, attempts) of `failures`' user names.
    private func forEachUser(of failures: PeerFailures, _ body: (Int, Int) -> Void) {
        guard failures.firstUser != PeerUserPairs.none else { return }
        body(Int(failures.firstUser), failures.firstUserAttempts)
        otherUsers.forEach(from: failures.newestOtherUser, body)
    }

    /// How many addresses tried each user name.
    public func distinctPeersPerUser() -> [ByteString: Int] {
        var counts = [Int](repeating: 0, count: names.count)
        for failures in failuresByPeer.values where failures.firstUser != PeerUserPairs.none {
            counts[Int(failures.firstUser)] +|= 1
        }
        for name in otherUsers.names { counts[name] +|= 1 }
        var table: [ByteString: Int] = [:]
        for (id, count) in counts.enumerated() where count > 0 { table[names[id]] = count }
        return table
    }

    public struct Login: Hashable, TableKey, Sendable {
        public var user: ByteString
        public var peer: PeerKey?
        public var method: ByteString

        /// The names' stored hashes and the address's words, mixed with the table's seed: no `Hasher`.
        public func _rawHashValue(seed: Int) -> Int {
            let peerHash = peer.map { UInt64(UInt(bitPattern: $0._rawHashValue(seed: seed))) } ?? 0
            return MixedKey.hash(user.tableHash ^ MixedKey.mix(method.tableHash), peerHash, seed: seed)
        }

        public func tableHash(seed: Int) -> UInt64 { UInt64(UInt(bitPattern: _rawHashValue(seed: seed))) }
    }

    /// `role` is the event's `kind.role`; `days` numbers the local day of a traffic or reject line. Inlined
    /// into `Aggregator.recordInTally`, and the event passed on whole (by reference): its parse is not copied.
    /// Every path with tables of its own is one call to a static function that takes the tally as an
    /// argument, so `recordInTally` reaches each by a jump (a tail call) and saves no registers: a method of
    /// the tally was a call, since the tally is not the caller's `self` (r13, callee-saved). Measured with the
    /// day numbered in the traffic and reject paths (`bench/callgrind`, json): auth 161.13 M -> 159.92 M,
    /// mail 158.07 M -> 157.27 M instructions.
    @inline(__always)
    mutating func record(_ event: inout Event, role: AttemptRole, days: inout DayNumbers) {
        let time = event.line.time
        let occurrences = event.parsed.count.repeated(event.line.repeatCount)
        switch role {
        case .traffic:
            return ServiceTally.recordTraffic(&self, &event, occurrences: occurrences, days: &days)
        case .reject:
            return ServiceTally.recordReject(&self, &event, occurrences: occurrences, days: &days)
        case .daemonProblem:
            return ServiceTally.recordProblem(&self, &event, occurrences: occurrences)
        default:
            break
        }
        switch event.verdict {
        case .failure(let attempts):
            ServiceTally.recordFailure(&self, attempts, &event, at: time)
        case .sameAttempt:
            // Most say nothing of the user (auth cut: 17,000 of 27,000): tested here, not after a call.
            if event.parsed.userValidity != .unknown { ServiceTally.learnValidity(&self, &event) }
        case .notAnAttempt:
            if event.parsed.kind == .keyProbe { keyProbes.add(occurrences, at: time) } else { limitMarkers +|= occurrences }
        case .success:
            ServiceTally.recordLogin(&self, &event, occurrences: occurrences, at: time)
        case .probe:
            ServiceTally.recordProbe(&self, &event, occurrences: occurrences, at: time)
        case .noise:
            break
        }
    }

    @inline(never)
    private static func recordTraffic(_ tally: inout ServiceTally, _ event: inout Event, occurrences: Int,
                                      days: inout DayNumbers) {
        let day = event.line.time.map { days.day(of: $0) }
        tally.traffic.record(&event, occurrences: occurrences, day: day)
    }

    @inline(never)
    private static func recordReject(_ tally: inout ServiceTally, _ event: inout Event, occurrences: Int,
                                     days: inout DayNumbers) {
        let day = event.line.time.map { days.day(of: $0) }
        tally.rejects.record(&event, occurrences: occurrences)
        tally.traffic.recordReject(occurrences: occurrences, day: day)
    }

    @inline(never)
    private static func recordFailure(_ tally: inout ServiceTally, _ attempts: Int, _ event: inout Event,
                                      at time: Instant?) {
        tally.recordFailure(attempts, &event, at: time)
    }

    /// Whether `record` leaves a tally as it is for `event`, of `role`: counted by its verdict (not traffic, a
    /// reject or a daemon's problem, which count by their role), and that verdict `.noise`, or `.sameAttempt`
    /// saying nothing of the user. `Aggregator.record` does not dispatch those. `@inline(__always)`: left to
    /// the optimizer it was a function of its own, called for every event (`bench/callgrind`, json: auth
    /// 173.96 M -> 175.52 M, mail 186.28 M -> 188.79 M instructions).
    @inline(__always)
    static func addsNothing(_ event: inout Event, role: AttemptRole) -> Bool {
        switch event.verdict {
        case .noise: break
        case .sameAttempt: guard event.parsed.userValidity == .unknown else { return false }
        default: return false
        }
        return role != .traffic && role != .reject && role != .daemonProblem
    }

    @inline(never)
    private static func recordProblem(_ tally: inout ServiceTally, _ event: inout Event, occurrences: Int) {
        tally.problems[event.parsed.kind, default: SampledLines()].add(event.line.message, occurrences: occurrences)
    }

    @inline(never)
    private static func recordLogin(_ tally: inout ServiceTally, _ event: inout Event, occurrences: Int,
                                    at time: Instant?) {
        tally.successes +|= occurrences
        let login = LoginNumbers(user: tally.userID(event.parsed.user ?? Bytes("")),
                                 method: tally.methods.id(of: event.parsed.method ?? Bytes("")),
                                 peer: event.parsed.peer?.key)
        tally.loginsByNumber.update(login, orAdd: Span()) { $0.add(occurrences, at: time) }
    }

    @inline(never)
    private static func recordProbe(_ tally: inout ServiceTally, _ event: inout Event, occurrences: Int,
                                    at time: Instant?) {
        tally.probes +|= occurrences
        guard tally.keepsPeerTables, let peer = event.parsed.peer else { return }
        tally.probesByPeer.update(peer.key, orAdd: Span()) { $0.add(occurrences, at: time) }
    }

    /// `event` is passed whole rather than its `parsed`: it is passed by reference, its parse would be copied.
    /// Inlined into the static `recordFailure`, its one caller, so a failure costs one call as before (measured
    /// with the change above, which it is part of).
    @inline(__always)
    private mutating func recordFailure(_ attempts: Int, _ event: inout Event, at time: Instant?) {
        let parsed = event.parsed
        failedAttempts +|= attempts
        failuresByHour.add(attempts, at: time)
        let user = parsed.user.map { userID($0) }
        if let peer = parsed.peer {
            if keepsPeerTables {
                let position = failingPosition(of: peer.key)
                failuresByPeer.values[position].add(attempts, user: user, at: time, position: position, others: &otherUsers)
            }
        } else {
            failuresWithoutPeer +|= attempts
        }
        if let user {
            users[user].failures[default: UserFailures()].add(attempts, validity: parsed.userValidity)
        }
    }

    /// The position of `peer`'s entry in `failuresByPeer`, made when new.
    @inline(__always)
    private mutating func failingPosition(of peer: PeerKey) -> Int {
        if case .ip(let address) = peer, address == lastFailingAddress { return lastFailingPosition }
        let position = failuresByPeer.position(of: peer, orAdd: PeerFailures())
        (lastFailingAddress, lastFailingPosition) = (peer.ip, position)
        return position
    }

    /// A `.sameAttempt` line's word on whether its user exists.
    @inline(never)
    private static func learnValidity(_ tally: inout ServiceTally, _ event: inout Event) {
        let parsed = event.parsed
        guard let name = parsed.user, parsed.userValidity != .unknown else { return }
        let user = tally.userID(name)
        if tally.users[user].failures != nil {
            tally.users[user].failures!.validity.learn(parsed.userValidity)
        } else {
            tally.users[user].validityForEarlier.learn(parsed.userValidity)
        }
    }

    /// The number of a user name, with a `UserState` for it.
    private mutating func userID(_ name: Bytes) -> Int {
        let id = names.id(of: name)
        if id == users.count { users.append(UserState()) }
        return id
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
        // Interned here, so tables share one copy of each name.
        let rename = other.names.names.map { name in name.bytes.withUnsafeBufferPointer { userID(Bytes($0)) } }
        for (peer, failures) in other.failuresByPeer {
            let position = failuresByPeer.position(of: peer, orAdd: PeerFailures())
            failuresByPeer.values[position].attempts.merge(failures.attempts)
            other.forEachUser(of: failures) { user, n in
                failuresByPeer.values[position].addUser(rename[user], n, position: position, others: &otherUsers)
            }
        }
        // What the later part learned about users without a failure there, before its failures are added.
        for (id, user) in other.users.enumerated() where user.validityForEarlier != .unknown {
            if users[rename[id]].failures != nil {
                users[rename[id]].failures!.validity.learn(user.validityForEarlier)
            } else {
                users[rename[id]].validityForEarlier.learn(user.validityForEarlier)
            }
        }
        for (id, user) in other.users.enumerated() {
            if let failures = user.failures { users[rename[id]].failures[default: UserFailures()].merge(failures) }
        }
        let renameMethod = other.methods.names.map { methods.id(of: $0) }
        for (login, span) in other.loginsByNumber {
            let renamed = LoginNumbers(user: rename[login.user], method: renameMethod[login.method], peer: login.peer)
            loginsByNumber[renamed, default: Span()].merge(span)
        }
        for (peer, span) in other.probesByPeer { probesByPeer[peer, default: Span()].merge(span) }
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
        for id in users.indices { users[id].validityForEarlier = .unknown }
        traffic.forgetEarlierNeeds()
    }
}

extension UserValidity {
    /// A user that any line calls invalid does not exist; a valid sighting counts only over unknown.
    mutating func learn(_ other: UserValidity) {
        if other == .invalid || self == .unknown { self = other == .unknown ? self : other }
    }
}
