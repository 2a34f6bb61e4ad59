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
}
