import Foundation
import LogscanCore
import Testing

/// Dovecot's own log files (`log_path`, `info_log_path`): no host and no syslog tag, read as a rotated set
/// from a directory like any other log.
@Suite struct DovecotLogFileTests {
    func writeSet() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("logscan-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let older = """
            Nov 26 09:33:57 auth: Info: passwd-file(amy@example.org,198.51.100.70,<b2xk>): Password mismatch
            Nov 26 09:33:58 imap-login: Info: Disconnected (auth failed, 1 attempts in 3 secs): user=<amy@example.org>, method=PLAIN, rip=198.51.100.70, lip=192.0.2.25, TLS, session=<b2xk>
            Nov 26 09:40:00 imap-login: Info: Login: user=<bob@example.org>, method=PLAIN, rip=198.51.100.71, lip=192.0.2.25, mpid=4100, TLS, session=<Ym9i>

            """
        let newer = """
            Nov 27 10:00:01 auth: Info: ldap(cat@example.org,198.51.100.72): invalid credentials
            Nov 27 10:00:02 auth: Info: ldap(cat@example.org,198.51.100.72): invalid credentials
            Nov 27 10:00:05 pop3-login: Info: Disconnected (proxy dest auth failed): user=<dan@example.org>, method=PLAIN, rip=198.51.100.73, lip=192.0.2.25, session=<ZGFu>

            """
        try Data(older.utf8).write(to: dir.appendingPathComponent("dovecot.log.1"))
        try Data(newer.utf8).write(to: dir.appendingPathComponent("dovecot.log"))
        return dir
    }

    @Test func ownLogFilesAreReadAndCounted() throws {
        let dir = try writeSet()
        let run = try Harness.logscan(["--format", "json", dir.path])
        #expect(run.status == 0)
        let report = try Harness.report(run)
        #expect(report.inputs.files.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["dovecot.log.1", "dovecot.log"])
        let dovecot = try #require(report.services.first { $0.service == .dovecot })
        #expect(dovecot.failedAttempts == 4, "1 folded mismatch + 2 ldap binds + 1 proxy refusal")
        #expect(dovecot.attempts(ip: "198.51.100.72") == 2)
        #expect(dovecot.attempts(ip: "198.51.100.73") == 1)
        #expect(dovecot.successfulLogins == 1)
        #expect(dovecot.unmatched.count == 0)
    }
}
