import Foundation
import LogscanCore
import Testing

/// Exit codes, errors and the shape of the text report.
@Suite struct CommandLineTests {
    @Test func usageErrorsExitWithOne() throws {
        for arguments in [["--since", "last tuesday", "x"], ["--range", "weekly", "x"], ["--format", "xml", "x"],
                          ["--since", "2026-11-20", "--until", "2026-11-19", "x"], ["--top", "-1", "x"]] {
            let run = try Harness.logscan(arguments)
            #expect(run.status == 1, "\(arguments)")
            #expect(run.out.isEmpty)
            #expect(!run.err.isEmpty)
        }
    }

    @Test func missingFilesWarnAndExitWithTwoButStillReport() throws {
        let dir = try Harness.fixtures("debian")
        let run = try Harness.logscan(["--format", "json", dir.appendingPathComponent("auth.log").path, "/nonexistent/auth.log"])
        #expect(run.status == 2)
        #expect(run.err.contains("/nonexistent/auth.log: no such file or directory"))
        #expect(try Harness.report(run).sshd?.failedAttempts == 19)
    }

    @Test func versionAndHelpTeach() throws {
        let version = try Harness.logscan(["--version"])
        #expect(version.status == 0)
        #expect(version.out.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        let help = try Harness.logscan(["--help"])
        #expect(help.out.contains("logscan --since 24h"))
        #expect(help.out.contains("Exit status"))
    }

    @Test func textReportFitsEightyColumnsAndSaysHowManyMore() throws {
        let dir = try Harness.fixtures("debian")
        let run = try Harness.logscan(["--top", "1", dir.path])
        for line in run.out.split(separator: "\n") { #expect(line.unicodeScalars.count <= 80, "\(line)") }
        #expect(run.out.contains("  … and 3 more"))
        #expect(!run.outBytes.contains(0x1B), "no colour when stdout is not a terminal")
        let forced = try Harness.logscan(["--top", "1", "--color", "always", dir.path])
        #expect(forced.outBytes.contains(0x1B))
    }

    @Test func jsonCarriesTheSchemaVersion() throws {
        let dir = try Harness.fixtures("rfc3339")
        let run = try Harness.logscan(["--format", "json", dir.path])
        let object = try #require(try JSONSerialization.jsonObject(with: run.outBytes) as? [String: Any])
        #expect(object["schema"] as? String == "logscan.report/1")
    }

    @Test func bareMessagesFromStandardInputCount() throws {
        let lines = "Failed password for root from 192.0.2.9 port 22 ssh2\nInvalid user bob from 192.0.2.9 port 23\n"
        let run = try Harness.logscan(["--format", "json", "-"], stdin: Data(lines.utf8))
        #expect(try Harness.report(run).sshd?.failedAttempts == 2)
        let ranged = try Harness.logscan(["--format", "json", "--since", "24h", "-"], stdin: Data(lines.utf8))
        #expect(try Harness.report(ranged).sshd == nil, "lines without a time count only when no range is given")
    }
}
