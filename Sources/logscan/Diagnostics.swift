#if canImport(Glibc)
import Glibc
#endif
import LogscanCore

/// Messages for the person at the terminal: on stderr, never mixed with the report.
enum Diagnostics {
    static func say(_ message: String) {
        let text = "logscan: " + message + "\n"
        _ = text.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
    }

    static func warn(_ message: String) { say("warning: " + message) }

    /// Plans the inputs and tells what was chosen; nil (after saying why) when there is nothing to read.
    static func plan(_ options: InputOptions, range: TimeRange, quiet: Bool) -> InputPlan? {
        var plan = options.paths.isEmpty && !options.journal.request.isEmpty
            ? .empty : InputDiscovery.plan(paths: options.paths, since: range.since)
        guard addJournal(options, to: &plan, quiet: quiet) else { return nil }
        for problem in plan.problems { warn("\(SafeText.from(problem.path)): \(problem.message)") }
        InputNotes.tell(plan, quiet: quiet)
        if plan.usedSystemDefaults {
            if plan.inputs.isEmpty && plan.skipped.isEmpty {
                say("no logs found (looked for /var/log/auth.log*, secure*, mail.log*, maillog*, dovecot.log* and dovecot-info.log*). "
                    + "Name files or directories, or use - for standard input.")
                return nil
            }
            if !quiet {
                let names = plan.inputs.map(\.displayName).joined(separator: ", ")
                let scope = options.since == nil && options.until == nil && options.range == nil
                    ? " (last 24h; --range all reads everything)" : ""
                say("reading \(names.isEmpty ? "nothing new" : names)\(scope)")
            }
        }
        for reason in Set(plan.skipped.map(\.reason)).sorted() where !quiet {
            let names = plan.skipped.filter { $0.reason == reason }.map(\.source.displayName).joined(separator: ", ")
            say("skipped (\(reason)): \(names)")
        }
        return plan
    }

    static func warn(_ run: ScanRun) {
        for file in run.files {
            if let problem = file.read.problem { warn("\(file.source.displayName): \(problem)") }
        }
    }
}

/// Exit codes, as documented in `--help` and README.md.
enum ExitStatus {
    static let partialInput: Int32 = 2
}
