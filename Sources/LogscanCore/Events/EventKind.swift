/// What a recognised line says, and the part it plays in counting attempts (see `Correlation/`).
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

    // postfix: SMTP AUTH.
    case saslFailed = "sasl_auth_failed"
    case tooManyAuthErrors = "too_many_auth_errors"
    /// `disconnect from … auth=0/2 …`: the session's AUTH tally.
    case disconnectSummary = "disconnect_summary"
    case saslLogin = "sasl_login"
    // postfix: probes.
    case lostConnection = "lost_connection"
    case improperPipelining = "improper_pipelining"
    case nonSMTPCommand = "non_smtp_command"
    /// `SASL … authentication failed: Invalid authentication mechanism`: the client named a mechanism the
    /// server does not offer, so no password was tried.
    case saslBadMechanism = "sasl_bad_mechanism"
    case postscreenPregreet = "postscreen_pregreet"
    case postscreenDNSBL = "postscreen_dnsbl"
    case postscreenHangup = "postscreen_hangup"
    case postscreenPipelining = "postscreen_pipelining"
    case postscreenBareNewline = "postscreen_bare_newline"
    // postfix: policy and traffic.
    case reject = "reject"
    case received = "received"
    case delivered = "delivered"
    case deferred = "deferred"
    case bounced = "bounced"
    /// The queue manager is done with a message.
    case removed = "removed"
    case daemonWarning = "warning"
    case daemonFatal = "fatal"
    case daemonPanic = "panic"

    // dovecot.
    /// A login process's `auth failed, N attempts` disconnect: N attempts.
    case loginFailed = "login_auth_failed"
    case authUnknownUser = "auth_unknown_user"
    case authPasswordMismatch = "auth_password_mismatch"
    case authPAMFailure = "auth_pam_failure"
    case login = "login"
    case noAuthAttempts = "no_auth_attempts"
    case mailDelivered = "mail_delivered"

    /// A dense index (the case's position in `allCases`), for tables with one slot per kind: the one-byte
    /// case tag a payload-free enum is stored as. `EventKindTests` checks it against `allCases`.
    @inline(__always)
    public var index: Int { Int(unsafeBitCast(self, to: UInt8.self)) }

    /// `roleBySwitch` read from a table of one byte a kind (`"a"` + the role's case tag) in a string
    /// literal: a load from the binary's constant data, inlined without a call even into
    /// `LineProcessor.process`, which is at the inliner's size limit (the switch, always-inline, stayed a call
    /// there: 5-7 instructions a line; a `static let` table cost more, bench/RESULTS.md round four: its lazy
    /// initialisation check). `EventKindTests` holds the table against the switch for every kind.
    @inline(__always)
    public var role: AttemptRole {
        unsafeBitCast(EventKind.roleTable.utf8Start[index] &- UInt8(ascii: "a"), to: AttemptRole.self)
    }

    /// One byte a kind, in case order: `"a"` + the tag of its `roleBySwitch` (`attempt` 0, `precursor` 1, …).
    @inline(__always)
    static var roleTable: StaticString { "aaababbbbbbcddefghiijiiiijkladmhkiisiiiiipqqqqqrrrnooohiq" }

    /// How the kind takes part in counting attempts: the definition `role` reads from its table.
    var roleBySwitch: AttemptRole {
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
        case .saslFailed: return .attempt
        case .tooManyAuthErrors: return .limitMarker
        case .disconnectSummary: return .sessionSummary
        case .saslLogin, .login: return .success
        case .lostConnection: return .closing
        case .saslBadMechanism: return .authCommandProbe
        case .improperPipelining, .nonSMTPCommand, .postscreenPregreet, .postscreenDNSBL, .postscreenHangup,
             .postscreenPipelining, .postscreenBareNewline, .noAuthAttempts:
            return .probe
        case .reject: return .reject
        case .received, .delivered, .deferred, .bounced, .removed, .mailDelivered: return .traffic
        case .daemonWarning, .daemonFatal, .daemonPanic: return .daemonProblem
        case .loginFailed: return .loginSummary
        case .authUnknownUser, .authPasswordMismatch, .authPAMFailure: return .authProcessFailure
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
    /// postfix's `disconnect from … auth=ok/total`: the failed AUTH commands no warning line reported.
    case sessionSummary
    /// dovecot's login process: `auth failed, N attempts`, the attempts its auth process may also have logged.
    case loginSummary
    /// dovecot's auth process: one failed attempt, unless the login process's summary reports it.
    case authProcessFailure
    /// A message refused by policy (postfix `NOQUEUE: reject`).
    case reject
    /// Mail received, delivered, deferred or bounced.
    case traffic
    /// A daemon's own `warning:`, `fatal:` or `panic:`.
    case daemonProblem
    /// A failed AUTH command that tried no password (postfix's `Invalid authentication mechanism`): a probe,
    /// and one of the failed AUTH commands the session's `auth=ok/total` tally counts.
    case authCommandProbe
    /// A line that shows an attempt was made whose failure another line counts (postfix's `lost connection
    /// after AUTH`, before the session's `auth=0/N` tally).
    case attemptNotCounted
}

/// Whether the remote user exists on the server, as the line tells.
public enum UserValidity: String, Sendable, Codable {
    case unknown, valid, invalid
}

public enum Service: String, CaseIterable, Sendable, Codable, Comparable {
    case sshd
    case postfix
    case dovecot

    public static func < (lhs: Service, rhs: Service) -> Bool { lhs.rawValue < rhs.rawValue }

    /// A dense index, for tables with one slot per service.
    public var index: Int {
        switch self {
        case .sshd: return 0
        case .postfix: return 1
        case .dovecot: return 2
        }
    }
}
