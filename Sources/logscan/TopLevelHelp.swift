import ArgumentParser

/// `logscan --help`: the overview, then the options of the report (the default command, so they are the
/// ones a user types first), then the subcommands. swift-argument-parser alone would list only --version and
/// --help at the top level.
enum TopLevelHelp {
    static func requested(_ arguments: [String]) -> Bool {
        arguments == ["--help"] || arguments == ["-h"] || arguments == ["help"]
    }

    static func text(columns: Int? = nil) -> String {
        let root = Logscan.helpMessage(columns: columns)
        let report = Logscan.helpMessage(for: ReportCommand.self, columns: columns)
        let overview = section(of: root, from: nil, to: "USAGE:")
        let subcommands = section(of: root, from: "SUBCOMMANDS:", to: nil)
        let options = section(of: report, from: "ARGUMENTS:", to: nil)
        let usage = """
            USAGE: logscan [report] [<options>] [<path> ...]
                   logscan <subcommand> [<options>] [<path> ...]

            """
        return overview + "\n" + usage + "\n" + options + "\n" + subcommands
    }

    /// The text from the line starting with `start` (or the beginning) up to the line starting with `end`.
    static func section(of text: String, from start: String?, to end: String?) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if let start, let first = lines.firstIndex(where: { $0.hasPrefix(start) }) { lines = Array(lines[first...]) }
        if let end, let last = lines.firstIndex(where: { $0.hasPrefix(end) }) { lines = Array(lines[..<last]) }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}
