/// The "failures over time" series of a service section: dense buckets of an hour, or of a local day when
/// the span is longer than 7 days, from the start of the range (or of the logs) to its end.
extension ReportBuilder {
    /// The span a timeline covers: the asked range, closed by the logs' own times (or `now` for `--since`).
    func timelineSpan(range: Report.Range, covered: Report.CoveredTimes, now: Instant) -> (Int64, Int64)? {
        guard let start = range.since ?? covered.since,
              let end = range.until ?? (range.since != nil ? now : covered.until) else { return nil }
        // An open range far wider than the logs (`--since 2000-01-01`) would chart years of nothing.
        if end.seconds - start.seconds > 366 * 86_400, let first = covered.since, let last = covered.until {
            return (first.seconds, last.seconds)
        }
        return (start.seconds, max(start.seconds, end.seconds - 1))
    }

    func timeline(_ counts: HourlyCounts, span: (Int64, Int64)?) -> Report.Timeline? {
        guard let (spanStart, spanEnd) = span else { return nil }
        var firstHour = floorDiv(spanStart, 3600), lastHour = floorDiv(spanEnd, 3600)
        for hour in counts.hours.keys {
            firstHour = min(firstHour, hour)
            lastHour = max(lastHour, hour)
        }
        if lastHour - firstHour < 7 * 24 {
            var buckets = [Int](repeating: 0, count: Int(lastHour - firstHour + 1))
            for (hour, n) in counts.hours { buckets[Int(hour - firstHour)] &+= n }
            return Report.Timeline(unit: .hour, start: Instant(seconds: firstHour * 3600), counts: buckets)
        }
        var days = DayNumbers(zone: zone)
        let firstDay = days.day(of: Instant(seconds: firstHour * 3600))
        let lastDay = days.day(of: Instant(seconds: lastHour * 3600 + 3599))
        var buckets = [Int](repeating: 0, count: Int(lastDay - firstDay + 1))
        for (hour, n) in counts.hours { buckets[Int(days.day(of: Instant(seconds: hour * 3600)) - firstDay)] &+= n }
        return Report.Timeline(unit: .day, start: Instant(seconds: zone.utcSeconds(fromWallClock: firstDay * 86_400)),
                               counts: buckets)
    }

    private func floorDiv(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : (value - divisor + 1) / divisor
    }
}
