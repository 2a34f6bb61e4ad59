import Testing
@testable import LogscanCore

@Suite struct TimeResolverTests {
    /// The instant of a UTC date and time.
    private func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0) -> Instant {
        Instant(seconds: CivilDate.days(year: y, month: mo, day: d) * 86_400 + Int64(h * 3600 + mi * 60 + s))
    }

    private func resolve(_ line: String, _ resolver: inout TimeResolver) throws -> Instant {
        if let (stamp, _) = Bytes.with(line, { StampParser.classic($0) }) { return resolver.instant(stamp) }
        let (stamp, _) = try #require(Bytes.with(line) { StampParser.iso($0) })
        return resolver.instant(stamp)
    }

    @Test func fileSpanningNewYear() throws {
        var resolver = TimeResolver(zone: .utc, reference: utc(2027, 1, 3, 9, 15))
        #expect(try resolve("Dec 31 23:59:58", &resolver) == utc(2026, 12, 31, 23, 59, 58))
        #expect(try resolve("Jan  2 04:50:37", &resolver) == utc(2027, 1, 2, 4, 50, 37))
        // Back to December after January: the per-day cache must not keep the later year.
        #expect(try resolve("Dec 30 00:00:00", &resolver) == utc(2026, 12, 30))
        #expect(try resolve("Jan  3 09:15:00", &resolver) == utc(2027, 1, 3, 9, 15))
    }

    @Test func twoDaysOfSlackAfterMtime() throws {
        var resolver = TimeResolver(zone: .utc, reference: utc(2026, 11, 27, 12))
        #expect(try resolve("Nov 28 04:50:37", &resolver) == utc(2026, 11, 28, 4, 50, 37))
        #expect(try resolve("Nov 29 23:00:00", &resolver) == utc(2026, 11, 29, 23))
        #expect(try resolve("Nov 30 00:00:00", &resolver) == utc(2025, 11, 30))
        #expect(try resolve("Dec  5 04:50:37", &resolver) == utc(2025, 12, 5, 4, 50, 37))
        #expect(try resolve("Nov 27 04:50:37", &resolver) == utc(2026, 11, 27, 4, 50, 37))
        #expect(try resolve("Jan  1 00:00:00", &resolver) == utc(2026, 1, 1))
    }

    @Test func sameDayDifferentTimes() throws {
        var resolver = TimeResolver(zone: .utc, reference: utc(2026, 11, 27, 12))
        let first = try resolve("Nov 27 04:50:37", &resolver)
        let second = try resolve("Nov 27 04:50:38", &resolver)
        #expect(second.micros - first.micros == 1_000_000)
        #expect(try resolve("Nov 27 00:00:00", &resolver) == utc(2026, 11, 27))
    }

    @Test func isoOffsetsAreHonoured() throws {
        var resolver = TimeResolver(zone: .utc, reference: utc(2026, 11, 27, 12))
        let expected = utc(2026, 11, 27, 3, 50, 37)
        #expect(try resolve("2026-11-27T04:50:37+01:00", &resolver) == expected)
        #expect(try resolve("2026-11-27T03:50:37Z", &resolver) == expected)
        #expect(try resolve("2026-11-26T20:50:37-0700", &resolver) == expected)
        // Without an offset the stamp is read in the zone (UTC here).
        #expect(try resolve("2026-11-27 03:50:37", &resolver) == expected)
        // ISO stamps carry their year: the reference does not move them.
        #expect(try resolve("2020-12-31T23:00:00Z", &resolver) == utc(2020, 12, 31, 23))
    }

    @Test func isoFractionKeepsMicros() throws {
        var resolver = TimeResolver(zone: .utc, reference: utc(2026, 11, 27))
        let instant = try resolve("2026-11-27T04:50:37.123456789+01:00", &resolver)
        #expect(instant.micros == utc(2026, 11, 27, 3, 50, 37).micros + 123_456)
        #expect(instant.fractionMicros == 123_456)
    }

    @Test func leapDayInNonLeapReferenceYear() throws {
        // A file last written on 2029-03-05 that holds a `Feb 29` line: only 2028 has that day.
        var resolver = TimeResolver(zone: .utc, reference: utc(2029, 3, 5))
        #expect(try resolve("Feb 29 10:00:00", &resolver) == utc(2028, 2, 29, 10))
    }

    // MARK: TimeFormat

    @Test(arguments: [
        "2026-11-27T04:50:37Z", "2026-11-27T04:50:37.123456Z", "2026-11-27T04:50:37.000001Z",
        "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.500000Z", "2028-02-29T23:59:59Z",
    ])
    func rfc3339RoundTrip(text: String) throws {
        let instant = try #require(TimeFormat.parseRFC3339(text))
        #expect(TimeFormat.rfc3339(instant, zone: .utc) == text)
    }

    @Test func rfc3339Formatting() {
        #expect(TimeFormat.rfc3339(utc(2026, 11, 27, 4, 50, 37), zone: .utc) == "2026-11-27T04:50:37Z")
        let withFraction = Instant(micros: utc(2026, 11, 27, 4, 50, 37).micros + 120_000)
        #expect(TimeFormat.rfc3339(withFraction, zone: .utc) == "2026-11-27T04:50:37.120000Z")
        #expect(TimeFormat.rfc3339(Instant(micros: -1), zone: .utc) == "1969-12-31T23:59:59.999999Z")
    }

    @Test func parseRFC3339() {
        #expect(TimeFormat.parseRFC3339("2026-11-27T04:50:37+01:00") == utc(2026, 11, 27, 3, 50, 37))
        #expect(TimeFormat.parseRFC3339("2026-11-27T04:50:37.5-07:00")
                == Instant(micros: utc(2026, 11, 27, 11, 50, 37).micros + 500_000))
        #expect(TimeFormat.parseRFC3339("2026-11-27 04:50:37Z") == utc(2026, 11, 27, 4, 50, 37))
        // The offset is required, and nothing may follow the stamp.
        #expect(TimeFormat.parseRFC3339("2026-11-27T04:50:37") == nil)
        #expect(TimeFormat.parseRFC3339("2026-11-27T04:50:37Z x") == nil)
        #expect(TimeFormat.parseRFC3339("Nov 27 04:50:37") == nil)
        #expect(TimeFormat.parseRFC3339("") == nil)
    }
}
