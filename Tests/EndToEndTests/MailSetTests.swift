import Foundation
import LogscanCore
import Testing

/// The mail rotated set (mail.log.3.gz … mail.log, Nov 24 to 27) plus rsyslog's mail.warn copy. Expected
/// numbers are the scenario totals that `python3 Fixtures/generate.py --truth` prints.
@Suite struct MailSetTests {
    func report(_ arguments: [String] = []) throws -> Report {
        let dir = try Harness.fixtures("mail")
        let run = try Harness.logscan(["--format", "json"] + arguments + [dir.path])
        #expect(run.status == 0)
        return try Harness.report(run)
    }

    @Test func postfixCountsAuthAttemptsNotLines() throws {
        let postfix = try #require(try report().services.first { $0.service == .postfix })
        // 3 warnings + their `auth=0/3` tally count 3, not 6; a tally without warnings still counts.
        #expect(postfix.failedAttempts == 30)
        #expect(postfix.attempts(ip: "203.0.113.10") == 12)
        #expect(postfix.attempts(ip: "198.51.100.60") == 8)
        #expect(postfix.attempts(ip: "198.51.100.61") == 8)
        #expect(postfix.attempts(user: "info@example.org") == 8)
        #expect(postfix.successfulLogins == 1)
        #expect(postfix.probes == 8)
        #expect(postfix.problems.map(\.level) == ["fatal"])
    }

    @Test func dovecotFoldsAuthProcessLinesIntoTheLoginLine() throws {
        let dovecot = try #require(try report().services.first { $0.service == .dovecot })
        #expect(dovecot.failedAttempts == 20, "3 Password mismatch lines + `auth failed, 3 attempts` are 3 attempts")
        #expect(dovecot.attempts(ip: "203.0.113.10") == 12)
        #expect(dovecot.attempts(ip: "198.51.100.62") == 8)
        #expect(dovecot.successfulLogins == 4)
        #expect(dovecot.logins.rows.map(\.method) == ["imap"])
        #expect(dovecot.probes == 4)
        #expect(dovecot.traffic?.mailboxDeliveries == 4)
    }

    @Test func trafficTotalsLikePflogsumm() throws {
        let traffic = try #require(try report().services.first { $0.service == .postfix }?.traffic)
        #expect(traffic.received == 13, "a deferred message's second `from=` is the same message")
        #expect(traffic.receivedBytes == 31_700)
        #expect(traffic.delivered == 8)
        #expect(traffic.deliveredBytes == 26_000)
        #expect(traffic.deferred == 8)
        #expect(traffic.bounced == 1)
        #expect(traffic.rejected == 20)
        #expect(traffic.days.map(\.date) == ["2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"])
        #expect(traffic.days.map(\.received) == [3, 3, 4, 3])
        #expect(traffic.deferrals.rows.first?.relay == "none")
        #expect(traffic.bounces.rows.first?.count == 1)
    }

    @Test func rejectsAreGroupedByReason() throws {
        let rejects = try #require(try report().services.first { $0.service == .postfix }?.rejects)
        #expect(rejects.total == 20)
        let classes = Dictionary(uniqueKeysWithValues: rejects.classes.map { ($0.name, $0.count) })
        #expect(classes == ["relay access denied": 8, "RBL": 4, "unknown recipient": 4, "HELO rejected": 4])
        #expect(rejects.lists.rows.map(\.name) == ["zen.spamhaus.org"])
        #expect(rejects.sources.rows.first?.name == "192.0.2.80")
        #expect(rejects.sources.rows.first?.count == 16)
    }

    @Test func mailWarnIsSkippedAsACopyOfMailLog() throws {
        let report = try report()
        #expect(report.inputs.skipped.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["mail.warn"])
        #expect(report.inputs.files.map(\.stats.lines) == [44, 44, 48, 53])
    }

    @Test func alertsAndCrossServiceOffenders() throws {
        let dir = try Harness.fixtures("mail")
        let debian = try Harness.fixtures("debian")
        let run = try Harness.logscan(["--format", "json", dir.path, debian.path])
        let report = try Harness.report(run)
        #expect(Set(report.alerts.map(\.ip)) == ["198.51.100.99", "203.0.113.99"])
        let top = try #require(report.offenders.rows.first)
        #expect(top.ip == "203.0.113.10")
        #expect(top.attempts == 40 + 12 + 12)
        #expect(top.services.map(\.service) == [.dovecot, .postfix, .sshd])
        let text = try Harness.logscan([dir.path, debian.path]).out
        #expect(text.contains("Top offending IPs across services"))
        for line in text.split(separator: "\n") { #expect(line.unicodeScalars.count <= 80, "\(line)") }
    }

    @Test func mailEventsAgreeWithTheReport() throws {
        let dir = try Harness.fixtures("mail")
        let events = try Harness.events(try Harness.logscan(["events", dir.path]))
        for (service, expected) in [("postfix", 30), ("dovecot", 20)] {
            let failures = events.filter { $0["service"] as? String == service && $0["failure"] as? Bool == true }
            #expect(failures.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == expected, "\(service)")
        }
        #expect(events.contains { $0["kind"] as? String == "auth_password_mismatch.same_attempt" })
        #expect(events.contains { $0["kind"] as? String == "disconnect_summary.same_attempt" })
    }
}
