import LogscanCore

/// A report timeline fitted to a chart of at most `limit` columns: neighbouring buckets summed, with the
/// start time of each column and words for what one column covers. Text and HTML charts share it.
struct TimelineBuckets {
    var counts: [Int]
    var starts: [Instant]
    /// `hour`, `3 hours`, `day`, `2 days`.
    var unitText: String
    var peak: Int

    init(_ timeline: Report.Timeline, limit: Int) {
        let (counts, factor) = Charts.rebucket(timeline.counts, limit: limit)
        let seconds: Int64 = timeline.unit == .hour ? 3600 : 86_400
        self.counts = counts
        // Day buckets start at local midnight; adding whole days drifts by an hour across DST, which a
        // label showing only the date does not show.
        starts = counts.indices.map { timeline.start.adding(seconds: Int64($0 * factor) * seconds) }
        let unit = timeline.unit.rawValue
        unitText = factor == 1 ? unit : "\(factor) \(unit)s"
        peak = counts.max() ?? 0
    }

    var total: Int { counts.reduce(0, &+) }
}
