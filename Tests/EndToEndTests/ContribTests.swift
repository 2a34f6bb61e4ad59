import Foundation
import LogscanCore
import Testing

/// The shipped contrib/ files, run as an admin would install them: the cron.daily script with a fake
/// `sendmail` on PATH that saves what it is given, and the systemd units through `systemd-analyze verify`
/// and their ExecStart command.
@Suite struct ContribTests {
    /// A folder with `logscan` (the built binary) and a `sendmail` that saves its input and arguments.
    struct FakeMailer {
        let folder: URL
        var bin: URL { folder.appendingPathComponent("bin") }
        var saved: URL { folder.appendingPathComponent("message.eml") }
        var arguments: URL { folder.appendingPathComponent("sendmail-arguments") }

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("logscan-contrib-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("bin"), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(at: bin.appendingPathComponent("logscan"), withDestinationURL: Harness.binary)
            let script = "#!/bin/sh\nprintf '%s\\n' \"$*\" > '\(arguments.path)'\ncat > '\(saved.path)'\n"
            let sendmail = bin.appendingPathComponent("sendmail")
            try Data(script.utf8).write(to: sendmail)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sendmail.path)
        }

        /// The environment of a run: the fake programs first on PATH, no /etc/default/logscan of this machine.
        func environment(mailto: String, arguments: String) -> [String: String] {
            ["PATH": bin.path + ":/usr/bin:/bin", "LOGSCAN_DEFAULTS": "/nonexistent/default-logscan",
             "LOGSCAN_MAILTO": mailto, "LOGSCAN_ARGS": arguments]
        }

        var sentMessage: Bool { FileManager.default.fileExists(atPath: saved.path) }
    }

    static let cronScript = Harness.packageRoot.appendingPathComponent("contrib/cron.daily/logscan")
    static let service = Harness.packageRoot.appendingPathComponent("contrib/systemd/logscan.service")
    static let timer = Harness.packageRoot.appendingPathComponent("contrib/systemd/logscan.timer")

    /// Checks the saved message against the JSON report of the same logs.
    func checkSent(_ mailer: FakeMailer, logs: [String], to: String) throws {
        let expected = ExpectedSubject(try Harness.report(try Harness.logscan(["--format", "json", "--top", "0"] + logs)))
        #expect(try String(contentsOf: mailer.arguments, encoding: .utf8) == "-oi -t\n")
        let mail = try ParsedEmail.file(mailer.saved.path)
        #expect(mail.subject.hasPrefix("[logscan] \(ExpectedSubject.shortHost): \(expected.summary) ("), "\(mail.subject)")
        #expect(expected.alerts == 1 && mail.subject.contains("ALERT 1 possible compromise"))
        #expect(mail.headers["to"] == [to])
        #expect(mail.parts.map(\.type) == ["text/plain", "text/html"])
        #expect(mail.defects.isEmpty && mail.max_line_octets <= 78)
    }

    @Test func cronScriptMailsTheReportThroughSendmail() throws {
        let mailer = try FakeMailer()
        let log = try Harness.fixtures("debian").appendingPathComponent("auth.log").path
        let run = try Harness.run(Self.cronScript, [], environment: mailer.environment(
            mailto: "root,admin@example.org", arguments: "--range all --quiet-if-empty \(log)"))
        #expect(run.status == 0, "\(run.err)")
        try checkSent(mailer, logs: [log], to: "root, admin@example.org")
    }

    @Test func cronScriptSendsNothingForAnEmptyDayAndStopsOnBadAddresses() throws {
        let log = try Harness.fixtures("debian").appendingPathComponent("auth.log").path
        let quiet = try FakeMailer()
        let empty = try Harness.run(Self.cronScript, [], environment: quiet.environment(
            mailto: "root", arguments: "--since 2026-11-27T12:00 --until 2026-11-28 --quiet-if-empty \(log)"))
        #expect(empty.status == 0 && empty.err.isEmpty, "\(empty.err)")
        #expect(!quiet.sentMessage, "sendmail -t was not run for an empty day")

        let refused = try FakeMailer()
        let bad = try Harness.run(Self.cronScript, [], environment: refused.environment(
            mailto: "root\nBcc: victim@example.org", arguments: "--range all \(log)"))
        #expect(bad.status == 1)
        #expect(bad.err.contains("--mailto"))
        #expect(!refused.sentMessage)
    }

    @Test func systemdUnitsVerify() throws {
        let analyze = try RealTool.require("systemd-analyze", package: "systemd")
        let run = try Harness.run(URL(fileURLWithPath: analyze), ["verify", Self.service.path, Self.timer.path])
        #expect(run.status == 0)
        #expect(run.err.isEmpty && run.out.isEmpty, "systemd-analyze has no complaint: \(run.err)")
        let timer = try String(contentsOf: Self.timer, encoding: .utf8)
        #expect(timer.contains("\nPersistent=true\n") && timer.contains("\nOnCalendar=*-*-* 00:15:00\n"))
    }

    @Test func serviceExecStartMailsTheReport() throws {
        let unit = try String(contentsOf: Self.service, encoding: .utf8)
        let line = try #require(unit.split(separator: "\n").first { $0.hasPrefix("ExecStart=") })
        // `/bin/sh -c '<script>'`, with systemd's $$ and %% turned into the $ and % the shell sees.
        let command = line.dropFirst("ExecStart=".count)
        try #require(command.hasPrefix("/bin/sh -c '") && command.hasSuffix("'"))
        let script = String(command.dropFirst("/bin/sh -c '".count).dropLast())
            .replacingOccurrences(of: "$$", with: "$").replacingOccurrences(of: "%%", with: "%")
        #expect(unit.contains("Environment=LOGSCAN_MAILTO=root \"LOGSCAN_ARGS=--range yesterday --quiet-if-empty\"\n"))

        let mailer = try FakeMailer()
        let log = try Harness.fixtures("debian").appendingPathComponent("auth.log").path
        let run = try Harness.run(URL(fileURLWithPath: "/bin/sh"), ["-c", script],
                                  environment: mailer.environment(mailto: "root", arguments: "--range all --quiet-if-empty \(log)"))
        #expect(run.status == 0, "\(run.err)")
        try checkSent(mailer, logs: [log], to: "root")

        let quiet = try FakeMailer()
        let empty = try Harness.run(URL(fileURLWithPath: "/bin/sh"), ["-c", script], environment: quiet.environment(
            mailto: "root", arguments: "--since 2026-11-27T12:00 --until 2026-11-28 --quiet-if-empty \(log)"))
        #expect(empty.status == 0)
        #expect(!quiet.sentMessage)
    }
}
