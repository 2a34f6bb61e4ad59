import LogscanCore

/// One service's part of the text report.
struct ServiceSectionText {
    let renderer: TextRenderer

    func lines(_ section: Report.ServiceSection) -> [String] {
        let width = renderer.width
        let style = renderer.style
        let title = "== \(section.service.rawValue) "
        var out = ["", style.heading(title + String(repeating: "=", count: max(0, width - title.count)))]
        out.append("Failed attempts: \(NumberText.grouped(section.failedAttempts)) from "
                   + "\(NumberText.counted(section.failingIPs, "IP")) against \(NumberText.counted(section.failedUsers, "user"))")
        if section.failedAttemptsWithoutIP > 0 {
            out.append("  (\(NumberText.grouped(section.failedAttemptsWithoutIP)) of them from lines that name no address)")
        }
        var counts = "Successful logins: \(NumberText.grouped(section.successfulLogins))    "
            + "Probes: \(NumberText.grouped(section.probes))"
        if section.service == .sshd {
            counts += "    Refused keys of valid users: \(NumberText.grouped(section.keyProbes))"
        }
        out.append(counts)

        out += table("Top failing IPs", section.ips,
                     [("IP", .left), ("Attempts", .right), ("Users", .right), ("First", .left), ("Last", .left),
                      ("Top users", .left)]) { row in
            [row.ip, NumberText.grouped(row.attempts), NumberText.grouped(row.distinctUsers),
             renderer.shortTime(row.first), renderer.shortTime(row.last), row.topUsers.joined(separator: ", ")]
        }
        out += table("Top targeted users", section.users,
                     [("Attempts", .right), ("IPs", .right), ("Exists", .left), ("User", .left)]) { row in
            [NumberText.grouped(row.attempts), NumberText.grouped(row.distinctIPs), existence(row.exists), row.user]
        }
        let method = section.service == .dovecot ? "Protocol" : "Method"
        out += table("Successful logins", section.logins,
                     [("Count", .right), ("Last", .left), ("IP", .left), (method, .left), ("User", .left)]) { row in
            [NumberText.grouped(row.count), renderer.shortTime(row.last), row.ip ?? "-", row.method, row.user]
        }
        out += table("Probes (connections that never tried to log in)", section.probeSources,
                     [("IP", .left), ("Count", .right), ("First", .left), ("Last", .left)]) { row in
            [row.ip, NumberText.grouped(row.count), renderer.shortTime(row.first), renderer.shortTime(row.last)]
        }
        out += MailSectionText(renderer: renderer).lines(section)
        out += renderer.unmatched("Unmatched \(section.service.rawValue) lines", section.unmatched)
        return out
    }

    func table<Row>(_ title: String, _ data: Report.Table<Row>, _ columns: [(String, TextTable.Alignment)],
                    cells: (Row) -> [String]) -> [String] {
        guard !data.rows.isEmpty else { return [] }
        var table = TextTable(columns)
        for row in data.rows { table.add(cells(row)) }
        var out = ["", renderer.style.heading(title)] + table.render(width: renderer.width)
        if data.more > 0 { out.append("  … and \(NumberText.grouped(data.more)) more") }
        return out
    }

    func existence(_ validity: UserValidity) -> String {
        switch validity {
        case .valid: return "yes"
        case .invalid: return "no"
        case .unknown: return "?"
        }
    }
}
