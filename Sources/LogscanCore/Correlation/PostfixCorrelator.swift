/// Counts postfix's SMTP AUTH attempts, not lines.
///
/// Rules, per SMTP session (host + smtpd pid + client address; an smtpd process serves sessions one after
/// another, and `disconnect from` ends each):
/// 1. `warning: H[IP]: SASL <mech> authentication failed` is one attempt.
/// 2. `disconnect from H[IP] … auth=ok/total …` tells how many AUTH commands failed in the session; it
///    counts only those that no warning line reported (a log filtered down to `disconnect` lines still
///    counts every failure, and a full log does not count them twice). Every `disconnect` ends its session,
///    one with no failed AUTH command too (a summary of 0), so the table holds open sessions only, and the
///    next session of the same smtpd process for the same client starts afresh.
/// 3. `too many errors after AUTH` only marks the session.
/// 4. `lost connection after …` is a probe only when the session made no AUTH attempt (`after AUTH` is one).
/// 5. `SASL <mech> authentication failed: Invalid authentication mechanism` is a probe, not an attempt: no
///    password was tried. The tally counts its AUTH command as failed, so it is reported like a warning.
public struct PostfixCorrelator: Correlator {
    struct Session {
        var lastSeen: Int64 = .min
        var reportedFailures = 0
        var triedToAuthenticate = false
    }

    private var sessions = KeyTable(filler: Session())
    /// The seed of the host hash (the run's, as the report's name tables): a word at a time, and kept for
    /// the last host (FNV-1a a byte at a time cost more).
    private let hashSeed = UInt64(UInt(bitPattern: TableSeed.value))
    private var hosts = LastHostHash()

    public init() {}

    /// The sessions the table holds: those not yet ended by their `disconnect`.
    var openSessions: Int { sessions.count }

    static func handles(_ role: AttemptRole) -> Bool {
        switch role {
        case .attempt, .success, .limitMarker, .sessionSummary, .closing, .authCommandProbe: return true
        default: return false
        }
    }

    mutating func classify(_ event: inout Event, role: AttemptRole, count: Int) -> CorrelationOutcome {
        let key = CorrelationKey.combine(CorrelationKey.combine(hosts.of(event.line.host, seed: hashSeed), UInt64(UInt32(bitPattern: event.line.pid))),
                                         CorrelationKey.address(event.parsed.peer) ?? 0)
        if role == .sessionSummary {
            let session = sessions.removeValue(forKey: key) ?? Session()
            guard count > 0 else { return .decided(.noise) }
            let unreported = count - session.reportedFailures
            return .decided(unreported > 0 ? .failure(attempts: unreported) : .sameAttempt)
        }
        let afterAuth = role == .closing && event.parsed.detail?.hasPrefix("AUTH") == true
        let counted = afterAuth ? .attemptNotCounted : role
        // The time's seconds (a division) only here: a summary does not read them.
        let now = event.line.time?.seconds
        return .decided(sessions.update(key) {
            PostfixCorrelator.apply(counted, count: count, now: now, to: &$0)
        })
    }

    private static func apply(_ role: AttemptRole, count: Int, now: Int64?, to session: inout Session) -> Verdict {
        if let now {
            // Wrapping: two times of a log are never 2^63 seconds apart (the checked subtraction's overflow test
            // cost an instruction a line: 31,294 on the mail cut).
            if session.lastSeen != .min && now &- session.lastSeen > HeldQueue.expirySeconds { session = Session() }
            session.lastSeen = now
        }
        switch role {
        case .attempt:
            session.triedToAuthenticate = true
            session.reportedFailures +|= count
            return .failure(attempts: count)
        case .success:
            session.triedToAuthenticate = true
            return .success
        case .limitMarker:
            return .notAnAttempt
        case .authCommandProbe:
            session.reportedFailures +|= count
            return .probe
        case .attemptNotCounted:
            session.triedToAuthenticate = true
            return .noise
        default:
            return session.triedToAuthenticate ? .noise : .probe
        }
    }
}
