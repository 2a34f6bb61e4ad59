import Foundation
import LogscanCore
import Testing

/// The Debian rotated set: auth.log.4.gz, a truncated auth.log.3.gz, a multi-member auth.log.2.gz,
/// auth.log.1 and auth.log, Nov 20 to 27. Expected numbers are the scenario totals that
/// `python3 Fixtures/generate.py --truth` prints.
@Suite struct DebianSetTests {
    static let mtimes = [
        "auth.log.4.gz": "2026-11-21T00:00:05Z", "auth.log.3.gz": "2026-11-22T00:00:05Z",
        "auth.log.2.gz": "2026-11-24T00:00:05Z", "auth.log.1": "2026-11-26T00:00:05Z", "auth.log": "2026-11-27T18:00:05Z",
    ]

    @Test func reportCountsAttemptsPerIPAndUser() throws {
        let dir = try Harness.fixtures("debian", mtimes: Self.mtimes)
        let run = try Harness.logscan(["--format", "json", dir.path])
        #expect(run.status == 2, "the truncated auth.log.3.gz makes the result partial")
        #expect(run.err.contains("auth.log.3.gz: truncated"))
        let report = try Harness.report(run)
        let sshd = try #require(report.sshd)
        #expect(sshd.failedAttempts == 67)
        #expect(sshd.attempts(ip: "203.0.113.10") == 40)
        #expect(sshd.attempts(ip: "2001:db8:bad::7") == 16)
        #expect(sshd.attempts(ip: "198.51.100.23") == 8)
        #expect(sshd.attempts(ip: "203.0.113.99") == 3)
        #expect(sshd.attempts(user: "root") == 40)
        #expect(sshd.attempts(user: "admin") == 16)
        #expect(sshd.users.rows.first { $0.user == "admin" }?.exists == .invalid)
        #expect(sshd.users.rows.first { $0.user == "root" }?.exists == .valid)
        #expect(sshd.successfulLogins == 9)
        #expect(sshd.keyProbes == 8)
        #expect(sshd.probes == 16)
        #expect(sshd.unmatched.count == 1)
        #expect(sshd.limitMarkers == 8, "two markers for each of the four root connections")
    }

    @Test func readsRotatedFilesOldestFirstWithLineCounts() throws {
        let dir = try Harness.fixtures("debian", mtimes: Self.mtimes)
        let report = try Harness.report(try Harness.logscan(["--format", "json", dir.path]))
        let names = report.inputs.files.map { URL(fileURLWithPath: $0.path).lastPathComponent }
        #expect(names == ["auth.log.4.gz", "auth.log.3.gz", "auth.log.2.gz", "auth.log.1", "auth.log"])
        #expect(report.inputs.files.map(\.stats.lines) == [36, 47, 66, 66, 77])
        #expect(report.inputs.files.map(\.compressed) == [true, true, true, false, false])
        #expect(report.inputs.files[1].problem?.contains("ends inside gzip member 2") == true)
        #expect(report.inputs.warnings.count == 1)
    }

    @Test func flagsTheAddressThatFailedThenLoggedIn() throws {
        let dir = try Harness.fixtures("debian", mtimes: Self.mtimes)
        let report = try Harness.report(try Harness.logscan(["--format", "json", dir.path]))
        #expect(report.alerts.map(\.ip) == ["203.0.113.99"])
        #expect(report.alerts.first?.user == "alice")
        #expect(report.alerts.first?.failedAttempts == 3)
        let text = try Harness.logscan([dir.path]).out
        #expect(text.contains("POSSIBLE COMPROMISE"))
    }

    @Test func eventsAgreeWithTheReport() throws {
        let dir = try Harness.fixtures("debian", mtimes: Self.mtimes)
        let events = try Harness.events(try Harness.logscan(["events", dir.path]))
        let failures = events.filter { $0["failure"] as? Bool == true }.reduce(0) { $0 + ($1["count"] as? Int ?? 0) }
        #expect(failures == 67)
        let firstFile = try #require(events.first?["file"] as? String)
        #expect(firstFile.hasSuffix("auth.log.4.gz"))
        let kinds = Set(events.compactMap { $0["kind"] as? String })
        #expect(kinds.isSuperset(of: ["failed_password", "invalid_user.same_attempt", "pam_unix_failure.same_attempt",
                                      "accepted", "key_probe", "closed_preauth", "max_attempts_exceeded"]))
        let withUnmatched = try Harness.events(try Harness.logscan(["events", "--unmatched", dir.path]))
        #expect(withUnmatched.filter { $0["kind"] as? String == "unmatched" && $0["service"] as? String == "sshd" }.count == 1)
    }

    @Test func sinceSkipsFilesWrittenBeforeTheRangeAndCountsOneDay() throws {
        let dir = try Harness.fixtures("debian", mtimes: Self.mtimes)
        let run = try Harness.logscan(["--format", "json", "--since", "2026-11-25", "--until", "2026-11-26", dir.path])
        #expect(run.status == 0, "the damaged file is skipped unread, so nothing is partial")
        let report = try Harness.report(run)
        #expect(report.inputs.skipped.map { URL(fileURLWithPath: $0.path).lastPathComponent }
                == ["auth.log.4.gz", "auth.log.3.gz", "auth.log.2.gz"])
        #expect(report.sshd?.failedAttempts == 5, "odd days: admin 2, ubnt 1, keyboard-interactive 2")
        let evenDay = try Harness.report(try Harness.logscan(["--format", "json", "--since", "2026-11-24",
                                                               "--until", "2026-11-25", dir.path]))
        #expect(evenDay.sshd?.failedAttempts == 11)
    }

    @Test func readsStandardInputPlainAndGzipped() throws {
        let dir = try Harness.fixtures("debian")
        let plain = try Data(contentsOf: dir.appendingPathComponent("auth.log"))
        let fromPipe = try Harness.report(try Harness.logscan(["--format", "json", "-"], stdin: plain))
        #expect(fromPipe.sshd?.failedAttempts == 19)
        #expect(fromPipe.inputs.files.map(\.path) == ["(stdin)"])
        let gz = try Data(contentsOf: dir.appendingPathComponent("auth.log.2.gz"))
        let fromGzip = try Harness.report(try Harness.logscan(["--format", "json", "-"], stdin: gz))
        #expect(fromGzip.sshd?.failedAttempts == 16)
        #expect(fromGzip.inputs.files.first?.compressed == true)
    }

    @Test func globsAndFilesGiveTheSameAnswer() throws {
        let dir = try Harness.fixtures("debian", mtimes: Self.mtimes)
        let quoted = try Harness.report(try Harness.logscan(["--format", "json", "auth.log*"], in: dir))
        #expect(quoted.sshd?.failedAttempts == 67)
        let two = try Harness.report(try Harness.logscan(["--format", "json", "auth.log", "auth.log.1"], in: dir))
        #expect(two.sshd?.failedAttempts == 19 + 16)
    }
}
