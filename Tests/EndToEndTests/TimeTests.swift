import Foundation
import LogscanCore
import Testing

/// Year inference across New Year, and RFC 3339 stamps with offsets.
@Suite struct TimeTests {
    static let newYearMtimes = ["auth.log.1": "2027-01-01T06:25:00Z", "auth.log": "2027-01-02T12:00:00Z"]

    @Test func classicStampsGetTheirYearFromMtimeAcrossNewYear() throws {
        let dir = try Harness.fixtures("newyear", mtimes: Self.newYearMtimes)
        let events = try Harness.events(try Harness.logscan(["events", "--utc", dir.path]))
        let failures = events.filter { $0["failure"] as? Bool == true }
        #expect(failures.map { $0["time"] as? String } == [
            "2026-12-31T23:58:00Z", "2026-12-31T23:58:00Z", "2026-12-31T23:58:00Z",
            "2027-01-01T00:02:00Z", "2027-01-01T00:02:00Z",
            "2027-01-02T08:00:00Z", "2027-01-02T08:00:00Z", "2027-01-02T08:00:00Z", "2027-01-02T08:00:00Z",
        ].map { Optional($0) })
    }

    @Test func rangesSplitAtMidnightOfNewYear() throws {
        let dir = try Harness.fixtures("newyear", mtimes: Self.newYearMtimes)
        let after = try Harness.report(try Harness.logscan(["--format", "json", "--since", "2027-01-01", dir.path]))
        #expect(after.sshd?.failedAttempts == 6)
        let before = try Harness.report(try Harness.logscan(["--format", "json", "--until", "2027-01-01", dir.path]))
        #expect(before.sshd?.failedAttempts == 3)
        #expect(before.sshd?.ips.rows.map(\.ip) == ["203.0.113.5"])
    }

    @Test func rfc3339OffsetsAreHonoured() throws {
        let dir = try Harness.fixtures("rfc3339")
        let all = try Harness.report(try Harness.logscan(["--format", "json", dir.path]))
        #expect(all.sshd?.failedAttempts == 9)
        #expect(all.sshd?.probeSources.rows.map(\.ip) == ["2001:db8::5"])
        // 2026-11-27T00:30+01:00 is 23:30Z and inside; 2026-11-26T23:30+01:00 is 22:30Z and outside.
        let late = try Harness.report(try Harness.logscan(["--format", "json", "--since", "2026-11-26T23:00:00Z", dir.path]))
        #expect(late.sshd?.ips.rows.map(\.ip) == ["198.51.100.79"])
        #expect(late.sshd?.failedAttempts == 3)
    }

    @Test func eventTimesKeepTheFractionAndShowUTC() throws {
        let dir = try Harness.fixtures("rfc3339")
        let events = try Harness.events(try Harness.logscan(["events", "--utc", dir.appendingPathComponent("auth.log").path]))
        let first = try #require(events.first?["time"] as? String)
        #expect(first == "2026-11-26T22:30:00.182137Z")
    }

    @Test func localTimeShowsTheZone() throws {
        let dir = try Harness.fixtures("rfc3339")
        let run = try Harness.logscan(["events", dir.appendingPathComponent("auth.log").path],
                                      environment: ["TZ": "Europe/Berlin"])
        let first = try #require(try Harness.events(run).first?["time"] as? String)
        #expect(first == "2026-11-26T23:30:00.182137+01:00")
    }
}
