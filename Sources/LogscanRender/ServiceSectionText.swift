import LogscanCore

/// One service's part of the text report: its totals, its sparkline and its tables.
struct ServiceSectionText {
    let renderer: TextRenderer
    var options: RenderOptions { renderer.options }

    func view(_ section: Report.ServiceSection) -> TextServiceView {
        let title = "== \(section.service.rawValue) "
        let heading = renderer.style.heading(title + String(repeating: "=", count: max(0, renderer.width - title.count)))
        var blocks: [TextBlock?] = []
        if options.detail != .low {
            blocks += [ipTable(section), usersPerIP(section), userTable(section), loginTable(section), probeTable(section)]
            blocks += MailSectionText(renderer: renderer).blocks(section)
            blocks.append(renderer.unmatched("Unmatched \(section.service.rawValue) lines", section.unmatched))
        }
        return TextServiceView(heading: heading, summary: summary(section),
                               timeline: section.failuresOverTime.flatMap(timeline), blocks: blocks.compactMap { $0 })
    }

    func summary(_ section: Report.ServiceSection) -> [String] {
        var out = ["Failed attempts: \(NumberText.grouped(section.failedAttempts)) from "
                   + "\(NumberText.counted(section.failingIPs, "IP")) against \(NumberText.counted(section.failedUsers, "user"))"]
        if section.failedAttemptsWithoutIP > 0 {
            out.append("  (\(NumberText.grouped(section.failedAttemptsWithoutIP)) of them from lines that name no address)")
        }
        var counts = "Successful logins: \(NumberText.grouped(section.successfulLogins))    "
            + "Probes: \(NumberText.grouped(section.probes))"
        if section.service == .sshd {
            counts += "    Refused keys of valid users: \(NumberText.grouped(section.keyProbes))"
        }
        out.append(counts)
        return out
    }

    /// The sparkline of failed attempts, one character per column, at most 72 wide.
    func timeline(_ timeline: Report.Timeline) -> TextTimeline? {
        let buckets = TimelineBuckets(timeline, limit: renderer.width - 8)
        guard buckets.peak > 0, let first = buckets.starts.first, let last = buckets.starts.last else { return nil }
        // Few buckets (a week of days) are drawn wider, up to 3 characters each.
        let repeats = max(1, min(3, (renderer.width - 8) / buckets.counts.count))
        let sparkline = String(Charts.sparkline(buckets.counts, ascii: renderer.ascii).flatMap { String(repeating: $0, count: repeats) })
        let label: (Instant) -> String = { timeline.unit == .hour ? renderer.shortTime($0) : String(renderer.time($0).prefix(10)) }
        let from = label(first), to = label(last)
        let gap = sparkline.count - from.count - to.count
        let axis = buckets.counts.count == 1 ? from : gap >= 2 ? from + String(repeating: " ", count: gap) + to : from + " → " + to
        return TextTimeline(caption: "Failed attempts per \(buckets.unitText) (peak \(NumberText.grouped(buckets.peak))):",
                            sparkline: sparkline, axis: axis)
    }

    func ipTable(_ section: Report.ServiceSection) -> TextBlock? {
        // Postfix and Dovecot often log no user name: then the user columns say nothing, once.
        let anyUser = section.ips.shownRows.contains { $0.distinctUsers > 0 }
        let peak = section.ips.shownRows.first?.attempts ?? 0
        var columns: [(String, TextTable.Alignment)] = [("IP", .left), ("Attempts", .right), ("", .left),
                                                         ("First", .left), ("Last", .left)]
        if anyUser { columns += [("Users", .left)] }
        var block = table(anyUser ? "Top failing IPs" : "Top failing IPs (no user logged)", section.ips, columns) { row in
            var cells = [row.ip, NumberText.grouped(row.attempts), renderer.bar(row.attempts, of: peak),
                         renderer.shortTime(row.first), renderer.shortTime(row.last)]
            if anyUser { cells.append(userList(row)) }
            return cells
        }
        if anyUser && section.ips.shownRows.contains(where: { $0.distinctUsers == 0 }) {
            block?.lines.append("  - = no user logged")
        }
        return block
    }

    /// `root, admin +3`: the top names and how many more, or `-` when no name was logged.
    func userList(_ row: Report.IPRow) -> String {
        guard !row.topUsers.isEmpty else { return "-" }
        let others = row.distinctUsers - row.topUsers.count
        return row.topUsers.joined(separator: ", ") + (others > 0 ? " +\(others)" : "")
    }

    /// `--detail high`: every user name each address tried (as far as the report kept them), uncut.
    func usersPerIP(_ section: Report.ServiceSection) -> TextBlock? {
        guard options.detail == .high else { return nil }
        let rows = section.ips.shownRows.lazy.filter { !$0.topUsers.isEmpty }
        guard !rows.isEmpty else { return nil }
        let width = renderer.cutWidth
        let lines: (Report.IPRow) -> [String] = { row in
            let others = row.distinctUsers - row.topUsers.count
            let names = row.topUsers.joined(separator: ", ") + (others > 0 ? " and \(NumberText.counted(others, "other"))" : "")
            return "  \(row.ip): \(names)".wrapped(to: width, indent: "      ")
        }
        let all = section.ips.streamsRows
            ? renderer.streamedLines { line in for row in rows { lines(row).forEach(line) } }
            : Array(rows.flatMap(lines))
        return TextBlock(title: renderer.style.heading("Users tried per IP"), lines: all)
    }

    func userTable(_ section: Report.ServiceSection) -> TextBlock? {
        let peak = section.users.shownRows.first?.attempts ?? 0
        var block = table("Top targeted users", section.users,
                          [("Attempts", .right), ("", .left), ("IPs", .right), ("Exists", .left), ("User", .left)]) { row in
            [NumberText.grouped(row.attempts), renderer.bar(row.attempts, of: peak), NumberText.grouped(row.distinctIPs),
             existence(row.exists), row.user]
        }
        if section.users.shownRows.contains(where: { $0.exists == .unknown }) {
            block?.lines.append("  Exists: yes = a valid account, no = \"invalid user\", ? = the log did not say")
        }
        return block
    }

    func loginTable(_ section: Report.ServiceSection) -> TextBlock? {
        let method = section.service == .dovecot ? "Protocol" : "Method"
        return table("Successful logins", section.logins,
                     [("Count", .right), ("Last", .left), ("IP", .left), (method, .left), ("User", .left)]) { row in
            [NumberText.grouped(row.count), renderer.shortTime(row.last), row.ip ?? "-", row.method, row.user]
        }
    }

    func probeTable(_ section: Report.ServiceSection) -> TextBlock? {
        table("Probes (connections that never tried to log in)", section.probeSources,
              [("IP", .left), ("Count", .right), ("First", .left), ("Last", .left)]) { row in
            [row.ip, NumberText.grouped(row.count), renderer.shortTime(row.first), renderer.shortTime(row.last)]
        }
    }

    func table<Row>(_ title: String, _ data: Report.Table<Row>, _ columns: [(String, TextTable.Alignment)],
                    cells: @escaping (Row) -> [String]) -> TextBlock? {
        guard !data.shownRows.isEmpty else { return nil }
        var table = TextTable(columns)
        table.fill(data, cells: cells)
        return TextBlock(title: renderer.style.heading(title), lines: renderer.lines(of: table) + renderer.more(data.more))
    }

    func existence(_ validity: UserValidity) -> String {
        switch validity {
        case .valid: return "yes"
        case .invalid: return "no"
        case .unknown: return "?"
        }
    }
}
