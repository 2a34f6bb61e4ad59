import Foundation
import LogscanCore
import Testing

/// The journal input, with the real journalctl on real journal files that systemd-journal-remote builds
/// here from `Fixtures/journal/*.export`. The scenario is also written as text logs
/// (`Fixtures/journal/text/`) by the same script; its totals are what `python3 Fixtures/journal/generate.py
/// --truth` prints.
@Suite struct JournalTests {
    /// `web1.journal` and `mx1.journal` in a new folder.
    static func journals() throws -> URL {
        let remote = try RealTool.require("systemd-journal-remote", package: "systemd-journal-remote")
        _ = try RealTool.require("journalctl", package: "systemd")
        let source = try Harness.fixtures("journal")
        let folder = source.deletingLastPathComponent().appendingPathComponent("journals")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for host in ["web1", "mx1"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: remote)
            process.arguments = ["--output=" + folder.appendingPathComponent(host + ".journal").path,
                                 source.appendingPathComponent(host + ".export").path]
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            try #require(process.terminationStatus == 0, "systemd-journal-remote could not build \(host).journal")
        }
        return folder
    }

    /// Runs any program (setpriv, unshare…) with its output captured. (main's `Harness.run` does the same.)
    static func textLogs() throws -> URL {
        try Harness.fixtures("journal").appendingPathComponent("text")
    }

    /// The service sections as JSON, for comparing two reports whole.
    static func sections(_ report: Report) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(report.services), as: UTF8.self)
    }

    @Test func theJournalGivesTheSameReportAsTheTextLogs() throws {
        let folder = try Self.journals()
        let run = try Harness.logscan(["--format", "json", "--journal-file", folder.path + "/*.journal"])
        #expect(run.status == 0, "\(run.err)")
        let journal = try Harness.report(run)
        let text = try Harness.report(try Harness.logscan(["--format", "json", try Self.textLogs().path]))
        #expect(try Self.sections(journal) == Self.sections(text))
        #expect(journal.alerts.map(\.ip) == ["203.0.113.99"])
        #expect(journal.alerts.map(\.ip) == text.alerts.map(\.ip))
        #expect(journal.sshd?.failedAttempts == 9)
        #expect(journal.sshd?.successfulLogins == 2)
        #expect(journal.services.first { $0.service == .postfix }?.failedAttempts == 3)
        #expect(journal.services.first { $0.service == .dovecot }?.failedAttempts == 4)
        #expect(journal.inputs.files.map(\.path) == ["journal:\(folder.path)/mx1.journal", "journal:\(folder.path)/web1.journal"])
        #expect(journal.inputs.files.map(\.stats.lines).reduce(0, +) == 19,
                "journalctl's matches leave out the CRON entry that the text log holds")
        #expect(text.inputs.files.map(\.stats.otherPrograms).reduce(0, +) == 1)
    }

    @Test func aDirectoryIsOneInputWithTheSameCounts() throws {
        let folder = try Self.journals()
        let run = try Harness.logscan(["--format", "json", "--journal-dir", folder.path])
        #expect(run.status == 0, "\(run.err)")
        let report = try Harness.report(run)
        #expect(report.inputs.files.map(\.path) == ["journal:" + folder.path])
        let text = try Harness.report(try Harness.logscan(["--format", "json", try Self.textLogs().path]))
        #expect(try Self.sections(report) == Self.sections(text))
    }

    @Test func sinceIsPassedDownAndAppliedExactly() throws {
        let folder = try Self.journals()
        let arguments = ["--format", "json", "--since", "2026-11-27T00:00:00Z", "--until", "2026-11-27T09:00:04Z"]
        let journal = try Harness.report(try Harness.logscan(arguments + ["--journal-dir", folder.path]))
        let text = try Harness.report(try Harness.logscan(arguments + [try Self.textLogs().path]))
        #expect(journal.sshd?.failedAttempts == 6, "the evening before and the second of bob's failures are outside")
        #expect(try Self.sections(journal) == Self.sections(text))
        let wholeDay = try Harness.report(try Harness.logscan(["--format", "json", "--since", "2026-11-27T00:00:00Z",
                                                              "--journal-dir", folder.path]))
        #expect(wholeDay.sshd?.failedAttempts == 7)
    }

    /// A directory over a range of an hour or more is read in time slices, one journalctl per core; a cut
    /// through a connection (bob's two failures and his login at 09:00:00-09, the invalid user's two lines
    /// at 01:05:00 and 01:05:05) must not change a count.
    @Test func timeSlicesCutThroughAConnectionGiveTheSameReport() throws {
        try #require(ProcessInfo.processInfo.activeProcessorCount > 1, "time slices are used with two cores or more")
        let folder = try Self.journals()
        let text = try Self.textLogs().path
        for (since, until) in [("2026-11-27T08:00:02Z", "2026-11-27T10:00:02Z"), ("2026-11-27T00:05:02Z", "2026-11-27T02:05:02Z"),
                               ("2026-11-26T00:00:00Z", "2026-11-28T00:00:00Z")] {
            let arguments = ["--format", "json", "--since", since, "--until", until]
            let run = try Harness.logscan(arguments + ["--journal-dir", folder.path])
            #expect(run.status == 0, "\(run.err)")
            let journal = try Harness.report(run)
            let lines = try Harness.report(try Harness.logscan(arguments + [text]))
            #expect(try Self.sections(journal) == Self.sections(lines), "\(since) to \(until)")
            #expect(journal.alerts.map(\.ip) == lines.alerts.map(\.ip))
            #expect(journal.inputs.files.map(\.path) == ["journal:" + folder.path], "the slices are one input")
        }
    }

    @Test func eventsNameTheJournalFileAndTheEntryPosition() throws {
        let folder = try Self.journals()
        let file = folder.appendingPathComponent("web1.journal").path
        let events = try Harness.events(try Harness.logscan(["events", "--unmatched", "--journal-file", file]))
        #expect(events.allSatisfy { $0["file"] as? String == "journal:" + file })
        #expect(events.map { $0["line"] as? Int ?? 0 } == Array(1...14), "the entries of web1 in order; CRON is not matched")
        let invalid = try #require(events.first { ($0["program"] as? String) == "sshd-auth" })
        #expect(invalid["user"] as? String == "\\xff\\xfeadm", "invalid UTF-8 is kept and escaped")
        #expect(invalid["ip"] as? String == "2001:db8:bad::7")
        #expect(Set(events.compactMap { $0["program"] as? String }) == ["sshd", "sshd-session", "sshd-auth"])
        let both = try Harness.events(try Harness.logscan(["events", "--journal-dir", folder.path]))
        #expect(Set(both.compactMap { $0["host"] as? String }) == ["web1", "mx1"])
        #expect(both.contains { $0["program"] as? String == "postfix/submission/smtpd" }, "postfix under any syslog_name")
    }

    @Test func aMessageWithANewlineStaysOneEntry() throws {
        let folder = try Self.journals()
        let run = try Harness.logscan(["--format", "json", "--journal-file", folder.appendingPathComponent("web1.journal").path])
        let report = try Harness.report(run)
        #expect(report.inputs.files.first?.stats.lines == 14)
        let events = try Harness.events(try Harness.logscan(["events", "--journal-file", folder.appendingPathComponent("web1.journal").path]))
        #expect(events.contains { $0["ip"] as? String == "192.0.2.60" }, "the disconnect line with a newline in its message")
    }

    @Test func noJournalctlOnThePathIsAnErrorThatSaysWhatToDo() throws {
        let folder = try Self.journals()
        let empty = folder.appendingPathComponent("empty-bin")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let run = try Harness.logscan(["--journal-dir", folder.path], environment: ["PATH": empty.path])
        #expect(run.status == 2)
        #expect(run.err.contains("journalctl is not on the PATH: install systemd"))
    }

    @Test func aDirectoryWithoutJournalFilesIsAnError() throws {
        let empty = try Harness.fixtures("journal").appendingPathComponent("text")
        let run = try Harness.logscan(["--journal-dir", empty.path])
        #expect(run.status == 2)
        #expect(run.err.contains("no journal files (*.journal) in this directory"))
        let missing = try Harness.logscan(["--journal-file", empty.path + "/nothing-*.journal"])
        #expect(missing.status == 2)
        #expect(missing.err.contains("no files match"))
    }

    @Test func anUnreadableJournalSaysHowToGetAccess() throws {
        let setpriv = try RealTool.require("setpriv", package: "util-linux")
        let folder = try Self.journals()
        // A world-readable copy of logscan and of the folder, but one journal file readable only by root.
        let binary = folder.appendingPathComponent("logscan-copy")
        try FileManager.default.copyItem(at: Harness.binary, to: binary)
        for path in [folder.deletingLastPathComponent().path, folder.path, binary.path] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: folder.appendingPathComponent("mx1.journal").path)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: folder.appendingPathComponent("web1.journal").path)
        func run(_ arguments: [String]) throws -> Harness.Run {
            try Harness.run(URL(fileURLWithPath: setpriv), ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path] + arguments)
        }
        let partial = try run(["--format", "json", "--journal-dir", folder.path])
        #expect(partial.status == 2)
        #expect(partial.err.contains("1 of its 2 journal files are not readable by this user"))
        #expect(partial.err.contains("run as root or add yourself to the systemd-journal (or adm) group"))
        #expect(try Harness.report(partial).services.first { $0.service == .dovecot }?.failedAttempts == 4,
                "the readable file is still reported")
        let file = try run(["--journal-file", folder.appendingPathComponent("web1.journal").path])
        #expect(file.status == 2)
        #expect(file.err.contains("run as root or add yourself to the systemd-journal (or adm) group"))
    }

    @Test func aCorruptJournalFileIsAWarningAndTheOthersAreRead() throws {
        let folder = try Self.journals()
        let corrupt = folder.appendingPathComponent("corrupt.journal")
        try Data((0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }).write(to: corrupt)
        let run = try Harness.logscan(["--format", "json", "--journal-file", folder.path + "/*.journal"])
        #expect(run.status == 2)
        #expect(run.err.contains("journal:\(corrupt.path): journalctl failed (exit status 1)"))
        let report = try Harness.report(run)
        #expect(report.sshd?.failedAttempts == 9)
    }

    @Test func journalctlKilledPartWayGivesThePartialResultAndAWarning() throws {
        let folder = try Self.journals()
        let journalctl = try RealTool.require("journalctl", package: "systemd")
        // The real journalctl, cut after its first 1500 bytes of output and then killed.
        let bin = folder.appendingPathComponent("killing-bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let wrapper = bin.appendingPathComponent("journalctl")
        try "#!/bin/sh\n\(journalctl) \"$@\" | head -c 1500\nkill -9 $$\n".write(to: wrapper, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)
        let file = folder.appendingPathComponent("web1.journal").path
        let run = try Harness.logscan(["--format", "json", "--journal-file", file],
                                      environment: ["PATH": bin.path + ":/usr/bin:/bin"])
        #expect(run.status == 2)
        #expect(run.err.contains("journal:\(file): the journal output ended inside an entry"))
        #expect(run.err.contains("journalctl was killed by signal 9; the entries it wrote before were read"))
        let lines = try Harness.report(run).inputs.files.first?.stats.lines ?? 0
        #expect(lines > 0 && lines < 14, "the entries before the cut are reported")
    }

    @Test func aJournalMatchMustBeFieldEqualsValue() throws {
        let run = try Harness.logscan(["--journal", "--journal-match", "sshd"])
        #expect(run.status == 1)
        #expect(run.err.contains("a journal match is FIELD=VALUE"))
    }
}
