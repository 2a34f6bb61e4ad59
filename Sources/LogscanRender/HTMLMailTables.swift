import LogscanCore

/// The mail parts of a service's HTML section: rejects, traffic, full deferral and bounce reasons, the
/// days, and daemon problems.
struct HTMLMailTables {
    let renderer: HTMLRenderer

    func tables(_ section: Report.ServiceSection) -> [HTMLTable?] {
        var out: [HTMLTable?] = []
        if let rejects = section.rejects { out += self.rejects(rejects) }
        if let traffic = section.traffic { out += self.traffic(traffic) }
        out.append(problems(section.problems))
        return out
    }

    func rejects(_ rejects: Report.RejectSection) -> [HTMLTable?] {
        let peak = rejects.classes.first?.count ?? 0
        let classes = HTMLCells.table("Rejected by policy: \(NumberText.grouped(rejects.total))", rejects.classes, more: 0,
                                      columns: [("Reason", false), ("Count", true), ("", false)]) {
            [HTMLCells.text($0.name), HTMLCells.number($0.count), HTMLCells.bar($0.count, of: peak)]
        }
        return [classes, named("DNSBLs that listed the clients", rejects.lists, "List"),
                named("Top rejected clients", rejects.sources, "IP")]
    }

    func named(_ title: String, _ table: Report.Table<Report.NamedCount>, _ name: String) -> HTMLTable? {
        let peak = table.shownRows.first?.count ?? 0
        return renderer.table(title, table, columns: [(name, false), ("Count", true), ("", false)]) {
            [HTMLCells.logText($0.name), HTMLCells.number($0.count), HTMLCells.bar($0.count, of: peak)]
        }
    }

    func traffic(_ traffic: Report.TrafficSection) -> [HTMLTable?] {
        let totals: [(String, Int, String)] = [
            ("Received", traffic.received, NumberText.bytes(traffic.receivedBytes)),
            ("Delivered", traffic.delivered, NumberText.bytes(traffic.deliveredBytes)),
            ("Deferred", traffic.deferred, ""), ("Bounced", traffic.bounced, ""), ("Rejected", traffic.rejected, ""),
            ("Saved to mailboxes", traffic.mailboxDeliveries, ""),
        ].filter { $0.1 > 0 || $0.0 != "Saved to mailboxes" }
        let summary = HTMLCells.table("Mail traffic", totals, more: 0, columns: [("", false), ("Count", true), ("Size", true)]) {
            [HTMLCells.text($0.0), HTMLCells.number($0.1), HTMLCells.text($0.2)]
        }
        let days = HTMLCells.table("Per day", traffic.days, more: 0,
                                   columns: [("Day", false), ("Received", true), ("Delivered", true), ("Deferred", true),
                                             ("Bounced", true), ("Rejected", true)]) { day in
            [HTMLCells.text(day.date)] + [day.received, day.delivered, day.deferred, day.bounced, day.rejected].map(HTMLCells.number)
        }
        return [summary, reasons("Top deferral reasons", traffic.deferrals), reasons("Top bounce reasons", traffic.bounces), days]
    }

    func reasons(_ title: String, _ table: Report.Table<Report.ReasonRow>) -> HTMLTable? {
        renderer.table(title, table, columns: [("Count", true), ("Relay", false), ("Reason", false)]) {
            [HTMLCells.number($0.count), HTMLCells.mono($0.relay.isEmpty ? "-" : $0.relay), HTMLCells.logText($0.reason)]
        }
    }

    func problems(_ problems: [Report.ProblemRow]) -> HTMLTable? {
        HTMLCells.table("Daemon problems", problems, more: 0, columns: [("Level", false), ("Count", true), ("Samples", false)]) {
            [HTMLCells.text($0.level), HTMLCells.number($0.count), HTMLCells.logText($0.samples.joined(separator: "\n"))]
        }
    }
}
