/// Counts dovecot's authentication attempts, not lines.
///
/// The login process (`imap-login`, `pop3-login`, …) ends a failed connection with `auth failed, N
/// attempts`; with `auth_verbose` the auth process also logs each attempt (`passwd-file(U,IP): Password
/// mismatch`, `pam(U,IP): pam_authenticate() failed`, …). They are different processes, so lines are
/// correlated by client address (host + rip). Rules:
/// 1. The login line counts its N attempts.
/// 2. An auth-process failure is held: a later login line of the same client reports it (it becomes a
///    `same_attempt`, up to N of the oldest); if the client logs in instead, or no login line comes within
///    ten minutes, or the input ends, it counts one attempt.
/// 3. `no auth attempts` disconnects are probes.
public struct DovecotCorrelator: HoldingCorrelator {
    private var pending = KeyTable(filler: HeldList())
    var heldQueue: HeldQueue
    /// The seed of the host hash (the run's, as the report's name tables).
    private let hashSeed = UInt64(UInt(bitPattern: TableSeed.value))
    private var hosts = LastHostHash()

    init(lines: HeldLines) { heldQueue = HeldQueue(lines: lines) }

    static func handles(_ role: AttemptRole) -> Bool {
        role == .authProcessFailure || role == .loginSummary || role == .success
    }

    mutating func classify(_ event: inout Event, role: AttemptRole, count: Int) -> CorrelationOutcome {
        settleExpired(around: event.line.time?.seconds)
        guard let address = CorrelationKey.address(event.parsed.peer) else {
            return .decided(role == .success ? .success : .failure(attempts: count))
        }
        let key = CorrelationKey.combine(hosts.of(event.line.host, seed: hashSeed), address)
        switch role {
        case .authProcessFailure:
            return .pending(key: key)
        case .loginSummary:
            var held = pending.removeValue(forKey: key) ?? HeldList()
            var reported = 0
            while reported < count, let line = held.removeFirst(in: heldQueue.lines) {
                heldQueue.release(line, .sameAttempt)
                reported += 1
            }
            if !held.isEmpty { pending.set(held, for: key) }
            return .decided(.failure(attempts: count))
        default:
            settle(key)
            return .decided(.success)
        }
    }

    @inline(__always)
    mutating func remember(_ line: Int32, key: UInt64) {
        let lines = heldQueue.lines
        pending.update(key) { $0.append(line, in: lines) }
    }

    /// Every held failure of the client counts one attempt.
    mutating func settle(_ key: UInt64) {
        guard let held = pending.removeValue(forKey: key) else { return }
        let lines = heldQueue.lines
        for line in held.handles(in: lines) {
            let occurrences = lines[line].event.parsed.count.repeated(lines[line].event.line.repeatCount)
            heldQueue.release(line, .failure(attempts: occurrences))
        }
    }
}
