import ArgumentParser
import LogscanCore
import LogscanRender
#if canImport(Glibc)
import Glibc
#endif

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", _superCommandName: DirectParse.rootName,
        abstract: "Print the report (the default command).")

    enum Format: String, ArgumentChoices {
        case text, html, json, email
        static let choices: [Format] = [.text, .html, .json, .email]
    }

    enum Color: String, ArgumentChoices {
        case auto, always, never
        static let choices: [Color] = [.auto, .always, .never]
    }

    @OptionGroup var input: InputOptions
    @OptionGroup var services: ServiceFilter
    @OptionGroup(title: "Presentation") var presentation: RenderOptionGroup

    @Option(help: "Output format: text, html (email-safe), json, or email (a MIME message with text and HTML parts for sendmail -t: see --mailto).")
    var format: Format = .text

    @Option(parsing: .unconditional, help: "Rows per table; 0 shows every row.")
    var top: WholeNumber = 10

    @Option(help: "Colour: auto (only on a terminal), always or never.")
    var color: Color = .auto

    @Flag(name: .shortAndLong, help: "Do not say on stderr which files were read (warnings still show).")
    var quiet = false

    @OptionGroup(title: "Email and cron") var mail: MailOptions
    @OptionGroup(title: "Monitoring") var monitoring: MonitoringOptions

    func validate() throws {
        try StandardInputCheck.validate(paths: input.paths)
        guard top.value >= 0 else { throw ValidationError("--top must be 0 (all rows) or more") }
        try mail.validate(emailFormat: format == .email)
    }

    func run() throws {
        let now = Instant.now
        let colour = format == .text && (color == .always || (color == .auto && isatty(1) == 1 && getenv("NO_COLOR") == nil))
        let render = try renderer(colour: colour, now: now)
        let range = try input.timeRange(now: now)
        guard let plan = Diagnostics.plan(input, range: range, quiet: quiet) else { throw ExitCode(ExitStatus.partialInput) }
        let progress = ProgressLine(plan: plan, enabled: !quiet)
        let scanner = Scanner(registry: services.registry, range: range, zone: input.zone, progress: progress.counter)
        let (aggregate, run) = scanner.aggregate(plan)
        progress.finish()
        Diagnostics.warn(run)
        var builder = ReportBuilder(top: top.value, zone: input.zone)
        builder.trust = monitoring.trustPolicy
        builder.streamsRows = true
        let report = builder.build(aggregate, run: run, generatedAt: now)
        if mail.quietIfEmpty && !run.isPartial && ReportTotals(report).isEmpty { return }
        let output = OutputBuffer()
        try render(report, output)
        output.flush()
        if let condition = monitoring.conditionMet(report) {
            Diagnostics.say("--fail-on: \(condition)")
            throw ExitCode(ExitStatus.conditionMet)
        }
        if run.isPartial { throw ExitCode(ExitStatus.partialInput) }
    }

    /// The chosen format's writer. Its templates are parsed here, before the scan, so a broken `--template-dir`
    /// template stops the run at once; JSON needs none, so it parses none.
    private func renderer(colour: Bool, now: Instant) throws -> (Report, OutputBuffer) throws -> Void {
        // An email's parts declare UTF-8, and cron has no UTF-8 locale: only the terminal's text follows the locale.
        func options() throws -> RenderOptions {
            try presentation.options(zone: input.zone, color: colour, followLocale: format == .text)
        }
        switch format {
        case .json: return { try JSONRenderer.write($0, to: $1) }
        case .text: let look = try options(); return { TextRenderer(options: look).write($0, to: $1) }
        case .html: let look = try options(); return { HTMLRenderer(options: look).write($0, to: $1) }
        case .email: let look = try options(); return { try mail.write($0, look: look, now: now, to: $1) }
        }
    }
}
