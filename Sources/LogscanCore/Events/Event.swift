/// What a service parser reads from one message. Fields are views into the line.
public struct ParsedMessage {
    public var kind: EventKind
    public var peer: Peer?
    public var user: Bytes?
    public var userValidity: UserValidity
    /// The authentication method of `Accepted`/`Failed` lines.
    public var method: Bytes?
    /// Attempts the line reports by itself (`PAM 3 more authentication failures` reports 3).
    public var count: Int
    /// The service's own words: a SASL or deferral reason, a reject's text, a DNSBL's name.
    public var detail: Bytes?
    /// Where mail went (`relay=`).
    public var relay: Bytes?
    public var queueID: Bytes?
    /// A message's size in bytes (`size=`).
    public var size: Int = 0
    public var rejectClass: RejectClass?

    public init(_ kind: EventKind, peer: Peer? = nil, user: Bytes? = nil, validity: UserValidity = .unknown,
                method: Bytes? = nil, count: Int = 1, detail: Bytes? = nil) {
        self.kind = kind
        self.detail = detail
        self.peer = peer
        self.user = user
        self.userValidity = validity
        self.method = method
        self.count = count
    }
}

/// Why postfix refused a message, grouped as admins think of it.
public enum RejectClass: String, CaseIterable, Sendable, Codable {
    case relayDenied = "relay access denied"
    case rbl = "RBL"
    case unknownRecipient = "unknown recipient"
    case clientHost = "client host rejected"
    case helo = "HELO rejected"
    case sender = "sender rejected"
    case policy = "policy"
    case milter = "milter"
    case other = "other"
}

/// How the correlator counted a recognised line.
public enum Verdict: Equatable, Sendable {
    /// It adds `attempts` failed authentication attempts.
    case failure(attempts: Int)
    /// It reports an attempt that an earlier line of the same connection already counted.
    case sameAttempt
    /// It adds nothing to failures (markers, key probes).
    case notAnAttempt
    case success
    case probe
    case noise

    public var isFailure: Bool {
        if case .failure = self { return true }
        return false
    }
}

/// A recognised line with its header, its parse and its verdict: what sinks receive.
public struct Event {
    public var service: Service
    public var line: SyslogLine
    public var parsed: ParsedMessage
    public var verdict: Verdict
    public var lineNumber: Int
}
