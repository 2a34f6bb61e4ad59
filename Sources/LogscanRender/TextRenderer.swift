import LogscanCore

/// The text report: fits 80 columns, reads well in a terminal and in an email. Log text in the model is
/// already escaped by `SafeText`, so nothing raw reaches the terminal.
public struct TextRenderer {
    public var width = 80
    public var zone: Zone
    public var style: TextStyle

    public init(zone: Zone, style: TextStyle) {
        self.zone = zone
        self.style = style
    }

    public func render(_ report: Report) -> String {
        var out: [String] = []
        out += header(report)
        out += alerts(report.alerts)
        out += offenders(report)
        for section in report.services {
            out += ServiceSectionText(renderer: self).lines(section)
        }
        if report.services.isEmpty {
            out += ["", InputNotes.sentence(report.inputs)]
        }
        out += unmatched("Lines without a program tag that nothing recognised", report.untaggedUnmatched)
        out += inputs(report.inputs)
        return out.joined(separator: "\n") + "\n"
    }

    func header(_ report: Report) -> [String] {
        let zoneName = TimeFormat.zoneLabel(report.generatedAt, zone: zone)
        var lines = [style.heading("logscan report") + "  (times in \(zoneName))"]
        lines.append("Range:    " + rangeText(report.range.since, report.range.until, open: "everything"))
        lines.append("Covered:  " + rangeText(report.covered.since, report.covered.until, open: "no timestamped lines"))
        let inputs = report.inputs
        var summary = "\(inputs.files.count) \(inputs.files.count == 1 ? "file" : "files"), "
            + "\(NumberText.grouped(inputs.totalLines)) lines, \(NumberText.bytes(inputs.totalBytes))"
        if !inputs.skipped.isEmpty { summary += ", \(inputs.skipped.count) skipped" }
        if !inputs.warnings.isEmpty {
            summary += ", " + style.alert("\(inputs.warnings.count) \(inputs.warnings.count == 1 ? "warning" : "warnings")")
        }
        lines.append("Inputs:   " + summary)
        return lines
    }

    func rangeText(_ since: Instant?, _ until: Instant?, open: String) -> String {
        switch (since, until) {
        case (nil, nil): return open
        case let (since?, nil): return "from \(time(since))"
        case let (nil, until?): return "until \(time(until))"
        case let (since?, until?): return "\(time(since)) → \(time(until))"
        }
    }

    func alerts(_ alerts: [Report.Alert]) -> [String] {
        guard !alerts.isEmpty else { return [] }
        var lines = ["", style.alert("!! POSSIBLE COMPROMISE: these addresses failed, then logged in")]
        var table = TextTable([("Service", .left), ("IP", .left), ("User", .left), ("Method", .left),
                               ("Failed", .right), ("Logged in", .left)])
        for alert in alerts {
            table.add([alert.service.rawValue, alert.ip, alert.user, alert.method,
                       NumberText.grouped(alert.failedAttempts), alert.loggedInAt.map { time($0) } ?? "?"])
        }
        lines += table.render(width: width)
        return lines
    }

    /// The top addresses across services, when more than one service saw failures.
    func offenders(_ report: Report) -> [String] {
        let failing = report.services.filter { $0.failedAttempts > 0 }.map(\.service)
        guard failing.count > 1, !report.offenders.rows.isEmpty else { return [] }
        var table = TextTable([("IP", .left), ("Attempts", .right)] + failing.map { ($0.rawValue, .right) }, shrinking: 0)
        for row in report.offenders.rows {
            let shares = failing.map { service in row.services.first { $0.service == service }.map { NumberText.grouped($0.attempts) } ?? "-" }
            table.add([row.ip, NumberText.grouped(row.attempts)] + shares)
        }
        var out = ["", style.heading("Top offending IPs across services")] + table.render(width: width)
        if report.offenders.more > 0 { out.append("  … and \(NumberText.grouped(report.offenders.more)) more") }
        return out
    }

    func unmatched(_ title: String, _ section: Report.UnmatchedSection) -> [String] {
        guard section.count > 0 else { return [] }
        var lines = ["", style.heading("\(title): \(NumberText.grouped(section.count))")]
        for program in section.programs {
            lines.append("  \(program.program) (\(NumberText.grouped(program.count)))")
            for sample in program.samples { lines.append(("    " + sample).fitted(to: width)) }
        }
        return lines
    }

    func inputs(_ inputs: Report.Inputs) -> [String] {
        var lines = ["", style.heading("Inputs")]
        var table = TextTable([("File", .left), ("Lines", .right), ("Size", .right), ("Covers", .left)],
                              shrinking: 0, keepsEnd: true)
        for file in inputs.files {
            let name = file.compressed ? file.path + " (gz)" : file.path
            table.add([name, NumberText.grouped(file.stats.lines), NumberText.bytes(file.diskBytes),
                       coverText(file.stats.firstTime, file.stats.lastTime)])
        }
        lines += inputs.files.isEmpty ? ["  (no files read)"] : table.render(width: width)
        for skipped in inputs.skipped {
            lines += "  skipped \(skipped.path): \(skipped.reason)".wrapped(to: width, indent: "    ")
        }
        for note in InputNotes.lineNotes(inputs) { lines += ("  " + note).wrapped(to: width, indent: "    ") }
        if !inputs.warnings.isEmpty {
            lines.append("")
            lines.append(style.alert("Warnings (the report is partial)"))
            for warning in inputs.warnings { lines += ("  " + warning).wrapped(to: width, indent: "    ") }
        }
        return lines
    }

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
