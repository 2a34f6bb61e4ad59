import ArgumentParser
import Foundation
import LogscanCore
import LogscanRender

/// How the text and HTML reports look: detail level, width, characters and templates.
struct RenderOptionGroup: ParsableArguments {
    enum Detail: String, ArgumentChoices {
        case low, med, high
        static let choices: [Detail] = [.low, .med, .high]
    }

    @Option(help: ArgumentHelp(
        "low: alerts, totals per service and the top 5 offenders; med: the usual tables; high: adds the users tried per IP, the unmatched samples and the offenders of a single service.",
        valueName: "level"))
    var detail: Detail = .med

    @Flag(help: "Do not cut reasons, paths and samples to 80 columns.")
    var wide = false

    @Flag(help: "Draw sparklines and bars in ASCII (the default when the locale is not UTF-8).")
    var ascii = false

    @Option(help: ArgumentHelp(
        "A folder of Mustache templates (text.mustache, html.mustache, …) that replace the built-in ones of the same name.",
        valueName: "dir"))
    var templateDir: String?

    /// The renderers' options; a template that does not parse is reported (file, line) and exits 1.
    /// `followLocale`: ASCII charts when the locale is not UTF-8 (for text shown here, not for an email,
    /// whose parts declare UTF-8 and are read elsewhere).
    func options(zone: Zone, color: Bool, followLocale: Bool) throws -> RenderOptions {
        let templates: ReportTemplates
        do {
            templates = try templateDir.map(ReportTemplates.overridden(by:)) ?? .embedded
        } catch let error as TemplateError {
            Diagnostics.say(error.description)
            throw ExitCode.failure
        }
        let utf8 = RenderOptions.localeIsUTF8(ProcessInfo.processInfo.environment)
        return RenderOptions(zone: zone, detail: RenderOptions.Detail(rawValue: detail.rawValue) ?? .med, wide: wide,
                             ascii: ascii || (followLocale && !utf8), color: color, templates: templates)
    }
}
