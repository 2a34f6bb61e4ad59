import Foundation
import Testing

/// The system journal and auto mode, on a /var/log of the test's own: each test runs logscan in a private
/// mount namespace (`unshare -m`) with an empty tmpfs on /var/log and /run/log, where it puts the journal
/// file built from `Fixtures/journal/web1.export` as /var/log/journal/<machine-id>/system.journal (where
/// journald keeps it, and where plain `journalctl` looks), and log files when the test wants them.
@Suite struct JournalSystemTests {
    /// Runs `script` (sh) in the namespace after the setup; `$LOGSCAN`, `$JOURNAL` and `$TEXT` name the
    /// binary, the built web1.journal and the text logs of the same scenario.
    static func inNamespace(_ script: String) throws -> Harness.Run {
        let unshare = try RealTool.require("unshare", package: "util-linux")
        _ = try RealTool.require("setpriv", package: "util-linux")
        let journals = try JournalTests.journals()
        let setup = """
            set -e
            mount -t tmpfs none /var/log
            mkdir -p /run/log && mount -t tmpfs none /run/log
            dir=/var/log/journal/$(cat /etc/machine-id)
            mkdir -p "$dir" && cp "$JOURNAL" "$dir/system.journal"
            chmod 755 /var/log/journal "$dir"
            set +e

            """
        var environment: [String: String] = [:]
        environment["LOGSCAN"] = Harness.binary.path
        environment["JOURNAL"] = journals.appendingPathComponent("web1.journal").path
        environment["TEXT"] = try JournalTests.textLogs().path
        return try Harness.run(URL(fileURLWithPath: unshare), ["-m", "--propagation", "private", "sh", "-c", setup + script],
                               environment: environment)
    }

    @Test func withoutLogFilesTheJournalIsReadAndStderrSaysSo() throws {
        let run = try Self.inNamespace(#""$LOGSCAN" --range all --format json"#)
        #expect(run.status == 0, "\(run.err)")
        #expect(run.err.contains("reading the systemd journal (no /var/log/auth.log*, secure*, mail.log*)"))
        let report = try Harness.report(run)
        #expect(report.inputs.files.map(\.path) == ["journal"])
        #expect(report.sshd?.failedAttempts == 9)
        #expect(report.alerts.map(\.ip) == ["203.0.113.99"])
    }

    @Test func theCronLineWorksOnAJournalOnlyHost() throws {
        // README's cron line, with the range of the fixture's day instead of yesterday.
        let run = try Self.inNamespace(#""$LOGSCAN" --quiet --since 2026-11-27 --until 2026-11-28 2>&1"#)
        #expect(run.status == 0)
        #expect(run.out.contains("POSSIBLE COMPROMISE"))
        #expect(!run.out.contains("logscan:"), "--quiet says nothing on stderr when all went well")
    }

    @Test func logFilesWinAndStderrSaysTheJournalWasNotRead() throws {
        let run = try Self.inNamespace(#"cp "$TEXT/auth.log" /var/log/auth.log && "$LOGSCAN" --range all --format json"#)
        #expect(run.status == 0, "\(run.err)")
        #expect(run.err.contains("the systemd journal was not read"))
        #expect(run.err.contains("--journal reads the journal instead"))
        #expect(try Harness.report(run).inputs.files.map(\.path) == ["/var/log/auth.log"])
        let forced = try Self.inNamespace(#"cp "$TEXT/auth.log" /var/log/auth.log && "$LOGSCAN" --journal --range all --format json"#)
        #expect(try Harness.report(forced).inputs.files.map(\.path) == ["journal"])
    }

    @Test func aUserWhoMayReadOnlyTheirOwnJournalIsToldWhatToDo() throws {
        let run = try Self.inNamespace(#"""
            chmod 600 /var/log/journal/*/system.journal
            setpriv --reuid=65534 --regid=65534 --clear-groups "$LOGSCAN" --range all
            """#)
        #expect(run.status == 2)
        #expect(run.err.contains("this user may read only their own journal, not the system's: run as root or add yourself to the systemd-journal (or adm) group"))
        #expect(run.out.isEmpty, "no empty report")
    }

    @Test func noJournalAndNoLogsSaysWhereItLooked() throws {
        let run = try Self.inNamespace(#"rm -r /var/log/journal && "$LOGSCAN" --since 24h"#)
        #expect(run.status == 2)
        #expect(run.err.contains("no logs found: no auth or mail log files in /var/log, and the systemd journal: no journal files in /var/log/journal or /run/log/journal"))
    }

    @Test func aJournalKeptOnlyUnderAnotherMachineIDIsNamedWithTheOptionThatReadsIt() throws {
        // A restored or cloned disk: journald's folder is named for another machine id, which plain
        // journalctl never reads. logscan says so rather than reporting nothing.
        let other = "0123456789abcdef0123456789abcdef"
        let run = try Self.inNamespace(#"mv /var/log/journal/$(cat /etc/machine-id) /var/log/journal/\#(other) && "$LOGSCAN" --range all"#)
        #expect(run.status == 2)
        #expect(run.err.contains("its journal file is another machine's (machine id \(other))"), "\(run.err)")
        #expect(run.err.contains("read it with --journal-dir /var/log/journal"), "\(run.err)")
        let told = try Self.inNamespace(#"mv /var/log/journal/$(cat /etc/machine-id) /var/log/journal/\#(other) && "$LOGSCAN" --journal-dir /var/log/journal --range all --format json"#)
        #expect(told.status == 0, "\(told.err)")
        #expect(try Harness.report(told).sshd?.failedAttempts == 9)
    }
}
