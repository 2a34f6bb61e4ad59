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
    private var pending: [MixedKey: [HeldLine]] = [:]
    var heldQueue = HeldQueue()

    public init() {}

    static func handles(_ role: AttemptRole) -> Bool {
        role == .authProcessFailure || role == .loginSummary || role == .success
    }

    mutating func classify(_ parsed: ParsedMessage, role: AttemptRole, count: Int, line: SyslogLine) -> CorrelationOutcome {
        settleExpired(around: line.time?.seconds)
        guard let address = CorrelationKey.address(parsed.peer) else {
            return .decided(role == .success ? .success : .failure(attempts: count))
        }
        let key = CorrelationKey.combine(ProgramTable.hash(line.host), address)
        switch role {
        case .authProcessFailure:
            return .pending(key: key)
        case .loginSummary:
            var held = pending.removeValue(forKey: MixedKey(key)) ?? []
            let reported = min(count, held.count)
            for line in held.prefix(reported) { heldQueue.release(line, .sameAttempt) }
            held.removeFirst(reported)
            if !held.isEmpty { pending[MixedKey(key)] = held }
            return .decided(.failure(attempts: count))
        default:
            settle(key)
            return .decided(.success)
        }
    }

    mutating func remember(_ line: HeldLine, key: UInt64) {
        pending[MixedKey(key), default: []].append(line)
    }

    /// Every held failure of the client counts one attempt.
    mutating func settle(_ key: UInt64) {
        for line in pending.removeValue(forKey: MixedKey(key)) ?? [] {
            let occurrences = line.event.map { $0.parsed.count.repeated($0.line.repeatCount) } ?? 1
            heldQueue.release(line, .failure(attempts: occurrences))
        }
    }
}
