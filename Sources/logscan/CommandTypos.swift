#if canImport(Glibc)
import Glibc
#endif

/// A first word that is no file and looks like a command (`logscan event`, `logscan bans`) is a usage
/// error, not a path to read: "did you mean …", exit 1.
enum CommandTypos {
    /// Subcommands, including the ones another branch adds (`ban`), so a typo of them is caught too.
    static var commands: [String] {
        let configured = Logscan.configuration.subcommands.compactMap { $0.configuration.commandName }
        return configured + ["ban", "help"].filter { !configured.contains($0) }
    }

    /// The message for `arguments` (without the program name), or nil when the first word is fine.
    static func message(_ arguments: [String]) -> String? {
        guard let word = arguments.first, looksLikeCommand(word), !commands.contains(word), !exists(word) else { return nil }
        let listed = commands.filter { $0 != "help" }.joined(separator: ", ")
        if let near = nearest(word) {
            return "'\(word)' is neither a file nor a command. Did you mean '\(near)'? (Commands: \(listed); "
                + "to read a file of that name, write ./\(word).)"
        }
        return "'\(word)' is neither a file nor a command (commands: \(listed)); see logscan --help."
    }

    /// A bare lowercase word: no path, no option, no glob.
    static func looksLikeCommand(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return word.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || $0 == "-" }
    }

    /// The command closest to `word`: a prefix either way, or at most two edits away.
    static func nearest(_ word: String) -> String? {
        let scored = commands.map { ($0, distance(word, $0)) }
        if let prefix = commands.first(where: { $0.hasPrefix(word) || word.hasPrefix($0) }) { return prefix }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2 else { return nil }
        return best.0
    }

    /// Levenshtein distance, with a swap of two neighbours counted as one edit.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8), b = Array(b.utf8)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { rows[i][0] = i }
        for j in 0...b.count { rows[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1) }
            }
        }
        return rows[a.count][b.count]
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }
}
