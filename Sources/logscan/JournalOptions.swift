import ArgumentParser
import LogscanCore

/// The options that read the systemd journal, shared by every command that reads logs.
struct JournalOptions: ParsableArguments {
    @Flag(help: ArgumentHelp(
        "Read the system's journal (through journalctl) instead of /var/log's files. Without paths this is automatic when "
            + "there are no auth or mail log files."))
    var journal = false

    @Option(name: .customLong("journal-file"), help: ArgumentHelp(
        "A journal file to read (repeatable; globs work), e.g. a copy of /var/log/journal/<machine-id>/*.journal. "
            + "Several files are read in parallel.", valueName: "file"))
    var files: [String] = []

    @Option(name: .customLong("journal-dir"), help: ArgumentHelp(
        "A directory of journal files to read as one journal (journalctl --directory).", valueName: "dir"))
    var directory: String?

    @Option(name: .customLong("journal-match"), help: ArgumentHelp(
        "Also read the journal entries with this field, for a daemon run under another name or unit (repeatable): "
            + "SYSLOG_IDENTIFIER=sshd is read by default; add e.g. _SYSTEMD_UNIT=ssh-jail.service.",
        valueName: "FIELD=VALUE"))
    var matches: [String] = []

    /// Offline journal files or a directory: like named paths, they are read whole unless a range is given.
    var namesFiles: Bool { !files.isEmpty || directory != nil }

    var request: JournalRequest { JournalRequest(system: journal, files: files, directory: directory) }

    func validate() throws {
        for match in matches {
            if let problem = JournalQuery.problem(withMatch: match) { throw ValidationError(problem) }
        }
    }
}
