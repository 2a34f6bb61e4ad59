import LogscanCore

extension BanTally {
    /// Everything `ban` keeps about one address on one service: the attempts the policy counts (their number
    /// and `AttemptWindow`), and for the plan's comment the first and last time of its failures (and of its
    /// probes when probes count) and the user names it tried. The report's per-address tables are not kept
    /// for `ban` (`Aggregator(keepsPeerTables: false)`): with a million addresses this one table replaces
    /// three.
    ///
    /// 64 bytes: the count fills the window's last 4 (declared after it; before it, padding made 8 more).
    public struct CountedAttempts: Sendable {
        public var window = AttemptWindow()
        private var saturatedCount: UInt32 = 0
        private var firstMicros = Int64.min
        private var lastMicros = Int64.min
        /// Failed attempts per user name.
        public private(set) var users = UserCounts<ByteString>()

        /// Attempts the policy counts (attempts without a time count here but take no part in the window).
        public var count: Int { Int(saturatedCount) }
        /// The count stopped at its ceiling (`UInt32.max`, 4,294,967,295): the true count is at least that.
        public var atCeiling: Bool { saturatedCount == .max }
        public var first: Instant? { firstMicros == .min ? nil : Instant(micros: firstMicros) }
        public var last: Instant? { lastMicros == .min ? nil : Instant(micros: lastMicros) }

        /// What one event adds: `weight` counted attempts; when `shown`, its time in the first and last
        /// shown; and `user` with `weight` failed attempts.
        mutating func add(_ weight: Int, at time: Instant?, rule: AttemptWindow.Rule, shown: Bool, user: ByteString?) {
            if weight > 0 {
                saturatedCount = UInt32(clamping: count.addingSaturated(weight))
                if let time { window.add(at: time, weight: weight, rule: rule) }
            }
            if let user { users.add(user, weight) }
            if shown, let micros = time?.micros { note(first: micros, last: micros) }
        }

        /// Adds what `later`, which read the input after this one, kept.
        mutating func merge(_ later: CountedAttempts, rule: AttemptWindow.Rule) {
            saturatedCount = UInt32(clamping: count.addingSaturated(later.count))
            window.merge(later.window, rule: rule)
            users.merge(later.users)
            if later.firstMicros != .min { note(first: later.firstMicros, last: later.lastMicros) }
        }

        private mutating func note(first: Int64, last: Int64) {
            if firstMicros == .min || first < firstMicros { firstMicros = first }
            if lastMicros == .min || last > lastMicros { lastMicros = last }
        }
    }
}
