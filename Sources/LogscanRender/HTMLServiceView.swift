import LogscanCore

/// One service's part of the HTML report: totals, the chart of failures over time, and its tables in full
/// (reasons and samples are never cut here).
struct HTMLServiceView {
    let renderer: HTMLRenderer
    var options: RenderOptions { renderer.options }
    var text: TextRenderer { renderer.text }

    func view(_ section: Report.ServiceSection) -> HTMLService {
        var tables: [HTMLTable?] = []
        if options.detail != .low {
            tables += [ipTable(section), usersPerIP(section), userTable(section), loginTable(section), probeTable(section)]
            tables += HTMLMailTables(renderer: renderer).tables(section)
            tables.append(unmatched("Unmatched \(section.service.rawValue) lines", section.unmatched))
        }
        return HTMLService(name: section.service.rawValue,
                           summary: ServiceSectionText(renderer: text).summary(section).map { $0.trimmingSpaces },
                           chart: section.failuresOverTime.flatMap(chart), tables: tables.compactMap { $0 })
    }

    /// Failed attempts over time: one cell per bucket (at most 84), 80 pixels at the peak.
    func chart(_ timeline: Report.Timeline) -> HTMLChart? {
        let buckets = TimelineBuckets(timeline, limit: 84)
        guard buckets.peak > 0 else { return nil }
        // `11-26 06:00` for hours, `11-26` for days (the year is in the report's header).
        let label: (Instant) -> String = { timeline.unit == .hour ? text.shortTime($0) : String(text.shortTime($0).prefix(5)) }
        let columns = zip(buckets.counts, buckets.starts).map { count, start in
            HTMLChartColumn(height: count == 0 ? 1 : max(3, Int((Double(count) / Double(buckets.peak) * 80).rounded())),
                            tooltip: "\(label(start)): \(NumberText.grouped(count))", empty: count == 0)
        }
        let step = max(1, (columns.count + 4) / 5)
        let axis = stride(from: 0, to: columns.count, by: step).map { start in
            HTMLAxisCell(span: min(step, columns.count - start), text: label(buckets.starts[start]))
        }
        return HTMLChart(caption: "Failed attempts per \(buckets.unitText) (peak \(NumberText.grouped(buckets.peak)), "
                             + "total \(NumberText.grouped(buckets.total)))",
                         columns: columns, axis: axis, columnWidth: max(3, min(56, 660 / columns.count - 2)))
    }

    func ipTable(_ section: Report.ServiceSection) -> HTMLTable? {
        let anyUser = section.ips.shownRows.contains { $0.distinctUsers > 0 }
        let peak = section.ips.shownRows.first?.attempts ?? 0
        var columns: [(String, Bool)] = [("IP", false), ("Attempts", true), ("", false)]
        if anyUser { columns.append(("Users", true)) }
        columns += [("First", false), ("Last", false)]
        if anyUser { columns.append(("Top users", false)) }
        return renderer.table("Top failing IPs", section.ips,
                              note: anyUser ? nil : "No user name was logged for these attempts.", columns: columns) { row in
            var cells = [HTMLCells.mono(row.ip), HTMLCells.number(row.attempts), HTMLCells.bar(row.attempts, of: peak)]
            if anyUser { cells.append(HTMLCells.count(row.distinctUsers)) }
            cells += [HTMLCells.text(text.shortTime(row.first)), HTMLCells.text(text.shortTime(row.last))]
            if anyUser { cells.append(HTMLCells.logText(row.topUsers.isEmpty ? "-" : row.topUsers.joined(separator: ", "))) }
            return cells
        }
    }

    func usersPerIP(_ section: Report.ServiceSection) -> HTMLTable? {
        guard options.detail == .high else { return nil }
        let rows = section.ips.shownRows.lazy.filter { !$0.topUsers.isEmpty }
        return renderer.table("Users tried per IP", rows, streamed: section.ips.streamsRows, more: 0,
                              columns: [("IP", false), ("Users", true), ("Names", false)]) { row in
            [HTMLCells.mono(row.ip), HTMLCells.number(row.distinctUsers), HTMLCells.logText(row.topUsers.joined(separator: ", "))]
        }
    }

    func userTable(_ section: Report.ServiceSection) -> HTMLTable? {
        let peak = section.users.shownRows.first?.attempts ?? 0
        let unknown = section.users.shownRows.contains { $0.exists == .unknown }
        return renderer.table("Top targeted users", section.users,
                              note: unknown ? "Exists: yes = a valid account, no = \"invalid user\", ? = the log did not say." : nil,
                              columns: [("User", false), ("Attempts", true), ("", false), ("IPs", true), ("Exists", false)]) { row in
            [HTMLCells.logText(row.user), HTMLCells.number(row.attempts), HTMLCells.bar(row.attempts, of: peak),
             HTMLCells.number(row.distinctIPs), HTMLCells.text(ServiceSectionText(renderer: text).existence(row.exists))]
        }
    }

    func loginTable(_ section: Report.ServiceSection) -> HTMLTable? {
        renderer.table("Successful logins", section.logins,
                       columns: [("User", false), ("IP", false), (section.service == .dovecot ? "Protocol" : "Method", false),
                                 ("Count", true), ("Last", false)]) { row in
            [HTMLCells.logText(row.user), HTMLCells.mono(row.ip ?? "-"), HTMLCells.text(row.method), HTMLCells.number(row.count),
             HTMLCells.text(text.shortTime(row.last))]
        }
    }

    func probeTable(_ section: Report.ServiceSection) -> HTMLTable? {
        renderer.table("Probes (connections that never tried to log in)", section.probeSources,
                       columns: [("IP", false), ("Count", true), ("First", false), ("Last", false)]) { row in
            [HTMLCells.mono(row.ip), HTMLCells.number(row.count), HTMLCells.text(text.shortTime(row.first)),
             HTMLCells.text(text.shortTime(row.last))]
        }
    }

    /// Counts per program; the sample lines at `--detail high`.
    func unmatched(_ title: String, _ section: Report.UnmatchedSection) -> HTMLTable? {
        guard section.count > 0 else { return nil }
        let samples = options.detail == .high
        return HTMLCells.table("\(title): \(NumberText.grouped(section.count))", section.programs, more: 0,
                               note: samples ? nil : "--detail high shows sample lines.",
                               columns: [("Program", false), ("Lines", true)] + (samples ? [("Samples", false)] : [])) { program in
            [HTMLCells.logText(program.program), HTMLCells.number(program.count)]
                + (samples ? [HTMLCells.logText(program.samples.joined(separator: "\n"))] : [])
        }
    }
}
