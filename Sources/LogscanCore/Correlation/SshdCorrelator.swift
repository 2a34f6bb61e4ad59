/// Counts sshd's authentication attempts, not lines.
///
/// sshd writes several lines for one attempt, and they must not be summed. Lines are correlated by
/// connection: the host plus the pid of the tag (one sshd process serves one connection). The rules:
///
/// 1. `Failed <method> …` is one attempt.
/// 2. A precursor (`Invalid user`, `User … not allowed`, `ROOT LOGIN REFUSED`, `PAM: Authentication
///    failure`, `PAM: User not known …`, `pam_unix … authentication failure`, and `Failed none`, the
///    method query every client sends first, which sshd logs for invalid users) is written before the
///    `Failed …` line of its attempt, or instead of it where a log holds only PAM's lines. It is held
///    until the connection shows which: when a `Failed …` line follows, the precursors before it report
///    that same attempt and do not count; when the connection ends first (it closes, hits a limit, logs
///    in, goes ten minutes without a line, or the input ends), the held precursors count as many attempts
///    as the kind among them that reports the most: PAM's records, `ROOT LOGIN REFUSED` and `Failed none`
///    come once per attempt (three `pam_unix … authentication failure` lines with no `Failed` line are three
///    attempts), `Invalid user` and `User … not allowed` once per connection (copies of one add nothing), so
///    `Invalid user` + one `pam_unix` line is one attempt.
/// 3. `PAM N more authentication failures` counts N, unless `Failed …` lines of the connection were seen:
///    they reported those attempts already.
/// 4. `maximum authentication attempts exceeded` and `Too many authentication failures` only mark a
///    connection that logged failures. On a connection that logged none (publickey failures are logged
///    below INFO until half of MaxAuthTries) and no refused key, the marker is the only trace of the
///    attempts: it counts one.
/// 5. A client's `Auth fail` disconnect counts one attempt only when the connection has none counted.
/// 6. A connection closed before authentication is a probe only when it never tried to authenticate, and
///    only once (`Received disconnect` and `Disconnected from` close the same connection).
/// 7. `refused connect` (tcp wrappers) stands alone and always counts.
///
/// 8. A held precursor written without an address (`User U not allowed because account is locked`) takes
///    the address of a later line of the same connection (`Connection closed by H`, `Received disconnect
///    from H`), when one comes before it settles.
///
/// A connection's state expires after ten minutes of silence (sshd's LoginGraceTime is two), and a line
/// with another address or user than the connection's starts a new one (one sshd process serves one
/// client and one user), so a reused pid starts afresh. Lines without a pid cannot be correlated: each
/// counts on its own.
public struct SshdCorrelator: HoldingCorrelator {
    private var connections = KeyTable(filler: Connection())
    var heldQueue: HeldQueue
    /// The seed of the host hash and the user's identity (the run's, as the report's name tables).
    private let hashSeed = UInt64(UInt(bitPattern: TableSeed.value))
    private var hosts = LastHostHash()
    /// The table size at which connections silent for `forgetSeconds` are dropped (see `forgetSilent`).
    private var forgetAt = 4096
    /// Far beyond the ten minutes after which a connection starts afresh anyway, so a log whose clock goes
    /// back a little still finds the connection.
    static let forgetSeconds: Int64 = 3600

    init(lines: HeldLines) { heldQueue = HeldQueue(lines: lines) }

    static func handles(_ role: AttemptRole) -> Bool {
        switch role {
        case .standaloneFailure, .attempt, .precursor, .pamSummary, .limitMarker, .keyProbe, .success,
             .closingFailure, .closing:
            return true
        default:
            return false
        }
    }

    mutating func classify(_ event: inout Event, role: AttemptRole, count: Int) -> CorrelationOutcome {
        if role == .standaloneFailure { return .decided(.failure(attempts: count)) }
        let now = event.line.time?.seconds
        settleExpired(around: now)
        if connections.count >= forgetAt, let now { forgetSilent(now: now) }
        guard event.line.pid >= 0 else { return .decided(SshdCorrelator.uncorrelated(role, count: count)) }
        let key = CorrelationKey.combine(hosts.of(event.line.host, seed: hashSeed), UInt64(UInt32(bitPattern: event.line.pid)))
        let slot = connections.slot(for: key)
        let user = event.parsed.user.map { MixedKey.identity($0, seed: hashSeed) }
        var address: IPAddress? = nil
        if case .ip(let ip)? = event.parsed.peer { address = ip }
        return SshdCorrelator.apply(role, count: count, now: now, address: address, user: user, key: key,
                                    to: &connections[slot: slot], held: &heldQueue)
    }

    /// Drops the connections silent for an hour and holding nothing: their next line would start them
    /// afresh anyway. The table then grows with the connections open at once, not with the log (one
    /// connection per pid: a day of brute force is hundreds of thousands).
    private mutating func forgetSilent(now: Int64) {
        connections.filter { connection in
            !connection.held.isEmpty || connection.lastSeen == .min || now - connection.lastSeen <= SshdCorrelator.forgetSeconds
        }
        forgetAt = max(4096, connections.count * 2)
    }

    @inline(__always)
    mutating func remember(_ line: Int32, key: UInt64) {
        let lines = heldQueue.lines
        connections.update(key) { $0.held.append(line, in: lines) }
    }

    mutating func settle(_ key: UInt64) {
        guard let slot = connections.find(key) else { return }
        SshdCorrelator.resolveHeld(&connections[slot: slot], counted: true, held: &heldQueue)
    }

    /// The rules for one line of `connection`, changed in place.
    private static func apply(_ role: AttemptRole, count: Int, now: Int64?, address: IPAddress?, user: UInt64?,
                              key: UInt64, to connection: inout Connection,
                              held: inout HeldQueue) -> CorrelationOutcome {
        let expired = now.map { connection.lastSeen != .min && $0 - connection.lastSeen > HeldQueue.expirySeconds }
        if expired == true || connection.isOther(address: address, user: user) {
            resolveHeld(&connection, counted: true, held: &held)
            connection = Connection()
        }
        if let now { connection.lastSeen = now }
        if let user { connection.user = user }
        if let address { connection.address = address }
        switch role {
        case .attempt:
            connection.triedToAuthenticate = true
            connection.sawFailedLine = true
            resolveHeld(&connection, counted: false, held: &held)
            return .decided(counted(count, in: &connection))
        case .precursor:
            connection.triedToAuthenticate = true
            return .pending(key: key)
        case .pamSummary:
            connection.triedToAuthenticate = true
            resolveHeld(&connection, counted: true, held: &held)
            return .decided(connection.sawFailedLine ? .sameAttempt : counted(count, in: &connection))
        case .limitMarker:
            connection.triedToAuthenticate = true
            resolveHeld(&connection, counted: true, held: &held)
            let silent = connection.countedAttempts == 0 && !connection.sawFailedLine && !connection.sawKeyProbe
            return .decided(silent ? counted(1, in: &connection) : .notAnAttempt)
        case .keyProbe:
            connection.triedToAuthenticate = true
            connection.sawKeyProbe = true
            return .decided(.notAnAttempt)
        case .success:
            connection.triedToAuthenticate = true
            resolveHeld(&connection, counted: true, held: &held)
            return .decided(.success)
        case .closingFailure:
            connection.triedToAuthenticate = true
            resolveHeld(&connection, counted: true, held: &held)
            return .decided(connection.countedAttempts > 0 ? .sameAttempt : counted(count, in: &connection))
        case .closing:
            resolveHeld(&connection, counted: true, held: &held)
            if connection.triedToAuthenticate || connection.countedAsProbe { return .decided(.noise) }
            connection.countedAsProbe = true
            return .decided(.probe)
        default:
            preconditionFailure("decided without connection state")
        }
    }

    /// Settles the held precursors when no `Failed …` line reported them: the lines of the kind that reports
    /// the most attempts count them (rule 2), the others are the same attempts. Lines without an address
    /// take the connection's (rule 8). Most connections hold nothing: that costs no call.
    @inline(__always)
    private static func resolveHeld(_ connection: inout Connection, counted countIt: Bool, held: inout HeldQueue) {
        if !connection.held.isEmpty { settleHeld(&connection, counted: countIt, held: &held) }
    }

    private static func settleHeld(_ connection: inout Connection, counted countIt: Bool, held: inout HeldQueue) {
        let lines = held.lines
        let counting = !countIt ? nil
            : connection.held.isSingle ? lines[connection.held.first].event.parsed.kind : countingKind(connection.held, in: lines)
        var countedOnce = false
        for line in connection.held.handles(in: lines) {
            if let address = connection.address, case .none = lines[line].event.parsed.peer {
                lines[line].event.parsed.peer = .ip(address)
            }
            var countsAttempt = false
            if let counting, lines[line].event.parsed.kind == counting {
                countsAttempt = !(countedOnce && writtenOncePerConnection(counting))
                countedOnce = true
            }
            held.release(line, countsAttempt ? counted(occurrences(line, in: lines), in: &connection) : .sameAttempt)
        }
        connection.held.removeAll()
    }

    /// `Invalid user` and `User … not allowed` are written once per connection (getpwnamallow), so a copy of
    /// one reports no new attempt; PAM's records, `ROOT LOGIN REFUSED` and `Failed none` come once per attempt.
    private static func writtenOncePerConnection(_ kind: EventKind) -> Bool {
        kind == .invalidUser || kind == .userNotAllowed
    }

    private static func occurrences(_ line: Int32, in lines: HeldLines) -> Int {
        lines[line].event.parsed.count.repeated(lines[line].event.line.repeatCount)
    }

    /// The kind whose lines report the most attempts; on a tie, the one held first.
    private static func countingKind(_ held: HeldList, in lines: HeldLines) -> EventKind? {
        var best: (kind: EventKind, total: Int)? = nil
        for line in held.handles(in: lines) {
            let kind = lines[line].event.parsed.kind
            guard best?.kind != kind else { continue }
            let total = writtenOncePerConnection(kind) ? occurrences(line, in: lines)
                : held.handles(in: lines).reduce(0) { lines[$1].event.parsed.kind == kind ? $0 +| occurrences($1, in: lines) : $0 }
            if best == nil || total > best!.total { best = (kind, total) }
        }
        return best?.kind
    }

    private static func counted(_ attempts: Int, in connection: inout Connection) -> Verdict {
        guard attempts > 0 else { return .sameAttempt }
        connection.countedAttempts +|= attempts
        return .failure(attempts: attempts)
    }

    /// Without a pid nothing can be correlated: every report of an attempt counts.
    static func uncorrelated(_ role: AttemptRole, count: Int) -> Verdict {
        switch role {
        case .attempt, .precursor, .pamSummary, .closingFailure, .standaloneFailure: return .failure(attempts: count)
        case .limitMarker, .keyProbe: return .notAnAttempt
        case .success: return .success
        case .probe, .closing: return .probe
        default: return .noise
        }
    }
}
