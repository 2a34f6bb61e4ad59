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

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, html, json, email }
    enum Color: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

    @OptionGroup var input: InputOptions
    @OptionGroup var services: ServiceFilter
    @OptionGroup(title: "Presentation") var presentation: RenderOptionGroup

    @Option(help: "Output format: text, html (email-safe), json, or email (a MIME message with text and HTML parts for sendmail -t: see --mailto).")
    var format: Format = .text

    @Option(parsing: .unconditional, help: "Rows per table; 0 shows every row.")
    var top: Int = 10

    @Option(help: "Colour: auto (only on a terminal), always or never.")
    var color: Color = .auto

    @Flag(name: .shortAndLong, help: "Do not say on stderr which files were read (warnings still show).")
    var quiet = false

    @OptionGroup(title: "Email and cron") var mail: MailOptions
    @OptionGroup(title: "Monitoring") var monitoring: MonitoringOptions

    func validate() throws {
        try StandardInputCheck.validate(paths: input.paths)
        guard top >= 0 else { throw ValidationError("--top must be 0 (all rows) or more") }
        try mail.validate(emailFormat: format == .email)
    }

    func run() throws {
        let now = Instant.now
        let colour = format == .text && (color == .always || (color == .auto && isatty(1) == 1 && getenv("NO_COLOR") == nil))
        // An email's parts declare UTF-8, and cron has no UTF-8 locale: only the terminal's text follows the locale.
        let look = try presentation.options(zone: input.zone, color: colour, followLocale: format == .text)
        let range = try input.timeRange(now: now)
        guard let plan = Diagnostics.plan(input, range: range, quiet: quiet) else { throw ExitCode(ExitStatus.partialInput) }
        let progress = ProgressLine(plan: plan, enabled: !quiet)
        let scanner = Scanner(registry: services.registry, range: range, zone: input.zone, progress: progress.counter)
        let (aggregate, run) = scanner.aggregate(plan)
        progress.finish()
        Diagnostics.warn(run)
        var builder = ReportBuilder(top: top, zone: input.zone)
        builder.trust = monitoring.trustPolicy
        builder.streamsRows = true
        let report = builder.build(aggregate, run: run, generatedAt: now)
        if mail.quietIfEmpty && !run.isPartial && ReportTotals(report).isEmpty { return }
        let output = OutputBuffer()
        switch format {
        case .json: try JSONRenderer.write(report, to: output)
        case .email: try mail.write(report, look: look, now: now, to: output)
        case .text: TextRenderer(options: look).write(report, to: output)
        case .html: HTMLRenderer(options: look).write(report, to: output)
        }
        output.flush()
        if let condition = monitoring.conditionMet(report) {
            Diagnostics.say("--fail-on: \(condition)")
            throw ExitCode(ExitStatus.conditionMet)
        }
        if run.isPartial { throw ExitCode(ExitStatus.partialInput) }
    }
}
