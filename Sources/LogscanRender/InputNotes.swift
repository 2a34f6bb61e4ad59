import LogscanCore

/// What the text report says about lines it could not use: an empty report says whether nothing happened
/// or nothing could be read (exit status 0 for the first, 2 for the second), and each file notes the lines
/// it cut or could not date.
enum InputNotes {
    static func sentence(_ inputs: Report.Inputs) -> String {
        let read = inputs.files.filter { $0.problem == nil || $0.stats.lines > 0 }
        if read.isEmpty { return "No input could be read in full: nothing to report (see the warnings below)." }
        if inputs.totalLines == 0 { return "The inputs are empty: no lines to report on." }
        return "Nothing from sshd, postfix or dovecot in the range (\(NumberText.counted(inputs.totalLines, "line")) read)."
    }

    /// `auth.log: 2 lines longer than 64 KiB, cut there; 3 lines without a valid time`.
    static func lineNotes(_ inputs: Report.Inputs) -> [String] {
        inputs.files.compactMap { file in
            var parts: [String] = []
            if file.stats.cutLines > 0 {
                parts.append(NumberText.counted(file.stats.cutLines, "line") + " longer than 64 KiB, cut there")
            }
            if file.stats.untimed > 0 {
                parts.append(NumberText.counted(file.stats.untimed, "line") + " without a valid time")
            }
            return parts.isEmpty ? nil : file.path + ": " + parts.joined(separator: "; ")
        }
    }
}
