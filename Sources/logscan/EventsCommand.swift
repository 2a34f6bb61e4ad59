import ArgumentParser
import LogscanCore
import LogscanRender

struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events", _superCommandName: DirectParse.rootName,
        abstract: "Print one JSON object per recognised line (NDJSON), in input order.",
        discussion: """
            Fields: file (journal, journal:FILE or journal:DIR for a journal), line (1-based, in the decompressed file; for a journal, the entry's position among those journalctl gave), time (RFC 3339 or null), host, program, service, kind, failure (true when the line counts as failed attempts), ip, user, count.

            The count of the failure:true lines adds up to the report's failed attempts. A line that repeats an attempt already counted has failure:false and a kind ending in .same_attempt.

            Examples:
              logscan events /var/log/auth.log | jq -c 'select(.failure)'
              logscan events --unmatched --since 1h | jq -c 'select(.kind == "unmatched")'
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var services: ServiceFilter

    @Flag(help: "Also print the lines nothing recognised, with kind \"unmatched\" and their text.")
    var unmatched = false

    @Flag(name: .shortAndLong, help: "Do not say on stderr which files were read (warnings still show).")
    var quiet = false

    func validate() throws { try StandardInputCheck.validate(paths: input.paths) }

    func run() throws {
        let range = try input.timeRange(now: .now)
        guard let plan = Diagnostics.plan(input, range: range, quiet: quiet) else { throw ExitCode(ExitStatus.partialInput) }
        let progress = ProgressLine(plan: plan, enabled: !quiet)
        // Files and chunks are read on every core; each part's lines are written in input order.
        let turns = OutputTurns()
        let (zone, unmatched) = (input.zone, unmatched)
        let scanner = Scanner(registry: services.registry, range: range, zone: zone, progress: progress.counter, chunking: BanCommand.chunking)
        let run = scanner.scanOrdered(plan, making: { index in
            OrderedEventPart(index: index, turns: turns, zone: zone, includeUnmatched: unmatched)
        }, finish: { _, part in
            var part = part
            part.finish()
        })
        progress.finish()
        Diagnostics.warn(run)
        if run.isPartial { throw ExitCode(ExitStatus.partialInput) }
    }
}
