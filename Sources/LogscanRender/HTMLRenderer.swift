import LogscanCore

/// `--format html`: the email-safe HTML report, built as an `HTMLReportView` and laid out by the `html`
/// template (inline styles, table layout, no scripts, images or external resources). Mustache escapes every
/// value, so log text (already made printable by `SafeText`) shows as text and is never escaped twice.
public struct HTMLRenderer {
    public var options: RenderOptions
    /// The same words and times as the text report.
    var text: TextRenderer { TextRenderer(options: options) }
    /// The streamed tables of the report being rendered.
    let deferred = DeferredParts()

    public init(options: RenderOptions) { self.options = options }

    public func render(_ report: Report) -> String {
        let sink = StringSink()
        write(report, to: sink)
        return sink.text
    }

    /// Writes the report to `sink`. A table whose rows the report streams (`--top 0` on a flood) is drawn
    /// and written row by row where it stands, never held whole.
    public func write(_ report: Report, to sink: TextSink) {
        deferred.write(options.templates.render(view(report), template: "html"), to: sink)
    }

    /// A ranked table of the report (`rows` may be a filtered view of it): the rows in the view, or when
    /// the report streams them a placeholder where each row is drawn with the `html-row` partial and
    /// written at its turn.
    func table<Rows: Collection>(_ title: String?, _ rows: Rows, streamed: Bool, more: Int, note: String? = nil,
                                 columns: [(String, Bool)], cells: @escaping (Rows.Element) -> [HTMLCell]) -> HTMLTable? {
        guard streamed else { return HTMLCells.table(title, Array(rows), more: more, note: note, columns: columns, cells: cells) }
        guard !rows.isEmpty else { return nil }
        let templates = options.templates
        let placeholder = deferred.placeholder { indent, sink in
            let draw = templates.partial("html-row", indent: indent)
            let written = templates.isEmbedded("html-row")
            var first = true
            for row in rows {
                let row = HTMLRow(cells: cells(row))
                var drawn = (written ? HTMLRowWriter.draw(row, indent: indent) : nil) ?? draw(row)
                // As Mustache draws a section: the indentation goes where the section's output starts, before
                // the first row, and not before the rows that follow on the same stream.
                if !first && drawn.hasPrefix(indent) { drawn.removeFirst(indent.count) }
                first = false
                sink.append(string: drawn)
            }
        }
        return HTMLCells.table(title, rows: [], streamedRows: [placeholder], more: more, note: note, columns: columns)
    }

    func table<Row>(_ title: String?, _ data: Report.Table<Row>, note: String? = nil, columns: [(String, Bool)],
                    cells: @escaping (Row) -> [HTMLCell]) -> HTMLTable? {
        table(title, data.shownRows, streamed: data.streamsRows, more: data.more, note: note, columns: columns, cells: cells)
    }

    func view(_ report: Report) -> HTMLReportView {
        let full = options.detail != .low
        let alerted = Set(report.alerts.map(\.service))
        let warnings = report.inputs.warnings
        return HTMLReportView(
            zone: ZoneName.of(options.zone, at: report.generatedAt),
            range: text.rangeText(report.range.since, report.range.until, open: "everything"),
            covered: text.rangeText(report.covered.since, report.covered.until, open: TextRenderer.nothingCovered),
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
        let offenders = options.rows(report.offenders)
        let peak = offenders.shownRows.first?.attempts ?? 0
        return table(failing.count > 1 ? "Top offending IPs across services" : "Top offending IPs", offenders,
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
