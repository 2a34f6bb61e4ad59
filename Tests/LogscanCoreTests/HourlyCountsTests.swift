import Testing
@testable import LogscanCore

/// The failures-over-time histogram: counts per hour in any order, and merging is adding.
@Suite struct HourlyCountsTests {
    let base: Int64 = 1_795_798_800 // the start of an hour

    @Test func countsPerHourInAnyOrder() {
        var counts = HourlyCounts()
        for (offset, n) in [(0, 1), (59, 2), (3600, 4), (10, 8), (-1, 16)] {
            counts.add(n, at: Instant(seconds: base + Int64(offset)))
        }
        counts.add(100, at: nil)
        let hour = base / 3600
        #expect(counts.hours == [hour: 11, hour + 1: 4, hour - 1: 16])
    }

    @Test func mergeAddsHourByHour() {
        var a = HourlyCounts(), b = HourlyCounts(), both = HourlyCounts()
        for (index, offset) in [0, 4000, 8000, 100, 4100].enumerated() {
            let time = Instant(seconds: base + Int64(offset))
            if index % 2 == 0 { a.add(index + 1, at: time) } else { b.add(index + 1, at: time) }
            both.add(index + 1, at: time)
        }
        a.merge(b)
        #expect(a.hours == both.hours)
        #expect(a.hours.values.reduce(0, +) == 15)
    }

    /// The hour kept aside is tested by its bounds in microseconds: times on either side of hour edges
    /// (the last microsecond of an hour, the first of the next), before the epoch, and at the ends of
    /// `Int64`'s microseconds, against each time's hour worked out by division.
    @Test func hourBoundsAgreeWithDivision() {
        let edges: [Int64] = [base * 1_000_000, 0, -3_600_000_000, Int64.max - 1_000_000, Int64.min + 10_000_000_000]
        var times: [Int64] = []
        for edge in edges {
            for delta: Int64 in [-3_600_000_001, -3_600_000_000, -1, 0, 1, 999_999, 3_599_999_999, 3_600_000_000] {
                let (time, overflow) = edge.addingReportingOverflow(delta)
                if !overflow { times.append(time) }
            }
        }
        var counts = HourlyCounts()
        var expected: [Int64: Int] = [:]
        for (index, micros) in (times + times.reversed() + times).enumerated() {
            let time = Instant(micros: micros)
            counts.add(index + 1, at: time)
            let seconds = time.seconds
            expected[seconds >= 0 ? seconds / 3600 : (seconds - 3599) / 3600, default: 0] += index + 1
        }
        #expect(counts.hours == expected)
    }
}
