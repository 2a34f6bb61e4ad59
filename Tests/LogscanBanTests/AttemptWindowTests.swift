import Testing
@testable import LogscanBan
import LogscanCore

/// The sliding window: exact at its edges, the same whatever way the attempts are split and merged, and
/// tolerant of log time going a little backwards.
@Suite struct AttemptWindowTests {
    let rule = AttemptWindow.Rule(threshold: 5, windowSeconds: 600)

    func window(_ seconds: [Int64], weights: [Int]? = nil) -> AttemptWindow {
        var window = AttemptWindow()
        for (index, second) in seconds.enumerated() {
            window.add(at: Instant(seconds: second), weight: weights?[index] ?? 1, rule: rule)
        }
        return window
    }

    @Test func fiveWithinTheWindowQualifyAndFourDoNot() {
        #expect(window([0, 100, 200, 300, 600]).qualified, "the first and fifth exactly 10m apart: inside")
        #expect(!window([0, 100, 200, 300, 601]).qualified, "one second later: outside")
        #expect(!window([0, 100, 200, 300]).qualified)
        #expect(!window(stride(from: 0, to: 20_000, by: 151).map { Int64($0) }).qualified,
                "four per 10m for hours never qualifies")
    }

    @Test func weightsCountAsSeveralAttempts() {
        #expect(window([0, 500], weights: [3, 2]).qualified)
        #expect(!window([0, 601], weights: [3, 2]).qualified)
        #expect(window([0], weights: [5]).qualified)
    }

    @Test func lateLinesWithinTheSlackArePlacedExactly() {
        // Times arrive out of order, as held lines settle after later ones.
        #expect(window([1000, 1100, 900, 1200, 950]).qualified)
        #expect(!window([2000, 1300, 1400, 1500, 2001, 1350]).qualified, "1300…1500 is three, 2000/2001 two, 10m apart")
    }

    /// Every split of a sequence into consecutive parts, merged in order, gives the whole run's answer.
    @Test(arguments: [
        ([0, 50, 3000, 3100, 3200, 3300, 3600, 9000] as [Int64], true),
        ([0, 50, 3000, 3100, 3200, 3300, 3601, 9000], false),
        ([0, 700, 1400, 2100, 2800, 3500, 4200, 4900, 5600], false),
        ([100, 200, 5000, 5010, 5020, 5030, 5040], true),
    ])
    func anySplitMergesToTheSameAnswer(times: [Int64], expected: Bool) {
        #expect(window(times).qualified == expected)
        for first in 0...times.count {
            for second in first...times.count {
                var merged = window(Array(times[0..<first]))
                merged.merge(window(Array(times[first..<second])), rule: rule)
                merged.merge(window(Array(times[second...])), rule: rule)
                #expect(merged.qualified == expected, "split at \(first), \(second)")
            }
        }
    }

    @Test func memoryStaysBoundedForAPatientAttacker() {
        // Four attempts every 10m 1s for a week: never qualifies, and keeps only the two ends.
        var window = AttemptWindow()
        var time: Int64 = 0
        for _ in 0..<1000 {
            for offset in 0..<4 { window.add(at: Instant(seconds: time + Int64(offset)), weight: 1, rule: rule) }
            time += 601
        }
        #expect(!window.qualified)
        #expect(window.entries.count <= 4 * 2 * 4, "\(window.entries.count) entries kept")
    }
}
