import Foundation
import LogscanCore
import Testing

/// What a new user meets first: typos of commands, logwatch's option names, `--help`, standard input.
@Suite struct FirstRunTests {
    @Test(arguments: [("event", "events"), ("bans", "ban"), ("reprot", "report"), ("evnets", "events")])
    func aMistypedCommandIsAnErrorWithASuggestion(_ typo: String, _ meant: String) throws {
        let run = try Harness.logscan([typo, try Harness.fixtures("debian").path])
        #expect(run.status == 1)
        #expect(run.out.isEmpty, "no report for a typo")
        #expect(run.err.contains("Did you mean '\(meant)'?"), "\(run.err)")
    }

    @Test func aWordThatIsNoCommandIsNotReadAsAPath() throws {
        let run = try Harness.logscan(["merge", try Harness.fixtures("debian").path])
        #expect(run.status == 1)
        #expect(run.out.isEmpty)
        #expect(run.err.contains("'merge' is neither a file nor a command"), "\(run.err)")
    }

    @Test func aFileNamedLikeACommandIsStillRead() throws {
        let dir = try Harness.fixtures("debian")
        try FileManager.default.copyItem(at: dir.appendingPathComponent("auth.log"), to: dir.appendingPathComponent("event"))
        let run = try Harness.logscan(["event", "--format", "json"], in: dir)
        #expect(run.status == 0, "\(run.err)")
        #expect(try Harness.report(run).sshd?.failedAttempts == 19)
    }

    @Test(arguments: [
        (["--output", "mail"], "use --format text, html, json or email"),
        (["--numeric"], "always shown as numbers"),
        (["--range", "since 2 hours ago"], "--since 2h"),
        (["--range=between -2 days and -1 days"], "use --since"),
        (["--archives"], "rotated files"),
    ])
    func logwatchOptionsGetAHint(_ arguments: [String], _ hint: String) throws {
        let run = try Harness.logscan(arguments + [try Harness.fixtures("debian").path])
        #expect(run.status == 1)
        #expect(run.err.contains("hint: "), "\(run.err)")
        #expect(run.err.contains(hint), "\(run.err)")
    }

    @Test func otherUsageErrorsGetNoLogwatchHint() throws {
        let run = try Harness.logscan(["--range", "weekly", try Harness.fixtures("debian").path])
        #expect(run.status == 1)
        #expect(!run.err.contains("hint:"), "\(run.err)")
    }

    @Test func aNegativeTopSaysWhatItTakes() throws {
        let run = try Harness.logscan(["--top", "-1", try Harness.fixtures("debian").path])
        #expect(run.status == 1)
        #expect(run.err.contains("--top must be 0 (all rows) or more"), "\(run.err)")
        #expect(!run.err.contains("Missing value"))
    }

    @Test func topLevelHelpListsTheReportOptionsAndTheSubcommands() throws {
        for arguments in [["--help"], ["-h"], ["help"]] {
            let help = try Harness.logscan(arguments)
            #expect(help.status == 0)
            for option in ["--since", "--until", "--range", "--format", "--top", "--service", "--fail-on", "--trust",
                           "--mailto", "--quiet-if-empty", "--version"] {
                #expect(help.out.contains(option), "\(arguments) lists \(option)")
            }
            #expect(help.out.contains("SUBCOMMANDS:") && help.out.contains("events"))
            #expect(help.out.contains("USAGE: logscan [report] [<options>] [<path> ...]"))
            for line in help.out.split(separator: "\n") { #expect(line.unicodeScalars.count <= 80, "\(line)") }
        }
    }

    /// Printed 1000 columns wide, each paragraph is one line: none was broken by hand.
    @Test(arguments: [
        (["--help"], "Reads rotated", "possible compromise."),
        (["--help"], "Exit status: 0", "which wins over 2."),
        (["help", "events"], "Fields: file", "ip, user, count."),
        (["help", "events"], "The count of the failure:true", ".same_attempt."),
    ])
    func helpParagraphsWrapByThemselves(_ arguments: [String], _ start: String, _ end: String) throws {
        let help = try Harness.logscan(arguments, environment: ["COLUMNS": "1000"])
        #expect(help.status == 0)
        let line = help.out.split(separator: "\n").first { $0.hasPrefix(start) }
        #expect(line?.hasSuffix(end) == true, "\(String(describing: line))")
    }

    @Test func dataOnStandardInputWithoutADashIsAUsageError() throws {
        let lines = try Data(contentsOf: Harness.fixtures("debian").appendingPathComponent("auth.log"))
        let run = try Harness.logscan(["--format", "json"], stdin: lines)
        #expect(run.status == 1)
        #expect(run.out.isEmpty)
        #expect(run.err.contains("logscan reads it only when told to with '-'"), "\(run.err)")
        let dash = try Harness.logscan(["--format", "json", "-"], stdin: lines)
        #expect(dash.status == 0, "\(dash.err)")
        #expect(try Harness.report(dash).sshd?.failedAttempts == 19)
    }

    @Test func anEmptyPipeOnStandardInputIsNoError() throws {
        // cron and ssh hand every command a pipe; with nothing in it, logscan reads the system logs as usual.
        let run = try Harness.logscan(["--since", "1h", "--quiet"], stdin: Data())
        #expect(run.status != 1, "\(run.err)")
        #expect(!run.err.contains("'-'"))
    }
}
