import ArgumentParser
import LogscanCore

/// The inputs and time range, shared by every command that reads logs.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "Log files, directories or globs; - reads standard input. Default: /var/log/auth.log*, secure*, mail.log*, maillog*, dovecot.log* and dovecot-info.log*.",
        valueName: "path"))
    var paths: [String] = []

    @Option(help: ArgumentHelp(
        "Start of the range: 90m, 24h, 7d, 2w, today, yesterday, 2026-11-20, 2026-11-20T10:00 or RFC 3339. "
            + "Default: everything when paths are given, the last 24h for the system's own logs.",
        valueName: "time"))
    var since: String?

    @Option(help: ArgumentHelp("End of the range (exclusive), in the same forms as --since.", valueName: "time"))
    var until: String?

    @Option(help: ArgumentHelp("today, yesterday or all (logwatch's names for a range).", valueName: "name"))
    var range: String?

    @Flag(help: "Read and show times in UTC instead of the local zone.")
    var utc = false

    @OptionGroup(title: "Systemd journal")
    var journal: JournalOptions

    var zone: Zone { utc ? .utc : .local }

    func validate() throws {
        if range != nil && (since != nil || until != nil) {
            throw ValidationError("--range cannot be combined with --since or --until")
        }
        _ = try timeRange(now: .now)
    }

    /// The range to read, with the default that depends on whether paths were given.
    func timeRange(now: Instant) throws -> TimeRange {
        do {
            if let range { return try TimeSpec.range(range, now: now, zone: zone) }
            var result = TimeRange()
            if let since { result.since = try TimeSpec.instant(since, now: now, zone: zone) }
            if let until { result.until = try TimeSpec.instant(until, now: now, zone: zone) }
            if since == nil && until == nil && paths.isEmpty && !journal.namesFiles { result.since = now.adding(seconds: -86_400) }
            if let start = result.since, let end = result.until, end <= start {
                throw ValidationError("--until must be later than --since")
            }
            return result
        } catch let invalid as TimeSpec.Invalid {
            throw ValidationError(invalid.description)
        }
    }
}
