import Testing
@testable import LogscanCore

/// `TimeRange` keeps whether it is bounded as a stored flag that `contains` tests first: set through the
/// initialiser or through either end afterwards (as `--since` and `--until` are), it must answer as the two
/// optional ends do.
@Suite struct TimeRangeTests {
    static let since = Instant(seconds: 1_000), until = Instant(seconds: 2_000)
    static let probes = [Instant(seconds: 0), Instant(seconds: 999), since, Instant(seconds: 1_500),
                         Instant(seconds: 1_999), until, Instant(seconds: 5_000)]

    /// What `contains` must answer: the ends as written.
    static func expected(_ range: TimeRange, _ instant: Instant) -> Bool {
        (range.since.map { instant >= $0 } ?? true) && (range.until.map { instant < $0 } ?? true)
    }

    static func check(_ range: TimeRange) -> Bool {
        range.isBounded == (range.since != nil || range.until != nil)
            && probes.allSatisfy { range.contains($0) == expected(range, $0) }
    }

    @Test func eachWayOfSettingTheEndsAnswersAsTheEnds() {
        for (since, until) in [(nil, nil), (Self.since, nil), (nil, Self.until), (Self.since, Self.until)] {
            #expect(Self.check(TimeRange(since: since, until: until)))
            var set = TimeRange()
            set.since = since
            set.until = until
            #expect(Self.check(set))
            // And cleared again.
            set.since = nil
            #expect(Self.check(set))
            set.until = nil
            #expect(Self.check(set) && !set.isBounded)
        }
        var sinceOnly = TimeRange()
        sinceOnly.since = Self.since
        #expect(sinceOnly.isBounded && !sinceOnly.contains(Instant(seconds: 999)))
    }
}
