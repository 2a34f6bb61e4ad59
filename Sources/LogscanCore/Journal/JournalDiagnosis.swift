/// Turns how journalctl ended, and what it said on stderr, into the input's warning (nil when all is well).
/// Every warning makes the run partial (exit 2); the entries read before a failure are still reported.
enum JournalDiagnosis {
    static func problem(_ termination: ChildProcess.Termination, errorText: String, damage: String?) -> String? {
        var problems: [String] = []
        if let damage { problems.append(damage) }
        let said = summary(errorText)
        if errorText.contains("insufficient permissions") || errorText.contains("not seeing messages from other users") {
            problems.append("journalctl could not read the whole journal (\(said)): \(JournalDiscovery.permissionHint)")
        } else {
            switch termination {
            case .exited(0):
                if !said.isEmpty { problems.append("journalctl: \(said)") }
            case .exited(let status):
                problems.append("journalctl failed (exit status \(status))" + (said.isEmpty ? "" : ": \(said)")
                    + "; the entries it wrote before were read")
            case .signalled(let signal):
                problems.append("journalctl was killed by signal \(signal)" + (said.isEmpty ? "" : " (\(said))")
                    + "; the entries it wrote before were read")
            }
        }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }

    /// journalctl's stderr on one line, control characters escaped, at most about 300 characters.
    static func summary(_ text: String) -> String {
        let lines = text.split(whereSeparator: \.isNewline).map { SafeText.from(Array($0.utf8)) }
        let joined = lines.joined(separator: " / ")
        return joined.count > 300 ? String(joined.prefix(300)) + "…" : joined
    }
}
