/// What a recognised line says, and the part it plays in counting attempts (see `AttemptCorrelator`).
public enum EventKind: String, CaseIterable, Sendable, Codable {
    // sshd: one authentication attempt each.
    case failedPassword = "failed_password"
    case failedKeyboardInteractive = "failed_keyboard_interactive"
    case failedPublickey = "failed_publickey"
    case failedNone = "failed_none"
    case failedOtherMethod = "failed_other_method"
    // sshd: reports of an attempt that a later `Failed …` line of the connection may report again.
    case invalidUser = "invalid_user"
    case userNotAllowed = "user_not_allowed"
    case rootLoginRefused = "root_login_refused"
    case pamAuthFailure = "pam_auth_failure"
    case pamUserUnknown = "pam_user_unknown"
    case pamUnixFailure = "pam_unix_failure"
    case pamMoreFailures = "pam_more_failures"
    // sshd: the connection hit a limit; no new attempt.
    case maxAttemptsExceeded = "max_attempts_exceeded"
    case tooManyFailures = "too_many_failures"
    // sshd: other failures.
    case refusedConnect = "refused_connect"
    case authFailDisconnect = "auth_fail_disconnect"
    // sshd: a publickey offered for a valid user and refused: normal key probing, not an attack.
    case keyProbe = "key_probe"
    case accepted = "accepted"
    // sshd probes and scanners.
    case noIdentification = "no_identification"
    case badBanner = "bad_banner"
    case kexFailed = "kex_failed"
    case negotiationFailed = "negotiation_failed"
    case badProtocolVersion = "bad_protocol_version"
    case preauthTimeout = "preauth_timeout"
    case penaltyDrop = "penalty_drop"
    case penaltyDeferred = "penalty_deferred"
    /// A connection that ended before authenticating: a probe when it never tried to.
    case closedPreauth = "closed_preauth"
    case noise = "noise"

    public var role: AttemptRole {
        switch self {
        case .failedPassword, .failedKeyboardInteractive, .failedPublickey, .failedOtherMethod:
            return .attempt
        case .invalidUser, .userNotAllowed, .rootLoginRefused, .pamAuthFailure, .pamUserUnknown, .pamUnixFailure,
             .failedNone:
            return .precursor
        case .pamMoreFailures: return .pamSummary
        case .maxAttemptsExceeded, .tooManyFailures: return .limitMarker
        case .refusedConnect: return .standaloneFailure
        case .authFailDisconnect: return .closingFailure
        case .keyProbe: return .keyProbe
        case .accepted: return .success
        case .noIdentification, .badBanner, .negotiationFailed, .badProtocolVersion, .preauthTimeout, .penaltyDrop:
            return .probe
        case .kexFailed, .penaltyDeferred: return .detail
        case .closedPreauth: return .closing
        case .noise: return .noise
        }
    }
}

/// How a kind of line takes part in counting attempts.
public enum AttemptRole: Sendable {
    /// `Failed <method> for …`: one attempt, unless an earlier precursor of the connection already counted it.
    case attempt
    /// A line written before or instead of `Failed …` for the same attempt.
    case precursor
    /// `PAM N more authentication failures`: N attempts, unless `Failed …` lines of the connection reported them.
    case pamSummary
    /// The connection hit MaxAuthTries: no extra attempt.
    case limitMarker
    /// A failure that nothing else reports (tcp wrappers).
    case standaloneFailure
    /// The client gave up after a failure: an attempt only if the connection has none counted.
    case closingFailure
    case keyProbe
    case success
    case probe
    /// More about a connection that another line counts: sshd follows a `kex_exchange_identification`
    /// error with a `banner exchange` or `Connection closed` line that names the address, and a penalty
    /// follows the failures that earned it.
    case detail
    /// The connection closed before authentication: a probe only if it never tried to authenticate.
    case closing
    case noise
}

/// Whether the remote user exists on the server, as the line tells.
public enum UserValidity: String, Sendable, Codable {
    case unknown, valid, invalid
}

public enum Service: String, CaseIterable, Sendable, Codable, Comparable {
    case sshd

    public static func < (lhs: Service, rhs: Service) -> Bool { lhs.rawValue < rhs.rawValue }
}
