/// The report model: one value that every output is rendered from. Its JSON form is versioned by `schema`
/// and documented in README.md. Text from logs is already made safe by `SafeText`.
public struct Report: Codable, Sendable {
    public static let currentSchema = "logscan.report/1"

    public var schema = Report.currentSchema
    public var generatedAt: Instant
    public var range: Range
    public var covered: CoveredTimes
    public var inputs: Inputs
    public var alerts: [Alert]
    /// Addresses that failed against any service, with each service's share (the same botnet tries SSH,
    /// SMTP AUTH and IMAP).
    public var offenders: Table<OffenderRow>
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
        /// Log sets with no line in the last day of the range (see `StaleInputs`).
        public var stale: [StaleInput]
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
        public var rejects: RejectSection?
        public var traffic: TrafficSection?
        public var problems: [ProblemRow]
        /// Failed attempts over the report's span; nil when no line had a time.
        public var failuresOverTime: Timeline?
    }

    /// Counts in equal buckets from `start`: an hour each, or a day (in the report's zone) for spans over a week.
    public struct Timeline: Codable, Sendable {
        public enum Unit: String, Codable, Sendable { case hour, day }
        public var unit: Unit
        public var start: Instant
        public var counts: [Int]
    }

    public struct OffenderRow: Codable, Sendable {
        public var ip: String
        public var attempts: Int
        public var services: [ServiceCount]
    }

    public struct ServiceCount: Codable, Sendable {
        public var service: Service
        public var attempts: Int
    }

    public struct RejectSection: Codable, Sendable {
        public var total: Int
        public var classes: [NamedCount]
        public var lists: Table<NamedCount>
        public var sources: Table<NamedCount>
    }

    public struct NamedCount: Codable, Sendable {
        public var name: String
        public var count: Int
    }

    public struct TrafficSection: Codable, Sendable {
        public var received: Int
        public var receivedBytes: Int
        public var delivered: Int
        public var deliveredBytes: Int
        public var deferred: Int
        public var bounced: Int
        public var rejected: Int
        public var mailboxDeliveries: Int
        public var deferrals: Table<ReasonRow>
        public var bounces: Table<ReasonRow>
        /// One row per day, when the report covers more than one.
        public var days: [DayRow]
    }

    public struct ReasonRow: Codable, Sendable {
        public var relay: String
        public var reason: String
        public var count: Int
    }

    public struct DayRow: Codable, Sendable {
        public var date: String
        public var received: Int
        public var delivered: Int
        public var deferred: Int
        public var bounced: Int
        public var rejected: Int
    }

    public struct ProblemRow: Codable, Sendable {
        public var level: String
        public var count: Int
        public var samples: [String]
    }

    /// The first rows of a ranked table, and how many more there are. For the JSON of `--top 0` the rows
    /// may instead be made one at a time as they are encoded (`lazyRows`), so a million never coexist.
    public struct Table<Row: Codable & Sendable>: Codable, Sendable {
        public var rows: [Row]
        public var more: Int
        public var lazyRows: LazyRows<Row>? = nil

        public init(rows: [Row], more: Int, lazyRows: LazyRows<Row>? = nil) {
            self.rows = rows
            self.more = more
            self.lazyRows = lazyRows
        }

        /// Rows in the table, shown or not.
        public var count: Int { (lazyRows?.count ?? rows.count) +| more }

        enum CodingKeys: String, CodingKey { case rows, more }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            if let lazyRows, let deferred = encoder.userInfo[DeferredRows.key] as? DeferredRows {
                try container.encode(deferred.placeholder(for: lazyRows), forKey: .rows)
            } else if let lazyRows {
                var list = container.nestedUnkeyedContainer(forKey: .rows)
                for index in 0..<lazyRows.count { try list.encode(lazyRows.make(index)) }
            } else {
                try container.encode(rows, forKey: .rows)
            }
            try container.encode(more, forKey: .more)
        }
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
