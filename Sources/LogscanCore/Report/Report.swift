/// The report model: one value that every output is rendered from. Its JSON form is versioned by `schema`
/// and documented in README.md. Text from logs is already made safe by `SafeText`.
public struct Report: Codable, Sendable {
    public static let currentSchema = "logscan.report/1"

    public var schema = Report.currentSchema
    public var generatedAt: Instant
    public var range: Range
    public var covered: Range
    public var inputs: Inputs
    public var alerts: [Alert]
    public var services: [ServiceSection]
    public var untaggedUnmatched: UnmatchedSection

    public struct Range: Codable, Sendable {
        public var since: Instant?
        public var until: Instant?
    }

    public struct Inputs: Codable, Sendable {
        public var files: [FileEntry]
        public var skipped: [SkippedFile]
        public var warnings: [String]
        public var totalLines: Int
        public var totalBytes: Int
    }

    public struct FileEntry: Codable, Sendable {
        public var path: String
        public var compressed: Bool
        /// Bytes read from disk (compressed size for gzip).
        public var diskBytes: Int
        public var stats: FileStats
        public var problem: String?
    }

    public struct SkippedFile: Codable, Sendable {
        public var path: String
        public var modified: Instant?
        public var reason: String
    }

    /// An address that failed to authenticate and then logged in: a possible compromise.
    public struct Alert: Codable, Sendable {
        public var service: Service
        public var ip: String
        public var user: String
        public var method: String
        public var failedAttempts: Int
        public var firstFailure: Instant?
        public var loggedInAt: Instant?
    }

    public struct ServiceSection: Codable, Sendable {
        public var service: Service
        public var failedAttempts: Int
        public var failedAttemptsWithoutIP: Int
        public var failingIPs: Int
        public var failedUsers: Int
        public var successfulLogins: Int
        public var probes: Int
        public var keyProbes: Int
        public var limitMarkers: Int
        public var ips: Table<IPRow>
        public var users: Table<UserRow>
        public var logins: Table<LoginRow>
        public var probeSources: Table<ProbeRow>
        public var unmatched: UnmatchedSection
    }

    /// The first rows of a ranked table, and how many more there are.
    public struct Table<Row: Codable & Sendable>: Codable, Sendable {
        public var rows: [Row]
        public var more: Int
    }

    public struct IPRow: Codable, Sendable {
        public var ip: String
        public var attempts: Int
        public var distinctUsers: Int
        public var topUsers: [String]
        public var first: Instant?
        public var last: Instant?
    }

    public struct UserRow: Codable, Sendable {
        public var user: String
        public var attempts: Int
        public var distinctIPs: Int
        public var exists: UserValidity
    }

    public struct LoginRow: Codable, Sendable {
        public var user: String
        public var ip: String?
        public var method: String
        public var count: Int
        public var first: Instant?
        public var last: Instant?
    }

    public struct ProbeRow: Codable, Sendable {
        public var ip: String
        public var count: Int
        public var first: Instant?
        public var last: Instant?
    }

    public struct UnmatchedSection: Codable, Sendable {
        public var count: Int
        public var programs: [UnmatchedProgram]
    }

    public struct UnmatchedProgram: Codable, Sendable {
        public var program: String
        public var count: Int
        public var samples: [String]
    }
}
