/// Finds logs that stopped being written: a rotated set (`auth.log`, `auth.log.1`, …) whose newest line is
/// more than a day older than the end of the range asked for. A dead rsyslog must not read as "all clear".
///
/// Only a run with a range start (`--since`, `--range yesterday`, the system logs' default 24 hours) is
/// judged: reading an archive with no range says nothing about whether logging works today.
enum StaleInputs {
    /// A set with no line in this long before the range end is reported.
    static let toleranceSeconds: Int64 = 86_400

    static func find(_ run: ScanRun, generatedAt: Instant) -> [Report.StaleInput] {
        guard run.range.since != nil else { return [] }
        let end = min(run.range.until ?? generatedAt, generatedAt)
        var sets: [String: (path: String, age: Int, lastLine: Instant?, lastWritten: Instant?)] = [:]
        func note(_ source: InputSource, lastLine: Instant?) {
            guard source.kind == .file else { return }
            let key = RotationOrder.key(for: source.path)
            var entry = sets[key.base] ?? (source.path, key.age, nil, nil)
            if key.age < entry.age { (entry.path, entry.age) = (source.path, key.age) }
            entry.lastLine.keepLatest(lastLine)
            entry.lastWritten.keepLatest(source.modified)
            sets[key.base] = entry
        }
        for file in run.files { note(file.source, lastLine: file.stats.lastTime) }
        for skip in run.plan.skipped where skip.reason == InputDiscovery.olderThanRange { note(skip.source, lastLine: nil) }
        return sets.values.compactMap { set -> Report.StaleInput? in
            guard let newest = set.lastLine ?? set.lastWritten, newest.adding(seconds: toleranceSeconds) < end else { return nil }
            return Report.StaleInput(path: set.path, lastLine: set.lastLine, lastWritten: set.lastWritten)
        }.sorted { $0.path < $1.path }
    }
}

extension Report {
    /// A log set whose newest line (or, when none had a time, its last write) is over a day before the end
    /// of the range: logging may have stopped.
    public struct StaleInput: Codable, Sendable {
        /// The newest file of the set.
        public var path: String
        public var lastLine: Instant?
        public var lastWritten: Instant?
    }
}
