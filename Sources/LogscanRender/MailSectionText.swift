import LogscanCore

/// The mail parts of a service's text section: rejects, traffic and daemon problems.
struct MailSectionText {
    let renderer: TextRenderer
    var tables: ServiceSectionText { ServiceSectionText(renderer: renderer) }

    func lines(_ section: Report.ServiceSection) -> [String] {
        var out: [String] = []
        if let rejects = section.rejects { out += self.rejects(rejects) }
        if let traffic = section.traffic { out += self.traffic(traffic) }
        out += problems(section.problems)
        return out
    }

    func rejects(_ rejects: Report.RejectSection) -> [String] {
        var out = ["", renderer.style.heading("Rejected by policy: \(NumberText.grouped(rejects.total))")]
        let classes = rejects.classes.map { "\($0.name) \(NumberText.grouped($0.count))" }.joined(separator: ", ")
        out += ("  " + classes).wrapped(to: renderer.width, indent: "  ")
        out += tables.table("DNSBLs that listed the clients", rejects.lists, [("Count", .right), ("List", .left)]) {
            [NumberText.grouped($0.count), $0.name]
        }
        out += tables.table("Top rejected clients", rejects.sources, [("Count", .right), ("IP", .left)]) {
            [NumberText.grouped($0.count), $0.name]
        }
        return out
    }

    func traffic(_ traffic: Report.TrafficSection) -> [String] {
        var out = ["", renderer.style.heading("Mail traffic")]
        if traffic.received + traffic.delivered + traffic.deferred + traffic.bounced + traffic.rejected > 0 {
            out.append("  Received   \(pad(traffic.received)) messages  \(NumberText.bytes(traffic.receivedBytes))")
            out.append("  Delivered  \(pad(traffic.delivered)) messages  \(NumberText.bytes(traffic.deliveredBytes))")
            out.append("  Deferred   \(pad(traffic.deferred)) deliveries")
            out.append("  Bounced    \(pad(traffic.bounced)) deliveries")
            out.append("  Rejected   \(pad(traffic.rejected)) messages")
        }
        if traffic.mailboxDeliveries > 0 {
            out.append("  Saved to mailboxes: \(NumberText.grouped(traffic.mailboxDeliveries))")
        }
        let reasonColumns: [(String, TextTable.Alignment)] = [("Count", .right), ("Relay", .left), ("Reason", .left)]
        out += tables.table("Top deferral reasons", traffic.deferrals, reasonColumns) {
            [NumberText.grouped($0.count), $0.relay.isEmpty ? "-" : $0.relay, $0.reason]
        }
        out += tables.table("Top bounce reasons", traffic.bounces, reasonColumns) {
            [NumberText.grouped($0.count), $0.relay.isEmpty ? "-" : $0.relay, $0.reason]
        }
        if !traffic.days.isEmpty {
            var table = TextTable([("Day", .left), ("Received", .right), ("Delivered", .right), ("Deferred", .right),
                                   ("Bounced", .right), ("Rejected", .right)])
            for day in traffic.days {
                table.add([day.date] + [day.received, day.delivered, day.deferred, day.bounced, day.rejected].map(NumberText.grouped))
            }
            out += ["", renderer.style.heading("Per day")] + table.render(width: renderer.width)
        }
        return out
    }

    func problems(_ problems: [Report.ProblemRow]) -> [String] {
        guard !problems.isEmpty else { return [] }
        let summary = problems.map { "\($0.level) \(NumberText.grouped($0.count))" }.joined(separator: ", ")
        var out = ["", renderer.style.heading("Daemon problems: " + summary)]
        for problem in problems {
            for sample in problem.samples { out.append(("  " + sample).fitted(to: renderer.width)) }
        }
        return out
    }

    private func pad(_ value: Int) -> String {
        let text = NumberText.grouped(value)
        return String(repeating: " ", count: max(0, 7 - text.count)) + text
    }
}
