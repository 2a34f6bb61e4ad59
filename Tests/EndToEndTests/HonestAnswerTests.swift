import Foundation
import LogscanCore
import Testing

/// Answers that must not read as "all clear" when they are not: exit codes for monitoring, trusted
/// networks, stale logs, empty directories, permission problems, and why a report is empty.
@Suite struct HonestAnswerTests {
    static func sets() throws -> [String] {
        [try Harness.fixtures("debian").path, try Harness.fixtures("mail").path]
    }

    /// The text with the report's wrapped lines joined again.
    static func unwrapped(_ text: String) -> String {
        text.replacingOccurrences(of: "\n +", with: " ", options: .regularExpression)
    }

    @Test func failOnAlertExitsWithThree() throws {
        let run = try Harness.logscan(["--quiet", "--fail-on", "alert"] + Self.sets())
        #expect(run.status == 3, "the alert wins over the truncated file's 2")
        #expect(run.out.contains("POSSIBLE COMPROMISE"), "the report is still printed")
        #expect(run.err.contains("--fail-on: 2 compromise alerts"), "\(run.err)")
        let without = try Harness.logscan(["--quiet"] + Self.sets())
        #expect(without.status == 2)
    }

    @Test func failOnFailuresCountsTheBusiestAddress() throws {
        // 203.0.113.10 made 64 attempts over sshd, postfix and dovecot.
        let hit = try Harness.logscan(["--quiet", "--fail-on", "failures=64"] + Self.sets())
        #expect(hit.status == 3)
        #expect(hit.err.contains("203.0.113.10 made 64 failed attempts"), "\(hit.err)")
        let miss = try Harness.logscan(["--quiet", "--fail-on", "failures=65"] + Self.sets())
        #expect(miss.status == 2, "only the truncated file's warning")
        let bad = try Harness.logscan(["--fail-on", "failures=x"] + Self.sets())
        #expect(bad.status == 1)
    }

    @Test func trustedNetworksNeedSeveralFailuresBeforeAnAlert() throws {
        func alerts(_ options: [String]) throws -> [String] {
            let run = try Harness.logscan(["--quiet", "--format", "json"] + options + Self.sets())
            return try Harness.report(run).alerts.map { "\($0.service.rawValue) \($0.ip)" }.sorted()
        }
        #expect(try alerts([]) == ["postfix 198.51.100.99", "sshd 203.0.113.99"])
        // 198.51.100.99 failed twice, 203.0.113.99 three times, before logging in.
        #expect(try alerts(["--trust", "198.51.100.0/24", "--trust", "203.0.113.99"]) == ["sshd 203.0.113.99"])
        #expect(try alerts(["--trust", "198.51.100.0/24", "--trust", "203.0.113.0/24", "--trust-min-failures", "4"]) == [])
        #expect(try alerts(["--trust", "198.51.100.0/24", "--trust-min-failures", "2"]) == ["postfix 198.51.100.99", "sshd 203.0.113.99"])
        #expect(try alerts(["--trust", "2001:db8::/32"]) == ["postfix 198.51.100.99", "sshd 203.0.113.99"])
        // Their failures are still counted.
        let run = try Harness.logscan(["--quiet", "--format", "json", "--trust", "198.51.100.0/24"] + Self.sets())
        let postfix = try #require(try Harness.report(run).services.first { $0.service == .postfix })
        #expect(postfix.attempts(ip: "198.51.100.99") == 2)
        for bad in ["10.0.0.0/33", "10.0.0.1/8", "office", "2001:db8::/129"] {
            let refused = try Harness.logscan(["--trust", bad] + Self.sets())
            #expect(refused.status == 1, "\(bad)")
        }
    }

    @Test func staleLogsAreSaidAtTheTop() throws {
        let dir = try Harness.fixtures("debian")
        let log = dir.appendingPathComponent("auth.log").path
        // The log's last line is Nov 27 18:00:01; the range ends two days later.
        let stale = try Harness.logscan(["--since", "2026-11-29", "--until", "2026-11-30", log])
        #expect(stale.status == 0)
        let top = Self.unwrapped(stale.out.split(separator: "\n").prefix(7).joined(separator: "\n"))
        #expect(top.contains("!! \(log) has no line after 2026-11-27 18:00: is logging working?"), "\(stale.out)")
        #expect(Self.unwrapped(stale.out).contains("No lines in the range (77 lines read, all outside it)."), "\(stale.out)")
        let json = try Harness.report(try Harness.logscan(["--format", "json", "--since", "2026-11-29", "--until", "2026-11-30", log]))
        #expect(json.inputs.stale.map(\.path) == [log])
        // The cron job's --quiet-if-empty does not hide it.
        let quiet = try Harness.logscan(["--quiet-if-empty", "--since", "2026-11-29", "--until", "2026-11-30", log])
        #expect(Self.unwrapped(quiet.out).contains("is logging working?"))
        // A range that ends within a day of the last line is not stale, and reading an archive never is.
        let fresh = try Harness.logscan(["--since", "2026-11-27T12:00", "--until", "2026-11-28", log])
        #expect(!Self.unwrapped(fresh.out).contains("is logging working?"))
        let archive = try Harness.logscan([dir.path])
        #expect(!Self.unwrapped(archive.out).contains("is logging working?"))
    }

    @Test func aSetSkippedByItsMtimeIsStaleToo() throws {
        let stamps = ["auth.log": "2026-11-27T18:00:05Z", "auth.log.1": "2026-11-26T06:25:00Z",
                      "auth.log.2.gz": "2026-11-25T06:25:00Z", "auth.log.3.gz": "2026-11-24T06:25:00Z",
                      "auth.log.4.gz": "2026-11-23T06:25:00Z"]
        let dir = try Harness.fixtures("debian", mtimes: stamps)
        let run = try Harness.logscan(["--since", "24h", dir.path])
        #expect(Self.unwrapped(run.out).contains("\(dir.path)/auth.log was last written 2026-11-27 18:00: is logging working?"), "\(run.out)")
    }

    @Test func linesOfOtherProgramsAreToldApartFromNoLines() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("logscan-cron-\(UUID().uuidString).log")
        try """
            Nov 27 12:00:01 web1 CRON[901]: pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)
            Nov 27 12:00:01 web1 systemd-logind[611]: New session 42 of user deploy.
            Nov 27 12:17:01 web1 CRON[902]: pam_unix(cron:session): session closed for user root

            """.write(to: file, atomically: true, encoding: .utf8)
        let run = try Harness.logscan([file.path])
        #expect(run.status == 0)
        #expect(run.out.contains("3 lines in the range, but none from sshd, postfix or dovecot."), "\(run.out)")
        let none = try Harness.logscan(["--since", "2026-11-28", "--until", "2026-11-29", file.path])
        #expect(none.out.contains("No lines in the range (3 lines read, all outside it)."), "\(none.out)")
    }

    @Test func aDirectoryReadsOnlyTheLogsItKnowsAndSaysWhatItLeftOut() throws {
        let dir = try Harness.fixtures("debian")
        for name in ["dpkg.log", "README", "kern.log"] {
            try "Nov 27 12:00:01 web1 sshd[1]: Failed password for root from 192.0.2.200 port 1 ssh2\n"
                .write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try FileManager.default.copyItem(at: dir.appendingPathComponent("auth.log"), to: dir.appendingPathComponent("secure-20261127"))
        let run = try Harness.logscan(["--format", "json", dir.path])
        #expect(run.err.contains("not read (not auth.log*, secure*, mail.log*, maillog*, dovecot*.log*, messages*, syslog*; name a file to read it): README, dpkg.log, kern.log"), "\(run.err)")
        let report = try Harness.report(run)
        #expect(report.inputs.files.map { URL(fileURLWithPath: $0.path).lastPathComponent }.sorted()
                == ["auth.log", "auth.log.1", "auth.log.2.gz", "auth.log.3.gz", "auth.log.4.gz", "secure-20261127"])
        #expect(report.sshd?.attempts(ip: "192.0.2.200") == nil)
        // Named explicitly, any file is read.
        let named = try Harness.report(try Harness.logscan(["--format", "json", dir.appendingPathComponent("dpkg.log").path]))
        #expect(named.sshd?.attempts(ip: "192.0.2.200") == 1)
    }

    @Test func aDirectoryOrGlobWithoutLogsWarnsAndExitsWithTwo() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("logscan-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try "not a log\n".write(to: empty.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let run = try Harness.logscan([empty.path])
        #expect(run.status == 2)
        #expect(run.err.contains("\(empty.path): no log files in this directory"), "\(run.err)")
        let glob = try Harness.logscan([empty.path + "/auth.log*"])
        #expect(glob.status == 2)
        #expect(glob.err.contains("no files match"), "\(glob.err)")
    }

    @Test func permissionDeniedSaysRootOrTheAdmGroup() throws {
        let setpriv = try RealTool.require("setpriv", package: "util-linux")
        let dir = try Harness.fixtures("debian")
        let log = dir.appendingPathComponent("auth.log").path
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: log)
        for folder in [dir, dir.deletingLastPathComponent()] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        }
        let run = try Harness.run(URL(fileURLWithPath: setpriv),
                                  ["--reuid=65534", "--regid=65534", "--clear-groups", Harness.binary.path, log])
        #expect(run.status == 2)
        #expect(run.err.contains("\(log): cannot read: Permission denied"), "\(run.err)")
        #expect(run.err.contains("run logscan with sudo, or join the group (sudo adduser $USER adm"), "\(run.err)")
        // Root reads it and needs no hint.
        let root = try Harness.logscan([log])
        #expect(root.status == 0 && !root.err.contains("adm"))
    }

    @Test func serviceLimitsTheReportAndTheEvents() throws {
        let report = try Harness.report(try Harness.logscan(["--quiet", "--format", "json", "--service", "sshd,dovecot"] + Self.sets()))
        #expect(Set(report.services.map(\.service)) == [.dovecot, .sshd])
        #expect(report.alerts.map(\.service) == [.sshd])
        let events = try Harness.events(try Harness.logscan(["events", "--quiet", "--service", "postfix"] + Self.sets()))
        #expect(!events.isEmpty)
        #expect(events.allSatisfy { $0["service"] as? String == "postfix" })
        let bad = try Harness.logscan(["--service", "ftp"] + Self.sets())
        #expect(bad.status == 1)
    }
}
