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

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, html, json }
    enum Color: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

    @OptionGroup var input: InputOptions
    @OptionGroup(title: "Presentation") var presentation: RenderOptionGroup

    @Option(help: "Output format: text, html (email-safe) or json.")
    var format: Format = .text

    @Option(help: "Rows per table; 0 shows every row.")
    var top: Int = 10

    @Option(help: "Colour: auto (only on a terminal), always or never.")
    var color: Color = .auto

    @Flag(name: .shortAndLong, help: "Do not say on stderr which files were read (warnings still show).")
    var quiet = false

    func validate() throws {
        guard top >= 0 else { throw ValidationError("--top must be 0 (all rows) or more") }
    }

    func run() throws {
        let now = Instant.now
        let colour = format == .text && (color == .always || (color == .auto && isatty(1) == 1 && getenv("NO_COLOR") == nil))
        let look = try presentation.options(zone: input.zone, color: colour, followLocale: format == .text)
        let range = try input.timeRange(now: now)
        guard let plan = Diagnostics.plan(input, range: range, quiet: quiet) else { throw ExitCode(ExitStatus.partialInput) }
        let progress = ProgressLine(plan: plan, enabled: !quiet)
        let scanner = Scanner(range: range, zone: input.zone, progress: progress.counter)
        let (aggregate, run) = scanner.aggregate(plan)
        progress.finish()
        Diagnostics.warn(run)
        let report = ReportBuilder(top: top, zone: input.zone).build(aggregate, run: run, generatedAt: now)
        let text: String
        switch format {
        case .json:
            text = try JSONRenderer.render(report)
        case .text:
            text = TextRenderer(options: look).render(report)
        case .html:
            text = HTMLRenderer(options: look).render(report)
        }
        let output = OutputBuffer()
        output.append(string: text)
        output.flush()
        if run.isPartial { throw ExitCode(ExitStatus.partialInput) }
    }
}
