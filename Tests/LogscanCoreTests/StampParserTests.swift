import Testing
@testable import LogscanCore

@Suite struct StampParserTests {
    private func classic(_ text: String) -> (StampParser.ClassicStamp, Int)? {
        Bytes.with(text) { StampParser.classic($0) }
    }

    private func iso(_ text: String) -> (StampParser.ISOStamp, Int)? {
        Bytes.with(text) { StampParser.iso($0) }
    }

    /// Seconds since the epoch of a wall-clock date and time.
    private func wall(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int) -> Int64 {
        CivilDate.days(year: y, month: mo, day: d) * 86_400 + Int64(h * 3600 + mi * 60 + s)
    }

    // MARK: classic

    @Test(arguments: [
        ("Nov  7 04:50:37 web1 sshd[1]: x", 11, 7, 15),
        ("Nov 7 04:50:37 web1 sshd[1]: x", 11, 7, 14),
        ("Nov 17 04:50:37 web1", 11, 17, 15),
        ("Nov 7 04:50:37", 11, 7, 14),
        ("Jan  1 04:50:37", 1, 1, 15),
        ("Dec 31 04:50:37", 12, 31, 15),
    ])
    func classicStamps(line: String, month: Int, day: Int, used: Int) throws {
        let (stamp, count) = try #require(classic(line))
        #expect(stamp == StampParser.ClassicStamp(month: month, day: day, hour: 4, minute: 50, second: 37))
        #expect(count == used)
    }

    @Test func everyMonthName() throws {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        for (index, name) in names.enumerated() {
            let (stamp, _) = try #require(classic("\(name) 10 23:59:59"))
            #expect(stamp == StampParser.ClassicStamp(month: index + 1, day: 10, hour: 23, minute: 59, second: 59))
        }
    }

    @Test(arguments: [
        "Foo  7 04:50:37", "nov  7 04:50:37", "NOV  7 04:50:37", "Nov  0 04:50:37", "Nov 32 04:50:37",
        "Nov 7 24:00:00", "Nov 7 04:60:00", "Nov 7 04:50:61", "Nov 7 04:50", "Nov 123 04:50:37",
        "Nov  7 4:50:37 x", "Nov-07 04:50:37", "Nov  7 04-50-37",
    ])
    func classicRejects(line: String) {
        #expect(classic(line) == nil)
    }

    @Test func leapSecondIsClamped() throws {
        let (stamp, _) = try #require(classic("Dec 31 23:59:60"))
        #expect(stamp.second == 59)
    }

    // MARK: ISO 8601 / RFC 3339

    @Test(arguments: ["2026-11-27T04:50:37 web1", "2026-11-27 04:50:37 web1"])
    func isoWithoutOffset(line: String) throws {
        let (stamp, used) = try #require(iso(line))
        #expect(stamp == StampParser.ISOStamp(wallSeconds: wall(2026, 11, 27, 4, 50, 37), micros: 0, offsetSeconds: nil))
        #expect(used == 19)
    }

    @Test(arguments: [
        (".1", Int64(100_000)), (".12", 120_000), (".123", 123_000), (".1234", 123_400), (".12345", 123_450),
        (".123456", 123_456), (".1234567", 123_456), (".12345678", 123_456), (".123456789", 123_456),
        (",5", 500_000), (".000001", 1), (".999999999", 999_999),
    ])
    func fractionsAreTruncatedToMicros(fraction: String, micros: Int64) throws {
        let line = "2026-11-27T04:50:37" + fraction + "Z"
        let (stamp, used) = try #require(iso(line))
        #expect(stamp.micros == micros)
        #expect(stamp.offsetSeconds == 0)
        #expect(used == line.utf8.count)
    }

    @Test(arguments: [
        ("Z", Int64(0)), ("z", 0), ("+01:00", 3600), ("-0700", -25_200), ("+05:30", 19_800), ("-00:00", 0),
        ("+0000", 0),
    ])
    func offsets(suffix: String, offset: Int64) throws {
        let line = "2026-11-27T04:50:37" + suffix
        let (stamp, used) = try #require(iso(line + " host"))
        #expect(stamp.wallSeconds == wall(2026, 11, 27, 4, 50, 37))
        #expect(stamp.offsetSeconds == offset)
        #expect(used == line.utf8.count)
    }

    @Test(arguments: [
        "2026-13-27T04:50:37Z", "2026-02-29T04:50:37Z", "2026-11-31T04:50:37Z", "2026-11-00T04:50:37Z",
        "2026-11-27T24:00:00Z", "2026-11-27X04:50:37Z", "2026/11/27T04:50:37Z", "2026-11-27T04:50Z",
        "2026-11-27T04:50:37.Z", "2026-11-27T04:50:37+1", "26-11-27T04:50:37Z",
    ])
    func isoRejects(line: String) {
        #expect(iso(line) == nil)
    }

    @Test func isoLeapDay() throws {
        let (stamp, _) = try #require(iso("2028-02-29T00:00:00Z"))
        #expect(stamp.wallSeconds == wall(2028, 2, 29, 0, 0, 0))
    }
}
