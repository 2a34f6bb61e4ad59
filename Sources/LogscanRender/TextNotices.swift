import LogscanCore

/// The text report's plain answers when something may be wrong with the logs themselves: logs that
/// stopped being written (at the top), and why there is nothing to show (no lines in the range at all, or
/// lines, but none from the services logscan knows).
extension TextRenderer {
    func staleNotices(_ inputs: Report.Inputs) -> TextLines? {
        guard !inputs.stale.isEmpty else { return nil }
        var lines: [String] = []
        for stale in inputs.stale {
            let text: String
            if let last = stale.lastLine {
                text = "!! \(stale.path) has no line after \(time(last)): is logging working?"
            } else {
                text = "!! \(stale.path) was last written \(stale.lastWritten.map(time) ?? "long ago"): is logging working?"
            }
            lines += text.wrapped(to: width, indent: "   ").map(style.alert)
        }
        return TextLines(lines: lines)
    }

    /// Said instead of the service sections when there are none.
    func emptyNotice(_ report: Report) -> TextLines {
        let read = report.inputs.totalLines
        let inRange = report.inputs.files.reduce(0) { $0 + max(0, $1.stats.lines - $1.stats.outOfRange - $1.stats.untimed) }
        let text: String
        if report.inputs.files.allSatisfy({ $0.problem != nil && $0.stats.lines == 0 }) {
            text = "No input could be read in full: nothing to report (see the warnings below)."
        } else if read == 0 {
            text = "No log lines were read."
        } else if inRange == 0 {
            text = "No lines in the range (\(NumberText.grouped(read)) \(read == 1 ? "line" : "lines") read, all outside it)."
        } else {
            text = "\(NumberText.grouped(inRange)) \(inRange == 1 ? "line" : "lines") in the range, but none from sshd, postfix or dovecot."
        }
        return TextLines(lines: text.wrapped(to: width, indent: ""))
    }

    /// `auth.log: 2 lines longer than 64 KiB, cut there; 3 lines without a valid time`.
    func lineNotes(_ inputs: Report.Inputs) -> [String] {
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
