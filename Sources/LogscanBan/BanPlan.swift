import LogscanCore

/// What `logscan ban` decided: the blocks to ban, each with the offenders that earned it, and the
/// addresses that qualified but are not banned, with the reason. `--format json` prints it as is; the
/// backends turn it into commands.
public struct BanPlan: Codable, Sendable {
    public var version = 1
    public var range: Range
    /// The log time actually read.
    public var covered: Range
    public var policy: PolicySummary
    public var bans: [Ban] = []
    public var notBanned: [Skip] = []
    /// Warnings printed on stderr (private or reserved ranges about to be banned).
    public var warnings: [String] = []

    public struct Range: Codable, Sendable {
        public var since: Instant?
        public var until: Instant?
    }

    public struct PolicySummary: Codable, Sendable {
        public var threshold: Int
        public var windowSeconds: Int64
        public var services: [Service]
        public var includeProbes: Bool
        public var probeWeight: Int
        public var includeRejects: Bool
        public var banLoggedIn: Bool
        public var v4Prefix: Int
        public var prefixMinimum: Int
        public var v6Prefix: Int
        public var expireSeconds: Int64?
        public var allow: [String]
    }

    /// One firewall entry: a single address or a prefix.
    public struct Ban: Codable, Sendable {
        /// `203.0.113.5/32`, `198.51.100.0/24`, `2001:db8:1::/64`.
        public var target: String
        public var family: String
        public var prefixLength: Int
        /// Set when the block lies in a private or special-purpose range (it is banned, with a warning).
        public var reserved: String?
        public var offenders: [Offender]
    }

    /// An address the policy counted, with what it did.
    public struct Offender: Codable, Sendable {
        public var address: String
        public var attempts: Int
        public var services: [ServiceAttempts]
        /// Sanitised and cut names, most tried first; `moreUsers` counts the rest.
        public var users: [String]
        public var moreUsers: Int
        public var first: Instant?
        public var last: Instant?
        /// Successful logins in the range (only with --ban-logged-in can such an address be banned).
        public var logins: Int
        /// Set (true) when a service's count stopped at its ceiling, so `attempts` is a lower bound.
        public var atCeiling: Bool? = nil

        /// `attempts` in words: `≥4294967295` when it is a lower bound.
        public var attemptsText: String { (atCeiling == true ? "≥" : "") + String(attempts) }
    }

    public struct ServiceAttempts: Codable, Sendable {
        public var service: Service
        public var attempts: Int
        public var qualified: Bool
        /// Set (true) when the count stopped at its ceiling (4,294,967,295): the true count is at least that.
        public var atCeiling: Bool? = nil

        public var attemptsText: String { (atCeiling == true ? "≥" : "") + String(attempts) }
    }

    public struct Skip: Codable, Sendable {
        public enum Reason: String, Codable, Sendable {
            case loggedIn = "logged_in"
            case allowlisted
            case loopback
            case thisHost = "this_host"
            case hostname
        }
        public var reason: Reason
        /// Why, in words (`logged in after 7 failures: review`, `allowlisted by ops.allow:3`).
        public var detail: String
        public var offender: Offender
    }

    public var offenderCount: Int { bans.reduce(0) { $0 + $1.offenders.count } }
}
