import Foundation
import LogscanCore
import Testing

/// User names that carry fake addresses, HTML, terminal escapes and invalid UTF-8.
@Suite struct HostileInputTests {
    @Test func addressesComeOnlyFromWhereSshdWritesThem() throws {
        let dir = try Harness.fixtures("hostile")
        let report = try Harness.report(try Harness.logscan(["--format", "json", "--top", "0", dir.path]))
        let sshd = try #require(report.sshd)
        #expect(sshd.ips.rows.map(\.ip) == ["203.0.113.66"])
        #expect(sshd.failedAttempts == 8)
        #expect(sshd.failedUsers == 8)
        #expect(sshd.users.rows.contains { $0.user == "x from 10.0.0.1 port 22" })
        #expect(sshd.users.rows.contains { $0.user == "x rhost=10.9.9.9" })
        #expect(sshd.probeSources.rows.map(\.ip) == ["203.0.113.66"],
                "a connection that closed without an attempt of its own is a probe, whatever its user name says")
    }

    @Test func textOutputHasNoRawControlBytes() throws {
        let dir = try Harness.fixtures("hostile")
        let run = try Harness.logscan(["--top", "0", "--detail", "high", dir.path])
        #expect(!run.outBytes.contains(0x1B))
        #expect(!run.outBytes.contains(0x07))
        #expect(run.out.contains("\\x1b[31mred\\x1b[0m"))
        #expect(run.out.contains("\\xff\\xfeadmin"))
        #expect(run.out.contains("x\\\\y"))
        #expect(run.out.contains("\\x1b]0;pwned\\x07"), "the unmatched sample is escaped too")
        for line in run.out.split(separator: "\n") { #expect(line.unicodeScalars.count <= 80, "\(line)") }
    }

    @Test func eventsStayValidJSONWithEscapedNames() throws {
        let dir = try Harness.fixtures("hostile")
        let run = try Harness.logscan(["events", "--unmatched", dir.path])
        #expect(!run.outBytes.contains(0x1B))
        let events = try Harness.events(run)
        #expect(events.count == 17)
        let users = Set(events.compactMap { $0["user"] as? String })
        #expect(users.contains("\\x1b[31mred\\x1b[0m"))
        #expect(users.contains("<script>alert(1)</script>"))
        #expect(Set(events.compactMap { $0["ip"] as? String }) == ["203.0.113.66"])
    }
}
