import Testing
@testable import LogscanCore

/// `Span`'s and the aggregator's first and last times (`TimeBounds`: sentinels, not optionals) against the
/// plain minimum and maximum of the times given, untimed ones (nil) and negative ones (before 1970) among
/// them, and a merge of two parts against one span of both.
@Suite struct SpanTimesTests {
    /// `count` times, about one in five nil, from 1969 to 2038.
    private func times(_ count: Int, seed: UInt64) -> [Instant?] {
        var random = SplitMix64(state: seed)
        return (0..<count).map { _ in
            random.next(5) == 0 ? nil : Instant(micros: Int64(random.next(2_200_000_000_000_000)) - 100_000_000_000_000)
        }
    }

    @Test(arguments: [0, 1, 2, 7, 1_000]) func spanKeepsTheEarliestAndLatestTime(count: Int) {
        let given = times(count, seed: UInt64(count))
        var span = Span()
        for time in given { span.add(2, at: time) }
        let timed = given.compactMap { $0 }
        #expect(span.count == 2 * count)
        #expect(span.first == timed.min() && span.last == timed.max())
        #expect((span == Span()) == (count == 0))
    }

    @Test(arguments: [0, 1, 500]) func mergedSpansAreOneSpanOfBoth(split: Int) {
        let given = times(1_000, seed: 3)
        var (whole, early, late) = (Span(), Span(), Span())
        for (index, time) in given.enumerated() {
            whole.add(1, at: time)
            if index < split { early.add(1, at: time) } else { late.add(1, at: time) }
        }
        early.merge(late)
        #expect(early == whole)
        late.merge(Span())
        #expect(late.first != nil && late.last != nil)
    }

    @Test func untimedSpanHasNoTimes() {
        var span = Span()
        span.add(3, at: nil)
        #expect(span.count == 3 && span.first == nil && span.last == nil)
    }
}
