#if canImport(Glibc)
import Glibc
#endif

/// The journalctl command line for one journal input: export format, the range (so journalctl seeks), and
/// matches that select the services logscan parses (so it does not stream the whole journal).
///
/// journalctl has no glob for field matches, and postfix's identifiers depend on each site's `syslog_name`
/// (`postfix/smtpd`, `postfix/submission/smtpd`, `postfix-out/smtp`…). So logscan first asks the journal which
/// identifiers it holds (`journalctl -F SYSLOG_IDENTIFIER`, read from the field index, not the entries) and
/// matches every one the parser registry claims, by the same rules as a text log's program names. The
/// parsers' exact program names and the services' usual units are always matched too.
public struct JournalQuery: Sendable {
    /// Units whose entries are always read (entries of programs no parser claims are counted as other programs).
    public static let units = ["ssh.service", "sshd.service", "postfix@-.service", "postfix.service", "dovecot.service"]

    public let registry: ParserRegistry
    /// `FIELD=VALUE` matches from `--journal-match`, for a daemon run under another name or unit.
    public var extraMatches: [String] = []

    public init(registry: ParserRegistry, extraMatches: [String] = []) {
        self.registry = registry
        self.extraMatches = extraMatches
    }

    /// journalctl's options that say which journal to read.
    static func scopeArguments(_ source: InputSource) -> [String] {
        guard case .journal(let scope) = source.kind else { return [] }
        switch scope {
        case .system: return []
        case .file: return ["--file=" + source.path]
        case .directory: return ["--directory=" + source.path]
        }
    }

    /// The export command for `source` over `range`, with `identifiers` found in its field index.
    func exportArguments(_ source: InputSource, range: TimeRange, identifiers: [String]) -> [String] {
        var arguments = ["--no-pager", "--quiet", "--utc", "--output=export", "--output-fields=" + JournalFields.requested]
        arguments += JournalQuery.scopeArguments(source)
        // Whole seconds since the epoch (`@N`) leave no doubt about the zone; logscan applies the exact range.
        if let since = range.since { arguments.append("--since=@\(since.seconds)") }
        if let until = range.until { arguments.append("--until=@\(until.adding(seconds: 1).seconds)") }
        arguments += matches(identifiers: identifiers).joined(separator: ["+"])
        return arguments
    }

    /// One match per group, OR-ed with `+`.
    func matches(identifiers: [String]) -> [[String]] {
        var names = registry.parsers.flatMap(\.programs)
        for identifier in identifiers where !names.contains(identifier) {
            let claimed = Bytes.with(identifier) { registry.parserIndex(for: $0) != nil }
            if claimed { names.append(identifier) }
        }
        var matches = names.map { ["SYSLOG_IDENTIFIER=" + $0] }
        // _COMM, for entries without an identifier; the kernel keeps 15 bytes of a command's name.
        matches += registry.parsers.flatMap(\.programs).filter { $0.utf8.count <= 15 && !$0.contains("(") }.map { ["_COMM=" + $0] }
        matches += JournalQuery.units.map { ["_SYSTEMD_UNIT=" + $0] }
        matches += extraMatches.map { [$0] }
        return matches
    }

    /// The arguments that list the identifiers a journal holds.
    static func identifierArguments(_ source: InputSource) -> [String] {
        ["--no-pager", "--quiet"] + scopeArguments(source) + ["--field=SYSLOG_IDENTIFIER"]
    }

    /// `FIELD=VALUE` with a journal field name (upper-case letters, digits, underscores); nil when valid.
    public static func problem(withMatch match: String) -> String? {
        guard let equals = match.firstIndex(of: "="), equals != match.startIndex else {
            return "\(match): a journal match is FIELD=VALUE, for example SYSLOG_IDENTIFIER=mysshd or _SYSTEMD_UNIT=ssh-alt.service"
        }
        let name = match[..<equals]
        guard name.utf8.allSatisfy({ ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 95 }) else {
            return "\(match): a journal field name has only upper-case letters, digits and underscores"
        }
        return nil
    }

    /// journalctl's path on `PATH`, or nil.
    public static func locateJournalctl(path: String? = getenv("PATH").map { String(cString: $0) }) -> String? {
        for folder in (path ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = String(folder) + "/journalctl"
            if access(candidate, X_OK) == 0 && InputDiscovery.isRegularFile(candidate) { return candidate }
        }
        return nil
    }
}
