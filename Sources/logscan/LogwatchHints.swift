/// What logscan uses instead of logwatch's options, said after the argument parser rejects one of them
/// (logwatch's --service and --mailto are logscan options too, and --detail comes with the render work).
enum LogwatchHints {
    static let replacements: [String: String] = [
        "--output": "use --format text, html, json or email (logwatch's --output mail is --format email | sendmail -t).",
        "--numeric": "logscan never looks names up: addresses are always shown as numbers.",
        "--logfile": "name the log files, directories or globs as arguments: logscan /var/log/auth.log*.",
        "--archives": "logscan always reads the rotated files (auth.log.1, auth.log.2.gz, …) too.",
        "--print": "the report goes to standard output already.",
        "--hostname": "the report is named after this host; --subject sets the email's subject.",
    ]

    /// A hint for the logwatch option, or logwatch-style `--range` value, that `error` (the parser's
    /// message) rejects.
    static func hint(_ arguments: [String], error: String) -> String? {
        for (index, argument) in arguments.enumerated() {
            let name = String(argument.split(separator: "=", maxSplits: 1).first ?? "")
            if let text = replacements[name], error.contains(name) { return "\(name) is logwatch's option: \(text)" }
            if name == "--range" {
                let value = argument.contains("=") ? String(argument.drop { $0 != "=" }.dropFirst())
                    : index + 1 < arguments.count ? arguments[index + 1] : ""
                let logwatchStyle = value.lowercased().hasPrefix("since") || value.lowercased().hasPrefix("between")
                if logwatchStyle && error.contains(value) {
                    return "--range takes today, yesterday or all; for logwatch's '\(value)' use --since "
                        + "(and --until) with 90m, 2h, 7d, a date or a date-time: --since 2h."
                }
            }
        }
        return nil
    }
}
