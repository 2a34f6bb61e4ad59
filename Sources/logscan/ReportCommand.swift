import ArgumentParser
import LogscanCore
import LogscanRender
#if canImport(Glibc)
import Glibc
#endif

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the report (the default command).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, email }
    enum Color: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: text, json, or email (a MIME message for sendmail -t: see --mailto).")
    var format: Format = .text

    @Option(help: "Rows per table; 0 shows every row.")
    var top: Int = 10

    @Option(help: "Colour: auto (only on a terminal), always or never.")
    var color: Color = .auto

    @Flag(name: .shortAndLong, help: "Do not say on stderr which files were read (warnings still show).")
    var quiet = false

    @OptionGroup(title: "Email and cron") var mail: MailOptions

    func validate() throws {
        guard top >= 0 else { throw ValidationError("--top must be 0 (all rows) or more") }
        try mail.validate(emailFormat: format == .email)
    }

    func run() throws {
        let now = Instant.now
        let range = try input.timeRange(now: now)
        guard let plan = Diagnostics.plan(input, range: range, quiet: quiet) else { throw ExitCode(ExitStatus.partialInput) }
        let progress = ProgressLine(plan: plan, enabled: !quiet)
        let scanner = Scanner(range: range, zone: input.zone, progress: progress.counter)
        let (aggregate, run) = scanner.aggregate(plan)
        progress.finish()
        Diagnostics.warn(run)
        var builder = ReportBuilder(top: top)
        builder.streamsRows = format == .json
        let report = builder.build(aggregate, run: run, generatedAt: now)
        if mail.quietIfEmpty && !run.isPartial && ReportTotals(report).isEmpty { return }
        let output = OutputBuffer()
        let text: String
        switch format {
        case .json:
            try JSONRenderer.write(report, to: output)
            text = ""
        case .email:
            text = try mail.message(report, zone: input.zone, now: now)
        case .text:
            let colour = color == .always || (color == .auto && isatty(1) == 1 && getenv("NO_COLOR") == nil)
            text = TextRenderer(zone: input.zone, style: TextStyle(enabled: colour)).render(report)
        }
        if !text.isEmpty { output.append(string: text) }
        output.flush()
        if run.isPartial { throw ExitCode(ExitStatus.partialInput) }
    }
}
