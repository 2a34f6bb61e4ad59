/// What a service parser reads from one message. Fields are views into the line.
///
/// The stored properties are declared in the order that packs them: the 17-byte `peer` first, the one-byte
/// fields in its padding. That makes the struct 120 bytes rather than 137, under the 128 bytes up to which
/// a copy is a few vector moves rather than a call to memcpy (it is copied a few times per line).
public struct ParsedMessage {
    public var peer: Peer?
    public var kind: EventKind
    public var userValidity: UserValidity
    public var rejectClass: RejectClass?
    public var user: Bytes?
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
///
/// Stored properties in the order that packs them (the one-byte `service` after the 9-byte `verdict`), the
/// small ones between the line and the parse: an event is then copied as two runs under 128 bytes, which the
/// compiler copies with vector moves, rather than one of 192 through a call to memcpy (measured, round five).
public struct Event {
    public var line: SyslogLine
    public var lineNumber: Int
    public var verdict: Verdict
    public var service: Service
    public var parsed: ParsedMessage

    public init(service: Service, line: SyslogLine, parsed: ParsedMessage, verdict: Verdict, lineNumber: Int) {
        self.line = line
        self.parsed = parsed
        self.lineNumber = lineNumber
        self.verdict = verdict
        self.service = service
    }
}
