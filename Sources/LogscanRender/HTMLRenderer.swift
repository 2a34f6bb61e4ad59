import LogscanCore

/// `--format html`: the email-safe HTML report, built as an `HTMLReportView` and laid out by the `html`
/// template (inline styles, table layout, no scripts, images or external resources). Mustache escapes every
/// value, so log text (already made printable by `SafeText`) shows as text and is never escaped twice.
public struct HTMLRenderer {
    public var options: RenderOptions
    /// The same words and times as the text report.
    var text: TextRenderer { TextRenderer(options: options) }

    public init(options: RenderOptions) { self.options = options }

    public func render(_ report: Report) -> String {
        options.templates.render(view(report), template: "html")
    }

    func view(_ report: Report) -> HTMLReportView {
        let full = options.detail != .low
        let alerted = Set(report.alerts.map(\.service))
        let warnings = report.inputs.warnings
        return HTMLReportView(
            zone: ZoneName.of(options.zone, at: report.generatedAt),
            range: text.rangeText(report.range.since, report.range.until, open: "everything"),
            covered: text.rangeText(report.covered.since, report.covered.until, open: "no timestamped lines"),
            inputs: text.inputSummary(report.inputs),
            generated: text.time(report.generatedAt),
            cards: report.services.map { section in
                HTMLCard(service: section.service.rawValue, failed: NumberText.grouped(section.failedAttempts),
                         ips: NumberText.counted(section.failingIPs, "IP"),
                         logins: NumberText.counted(section.successfulLogins, "login"), alert: alerted.contains(section.service))
            },
            alerts: alerts(report.alerts),
            offenders: offenders(report),
            services: report.services.map { HTMLServiceView(renderer: self).view($0) },
            noServices: report.services.isEmpty,
            unmatched: full ? HTMLServiceView(renderer: self).unmatched("Lines without a program tag", report.untaggedUnmatched) : nil,
            files: full ? files(report.inputs) : nil,
            warnings: warnings, hasWarnings: !warnings.isEmpty,
            detailNote: options.detail == .low ? "Short report (--detail low): totals, alerts and the top 5 offenders." : nil)
    }

    func alerts(_ alerts: [Report.Alert]) -> HTMLTable? {
        HTMLCells.table(nil, alerts, more: 0,
                        columns: [("Service", false), ("IP", false), ("User", false), ("Method", false),
                                  ("Failed", true), ("Logged in", false)]) { alert in
            [HTMLCells.text(alert.service.rawValue), HTMLCells.mono(alert.ip), HTMLCells.logText(alert.user),
             HTMLCells.text(alert.method), HTMLCells.number(alert.failedAttempts),
             HTMLCells.text(alert.loggedInAt.map(text.time) ?? "?")]
        }
    }

    /// The top addresses across services, with each service's share (always: it is what to block first).
    func offenders(_ report: Report) -> HTMLTable? {
        let services = report.services.filter { $0.failedAttempts > 0 }.map(\.service)
        let failing = services.count > 1 ? services : []
        let (rows, more) = options.rows(report.offenders)
        let peak = rows.first?.attempts ?? 0
        return HTMLCells.table(failing.count > 1 ? "Top offending IPs across services" : "Top offending IPs", rows, more: more,
                               columns: [("IP", false), ("Attempts", true), ("", false)] + failing.map { ($0.rawValue, true) }) { row in
            [HTMLCells.mono(row.ip), HTMLCells.number(row.attempts), HTMLCells.bar(row.attempts, of: peak)]
                + failing.map { service in
                    row.services.first { $0.service == service }.map { HTMLCells.number($0.attempts) } ?? HTMLCells.text("")
                }
        }
    }

    func files(_ inputs: Report.Inputs) -> HTMLTable? {
        let skipped = inputs.skipped.map { "skipped \($0.path): \($0.reason)" }
        return HTMLCells.table("Inputs", inputs.files, more: 0, note: skipped.isEmpty ? nil : skipped.joined(separator: "; "),
                               columns: [("File", false), ("Lines", true), ("Size", true), ("Covers", false)]) { file in
            [HTMLCells.logText(file.compressed ? file.path + " (gz)" : file.path), HTMLCells.number(file.stats.lines),
             HTMLCells.text(NumberText.bytes(file.diskBytes)), HTMLCells.text(text.coverText(file.stats.firstTime, file.stats.lastTime))]
        }
    }
}
