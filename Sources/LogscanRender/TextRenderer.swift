import LogscanCore

/// The text report: fits 80 columns (unless `--wide`), reads well in a terminal and in an email. Built as
/// a `TextReportView` and laid out by the `text` template. Log text in the model is already escaped by
/// `SafeText`, so nothing raw reaches the terminal.
public struct TextRenderer {
    public var options: RenderOptions
    /// The layout width: rules, bars and sparklines.
    let width = 80
    /// Where tables and samples are cut: 80 columns, or never with `--wide`.
    var cutWidth: Int { options.wide ? 1 << 20 : width }
    var zone: Zone { options.zone }
    var style: TextStyle { TextStyle(enabled: options.color) }
    var ascii: Bool { options.ascii }
    /// The streamed tables of the report being rendered.
    let deferred = DeferredParts()

    /// `Covered:` when no timed line fell in the range: the lines read may well have times, all outside it.
    static let nothingCovered = "no timestamped line in the range"

    public init(options: RenderOptions) { self.options = options }

    public func render(_ report: Report) -> String {
        let sink = StringSink()
        write(report, to: sink)
        return sink.text
    }

    /// Writes the report to `sink`. A table whose rows the report streams (`--top 0` on a flood) is laid
    /// out and written row by row where it stands, never held whole.
    public func write(_ report: Report, to sink: TextSink) {
        deferred.write(options.templates.render(view(report), template: "text"), to: sink)
    }

    /// A table's lines for a block: the lines themselves, or for a streamed table one placeholder line
    /// whose part writes them at their turn.
    func lines(of table: TextTable) -> [String] {
        guard table.madeRows != nil else { return table.render(width: cutWidth) }
        let width = cutWidth
        return streamedLines { line in table.write(width: width, line: line) }
    }

    /// A placeholder line for lines made only when the output reaches them.
    func streamedLines(_ make: @escaping (_ line: (String) -> Void) -> Void) -> [String] {
        [deferred.placeholder { indent, sink in make { sink.append(string: indent + $0 + "\n") } }]
    }

    func view(_ report: Report) -> TextReportView {
        let full = options.detail != .low
        return TextReportView(
            heading: style.heading("logscan report"),
            zone: ZoneName.of(zone, at: report.generatedAt),
            range: rangeText(report.range.since, report.range.until, open: "everything"),
            covered: rangeText(report.covered.since, report.covered.until, open: Self.nothingCovered),
            inputs: inputSummary(report.inputs),
            stale: staleNotices(report.inputs),
            alerts: alerts(report.alerts),
            offenders: offenders(report),
            services: report.services.map { ServiceSectionText(renderer: self).view($0) },
            empty: report.services.isEmpty ? emptyNotice(report) : nil,
            unmatched: full ? unmatched("Lines without a program tag that nothing recognised", report.untaggedUnmatched) : nil,
            files: full ? files(report.inputs) : nil,
            warnings: warnings(report.inputs))
    }

    func inputSummary(_ inputs: Report.Inputs) -> String {
        var summary = NumberText.counted(inputs.files.count, "file") + ", " + NumberText.counted(inputs.totalLines, "line")
            + ", " + NumberText.bytes(inputs.totalBytes)
        if !inputs.skipped.isEmpty { summary += ", \(inputs.skipped.count) skipped" }
        if !inputs.warnings.isEmpty { summary += ", " + style.alert(NumberText.counted(inputs.warnings.count, "warning")) }
        return summary
    }

    func rangeText(_ since: Instant?, _ until: Instant?, open: String) -> String {
        switch (since, until) {
        case (nil, nil): return open
        case let (since?, nil): return "from \(time(since))"
        case let (nil, until?): return "until \(time(until))"
        case let (since?, until?): return "\(time(since)) → \(time(until))"
        }
    }

    func alerts(_ alerts: [Report.Alert]) -> TextBlock? {
        guard !alerts.isEmpty else { return nil }
        var table = TextTable([("Service", .left), ("IP", .left), ("User", .left), ("Method", .left),
                               ("Failed", .right), ("Logged in", .left)])
        for alert in alerts {
            table.add([alert.service.rawValue, alert.ip, alert.user, alert.method,
                       NumberText.grouped(alert.failedAttempts), alert.loggedInAt.map { time($0) } ?? "?"])
        }
        return TextBlock(title: style.alert("!! POSSIBLE COMPROMISE: these addresses failed, then logged in"),
                         lines: table.render(width: cutWidth))
    }

    /// The top addresses across services: when more than one service saw failures, or always at `low`
    /// (its only table) and `high`.
    func offenders(_ report: Report) -> TextBlock? {
        let failing = report.services.filter { $0.failedAttempts > 0 }.map(\.service)
        let offenders = options.rows(report.offenders)
        guard failing.count > 1 || (options.detail != .med && !failing.isEmpty), !offenders.shownRows.isEmpty else { return nil }
        let shown = failing.count > 1 ? failing : []
        var table = TextTable([("IP", .left), ("Attempts", .right), ("", .left)] + shown.map { ($0.rawValue, .right) },
                              shrinking: 0)
        let peak = offenders.shownRows.first?.attempts ?? 0
        table.fill(offenders) { row in
            let shares = shown.map { service in row.services.first { $0.service == service }.map { NumberText.grouped($0.attempts) } ?? "-" }
            return [row.ip, NumberText.grouped(row.attempts), bar(row.attempts, of: peak)] + shares
        }
        return TextBlock(title: style.heading("Top offending IPs" + (shown.isEmpty ? "" : " across services")),
                         lines: lines(of: table) + more(offenders.more))
    }

    func unmatched(_ title: String, _ section: Report.UnmatchedSection) -> TextBlock? {
        guard section.count > 0 else { return nil }
        var lines: [String] = []
        for program in section.programs {
            lines.append("  \(program.program) (\(NumberText.grouped(program.count)))")
            guard options.detail == .high else { continue }
            for sample in program.samples { lines.append(("    " + sample).fitted(to: cutWidth)) }
        }
        if options.detail != .high { lines.append("  (--detail high shows sample lines)") }
        return TextBlock(title: style.heading("\(title): \(NumberText.grouped(section.count))"), lines: lines)
    }

    func files(_ inputs: Report.Inputs) -> TextBlock {
        var table = TextTable([("File", .left), ("Lines", .right), ("Size", .right), ("Covers", .left)],
                              shrinking: 0, keepsEnd: true)
        for file in inputs.files {
            let name = file.compressed ? file.path + " (gz)" : file.path
            table.add([name, NumberText.grouped(file.stats.lines), NumberText.bytes(file.diskBytes),
                       coverText(file.stats.firstTime, file.stats.lastTime)])
        }
        var lines = inputs.files.isEmpty ? ["  (no files read)"] : table.render(width: cutWidth)
        for skipped in inputs.skipped {
            lines += "  skipped \(skipped.path): \(skipped.reason)".wrapped(to: cutWidth, indent: "    ")
        }
        for note in lineNotes(inputs) { lines += ("  " + note).wrapped(to: cutWidth, indent: "    ") }
        return TextBlock(title: style.heading("Inputs"), lines: lines)
    }

    func warnings(_ inputs: Report.Inputs) -> TextBlock? {
        guard !inputs.warnings.isEmpty else { return nil }
        return TextBlock(title: style.alert("Warnings (the report is partial)"),
                         lines: inputs.warnings.flatMap { ("  " + $0).wrapped(to: cutWidth, indent: "    ") })
    }

    func more(_ count: Int) -> [String] {
        count > 0 ? ["  … and \(NumberText.grouped(count)) more"] : []
    }

    func bar(_ value: Int, of peak: Int) -> String { Charts.bar(value, of: peak, width: 8, ascii: ascii) }

    func coverText(_ first: Instant?, _ last: Instant?) -> String {
        guard let first, let last else { return "-" }
        return "\(shortTime(first)) → \(shortTime(last))"
    }

    func time(_ instant: Instant) -> String { TimeFormat.short(instant, zone: zone) }

    /// `11-27 04:50`: month, day and minute, for table cells.
    func shortTime(_ instant: Instant?) -> String {
        guard let instant else { return "-" }
        return String(TimeFormat.short(instant, zone: zone).dropFirst(5))
    }
}
