import Testing
@testable import LogscanCore

@Suite struct TimeSpecTests {
    private static func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0) -> Instant {
        Instant(seconds: CivilDate.days(year: y, month: mo, day: d) * 86_400 + Int64(h * 3600 + mi * 60 + s))
    }

    /// 2026-11-27T15:30:45.5Z.
    static let now = Instant(micros: utc(2026, 11, 27, 15, 30, 45).micros + 500_000)

    private func instant(_ text: String) throws -> Instant {
        try TimeSpec.instant(text, now: Self.now, zone: .utc)
    }

    @Test(arguments: [("90m", Int64(5400)), ("24h", 86_400), ("7d", 604_800), ("2w", 1_209_600), ("30s", 30),
                      ("0h", 0)])
    func durationsCountBackFromNow(text: String, seconds: Int64) throws {
        #expect(try instant(text) == Self.now.adding(seconds: -seconds))
        #expect(try instant(text).micros == Self.now.micros - seconds * 1_000_000)
    }

    @Test func keywords() throws {
        #expect(try instant("now") == Self.now)
        #expect(try instant("today") == Self.utc(2026, 11, 27))
        #expect(try instant("yesterday") == Self.utc(2026, 11, 26))
        #expect(try instant("Yesterday") == Self.utc(2026, 11, 26))
        #expect(try instant("  today ") == Self.utc(2026, 11, 27))
    }

    @Test func startOfDayAcrossMonthAndYear() {
        let newYear = Self.utc(2027, 1, 1, 0, 0, 1)
        #expect(TimeSpec.startOfDay(newYear, zone: .utc, daysBack: 0) == Self.utc(2027, 1, 1))
        #expect(TimeSpec.startOfDay(newYear, zone: .utc, daysBack: 1) == Self.utc(2026, 12, 31))
    }

    @Test(arguments: [
        ("2026-11-20", utc(2026, 11, 20)),
        ("2026-11-20T10:00", utc(2026, 11, 20, 10)),
        ("2026-11-20 10:00", utc(2026, 11, 20, 10)),
        ("2026-11-20T10:00:30", utc(2026, 11, 20, 10, 0, 30)),
        ("2026-11-20T10:00:30Z", utc(2026, 11, 20, 10, 0, 30)),
        ("2026-11-20T10:00:00+02:00", utc(2026, 11, 20, 8)),
        ("2026-11-20T10:00Z", utc(2026, 11, 20, 10)),
        ("2026-11-20T10:00-0130", utc(2026, 11, 20, 11, 30)),
    ])
    func datesAndTimes(text: String, expected: Instant) throws {
        #expect(try instant(text) == expected)
    }

    @Test func fractionalSeconds() throws {
        #expect(try instant("2026-11-20T10:00:30.25Z") == Instant(micros: Self.utc(2026, 11, 20, 10, 0, 30).micros + 250_000))
    }

    @Test func rangeYesterday() throws {
        let range = try TimeSpec.range("yesterday", now: Self.now, zone: .utc)
        #expect(range == TimeRange(since: Self.utc(2026, 11, 26), until: Self.utc(2026, 11, 27)))
        #expect(range.contains(Self.utc(2026, 11, 26)))
        #expect(range.contains(Self.utc(2026, 11, 26, 23, 59, 59)))
        #expect(!range.contains(Self.utc(2026, 11, 27)))
        #expect(!range.contains(Self.utc(2026, 11, 25, 23, 59, 59)))
    }

    @Test func rangeTodayAndAll() throws {
        #expect(try TimeSpec.range("today", now: Self.now, zone: .utc) == TimeRange(since: Self.utc(2026, 11, 27)))
        let all = try TimeSpec.range("all", now: Self.now, zone: .utc)
        #expect(all == .everything)
        #expect(!all.isBounded)
    }

    @Test(arguments: ["", "tomorrow", "5", "m", "-5m", "5y", "1.5h", "2026-11-20T", "2026-13-01", "2026-11-31",
                      "2026-11-20T25:00", "20261120", "Nov 20", "2026-11-20T10:00:00+2", "7 d"])
    func invalidTextThrows(text: String) {
        #expect(throws: TimeSpec.Invalid.self) { try instant(text) }
    }

    @Test func invalidRangeThrows() {
        let error = #expect(throws: TimeSpec.Invalid.self) { try TimeSpec.range("lastweek", now: Self.now, zone: .utc) }
        #expect(error?.text == "lastweek")
    }

    @Test func invalidDescriptionNamesTheText() {
        let error = #expect(throws: TimeSpec.Invalid.self) { try instant("soon") }
        #expect(error?.description.hasPrefix("cannot read 'soon' as a time") == true)
    }

    @Test func hugeDurationThrowsInsteadOfTrapping() {
        #expect(throws: TimeSpec.Invalid.self) { try instant("999999999d") }
        #expect(throws: TimeSpec.Invalid.self) { try instant("99999999999999999w") }
    }
}
