/// Counts authentication attempts, not lines.
///
/// sshd writes several lines for one attempt, and they must not be summed. Lines are correlated by
/// connection: the host plus the pid of the tag (one sshd process serves one connection). The rules:
///
/// 1. `Failed <method> …` is one attempt, unless a precursor of the same connection already counted it.
/// 2. A precursor (`Invalid user`, `User … not allowed`, `ROOT LOGIN REFUSED`, `PAM: Authentication
///    failure`, `PAM: User not known …`, `pam_unix … authentication failure`) is written before the
///    `Failed …` line of its attempt, or instead of it where a log holds only PAM's lines. It counts one
///    attempt and leaves it open; the next precursor or `Failed …` line of the connection reports that
///    same attempt and does not count again.
/// 3. `PAM N more authentication failures` counts N, unless `Failed …` lines of the connection were seen:
///    they reported those attempts already.
/// 4. `maximum authentication attempts exceeded` and `Too many authentication failures` only mark the
///    connection.
/// 5. A client's `Auth fail` disconnect counts one attempt only when the connection has none counted.
/// 6. A connection closed before authentication is a probe only when it never tried to authenticate.
/// 7. `refused connect` (tcp wrappers) stands alone and always counts.
///
/// A connection's state expires after ten minutes of silence (sshd's LoginGraceTime is two), so a
/// reused pid starts afresh. Lines without a pid cannot be correlated and count on their own.
public struct AttemptCorrelator {
    struct Connection {
        var lastSeen: Int64 = .min
        var openPrecursor = false
        var sawFailedLine = false
        var countedAttempts = 0
        var triedToAuthenticate = false
    }

    static let expirySeconds: Int64 = 600
    private var connections: [UInt64: Connection] = [:]

    public init() {}

    public var openConnections: Int { connections.count }

    public mutating func verdict(for parsed: ParsedMessage, line: SyslogLine) -> Verdict {
        let role = parsed.kind.role
        switch role {
        case .probe: return .probe
        case .noise: return .noise
        case .standaloneFailure: return .failure(attempts: parsed.count * line.repeatCount)
        default: break
        }
        let now = line.time?.seconds ?? .min
        guard line.pid >= 0 else {
            var scratch = Connection()
            return AttemptCorrelator.apply(role, count: parsed.count * line.repeatCount, to: &scratch)
        }
        let key = AttemptCorrelator.key(host: line.host, pid: line.pid)
        var connection = connections[key] ?? Connection()
        if now != .min && connection.lastSeen != .min && now - connection.lastSeen > AttemptCorrelator.expirySeconds {
            connection = Connection()
        }
        if now != .min { connection.lastSeen = now }
        let verdict = AttemptCorrelator.apply(role, count: parsed.count * line.repeatCount, to: &connection)
        connections[key] = connection
        return verdict
    }

    static func apply(_ role: AttemptRole, count: Int, to connection: inout Connection) -> Verdict {
        switch role {
        case .attempt:
            connection.triedToAuthenticate = true
            connection.sawFailedLine = true
            var attempts = count
            if connection.openPrecursor {
                connection.openPrecursor = false
                attempts -= 1
            }
            return counted(attempts, in: &connection)
        case .precursor:
            connection.triedToAuthenticate = true
            if connection.openPrecursor { return .sameAttempt }
            connection.openPrecursor = true
            return counted(count, in: &connection)
        case .pamSummary:
            connection.triedToAuthenticate = true
            return connection.sawFailedLine ? .sameAttempt : counted(count, in: &connection)
        case .limitMarker, .keyProbe:
            connection.triedToAuthenticate = true
            return .notAnAttempt
        case .closingFailure:
            return connection.countedAttempts > 0 ? .sameAttempt : counted(count, in: &connection)
        case .success:
            connection.triedToAuthenticate = true
            return .success
        case .closing:
            return connection.triedToAuthenticate ? .noise : .probe
        case .probe, .noise, .standaloneFailure:
            preconditionFailure("handled without connection state")
        }
    }

    private static func counted(_ attempts: Int, in connection: inout Connection) -> Verdict {
        guard attempts > 0 else { return .sameAttempt }
        connection.countedAttempts += attempts
        return .failure(attempts: attempts)
    }

    static func key(host: Bytes, pid: Int32) -> UInt64 {
        ProgramTable.hash(host) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(UInt32(bitPattern: pid))
    }
}
