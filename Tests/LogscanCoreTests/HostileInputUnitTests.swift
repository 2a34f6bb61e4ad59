import Foundation
import Testing
@testable import LogscanCore

/// What attackers and broken disks write, at the unit level: impossible times, counts past `Int`, lines
/// past the cap, NUL runs. The end-to-end forms are in EndToEndTests/HostileFilesTests.swift.
@Suite struct HostileInputUnitTests {
    @Test(arguments: ["Feb 30 04:50:37 web1 sshd[1]: x", "Feb 31 04:50:37 x", "Nov 31 04:50:37 x",
                      "Apr 31 04:50:37 x", "Jun 31 04:50:37 x", "Sep 31 04:50:37 x", "Jan 32 04:50:37 x",
                      "Jan  0 04:50:37 x"])
    func impossibleClassicDatesAreNoTimes(line: String) {
        #expect(Bytes.with(line) { StampParser.classic($0) } == nil)
    }

    @Test func february29IsAStamp() {
        #expect(Bytes.with("Feb 29 04:50:37 x") { StampParser.classic($0) }?.0.day == 29)
    }

    @Test(arguments: ["2026-11-27T04:50:37+24:00", "2026-11-27T04:50:37+99:99", "2026-11-27T04:50:37-23:60",
                      "2026-11-27T04:50:37+2400", "2026-02-30T04:50:37Z", "2026-11-31T04:50:37Z"])
    func impossibleISOStampsAreNoTimes(line: String) {
        #expect(Bytes.with(line) { StampParser.iso($0) } == nil)
    }

    @Test func largestOffsetIsAccepted() throws {
        let stamp = try #require(Bytes.with("2026-11-27T04:50:37-23:59") { StampParser.iso($0) })
        #expect(stamp.0.offsetSeconds == -(23 * 3600 + 59 * 60))
    }

    @Test(arguments: ["2026-02-30", "2026-11-31T10:00", "2026-11-27T10:00+24:00", "2026-11-27T10:00:00+99:99",
                      "2026-13-01"])
    func sinceRejectsImpossibleTimes(text: String) {
        #expect(throws: TimeSpec.Invalid.self) { try TimeSpec.instant(text, now: Instant(seconds: 1_795_000_000), zone: .utc) }
    }

    @Test func impossibleTimeMakesTheLineUntimed() {
        var processor = LineProcessor(registry: ParserRegistry(), range: .everything, zone: .utc,
                                      reference: Instant(seconds: 1_795_000_000), sink: Aggregator(zone: .utc))
        Bytes.with("Feb 30 04:50:37 web1 sshd[1]: Failed password for root from 203.0.113.9 port 1 ssh2") { processor.process($0) }
        Bytes.with("Nov 27 04:50:37 web1 sshd[2]: Failed password for root from 203.0.113.9 port 1 ssh2") { processor.process($0) }
        processor.finish()
        #expect(processor.stats.untimed == 1)
        #expect(processor.stats.lines == 2)
    }

    @Test func saturatingOperators() {
        #expect(Int.max +| 1 == Int.max)
        #expect(Int.min +| -1 == Int.min)
        #expect(Int.max / 2 *| 3 == Int.max)
        #expect(-(Int.max / 2) *| 3 == Int.min)
        #expect(6 *| 7 == 42)
        var count = Int.max - 1
        count +|= 5
        #expect(count == Int.max)
    }

    @Test(arguments: [("99999999999999999999999999", Int.max), ("9223372036854775807", Int.max),
                      ("9223372036854775808", Int.max), ("123", 123), ("0", 0)])
    func digitsSaturate(text: String, value: Int) {
        #expect(Bytes.with(text) { $0.decimalValue } == value)
    }

    @Test(arguments: ["", "12a", "-1", " 1"])
    func nonDigitsAreNoNumber(text: String) {
        #expect(Bytes.with(text) { $0.decimalValue } == nil)
    }

    @Test(arguments: [0, 3, 1024, 1025, 7000, 20_000, Int.max])
    func rankingKeepsTheSameOrderWhateverTheLimit(limit: Int) {
        let counts = (0..<20_000).map { ($0 * 7919) % 613 }
        let kept = ReportBuilder(top: 10).rankedPositions(counts, limit: limit) { $0 < $1 }
        let sorted = counts.indices.sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
        #expect(kept == Array(sorted.prefix(limit == 0 ? sorted.count : min(limit, sorted.count))))
    }

    @Test func lazyRowsEncodeLikeStoredRows() throws {
        let rows = (0..<300).map { Report.ProbeRow(ip: "192.0.2.\($0 % 256)", count: $0, first: nil, last: nil) }
        let stored = Report.Table(rows: rows, more: 2)
        let lazy = Report.Table<Report.ProbeRow>(rows: [], more: 2, lazyRows: LazyRows(count: rows.count) { rows[$0] })
        #expect(stored.count == 302 && lazy.count == 302)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(stored) == encoder.encode(lazy))
    }

    /// Crashes the fuzz targets found, kept as they were found (fuzz/targets/).
    @Test(arguments: [
        // postfix: `SASL authentication failed` without a mechanism gave the mechanism a negative length,
        // read past the line by `SafeText` (heap-buffer-overflow under AddressSanitizer).
        ("postfix/smtpd", "warning: w[3.0.113.77]: SASL authentication failed:nR"),
        ("postfix/submission/smtpd", "warning: unknown[203.0.113.9]: SASL authentication failed: x, sasl_username=u"),
    ])
    func fuzzCrashesStayFixed(program: String, message: String) {
        let registry = ParserRegistry()
        Bytes.with(program) { name in
            Bytes.with(message) { text in
                guard let index = registry.parserIndex(for: name),
                      let parsed = registry.parsers[index].parse(text, program: name) else { return }
                for field in [parsed.user, parsed.method, parsed.detail, parsed.relay, parsed.queueID] {
                    guard let field else { continue }
                    #expect(field.count >= 0 && field.count <= text.count)
                    #expect(field.base >= text.base && field.base + field.count <= text.base + text.count)
                    _ = SafeText.from(field)
                }
            }
        }
    }
}
