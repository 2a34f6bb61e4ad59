import LogscanCore

/// The mail parts of a service's text section: rejects, traffic and daemon problems.
struct MailSectionText {
    let renderer: TextRenderer
    var tables: ServiceSectionText { ServiceSectionText(renderer: renderer) }

    func blocks(_ section: Report.ServiceSection) -> [TextBlock?] {
        var out: [TextBlock?] = []
        if let rejects = section.rejects { out += self.rejects(rejects) }
        if let traffic = section.traffic { out += self.traffic(traffic) }
        out.append(problems(section.problems))
        return out
    }

    func rejects(_ rejects: Report.RejectSection) -> [TextBlock?] {
        let classes = rejects.classes.map { "\($0.name) \(NumberText.grouped($0.count))" }.joined(separator: ", ")
        let summary = TextBlock(title: renderer.style.heading("Rejected by policy: \(NumberText.grouped(rejects.total))"),
                                lines: ("  " + classes).wrapped(to: renderer.cutWidth, indent: "  "))
        let lists = tables.table("DNSBLs that listed the clients", rejects.lists, [("Count", .right), ("List", .left)]) {
            [NumberText.grouped($0.count), $0.name]
        }
        let sources = tables.table("Top rejected clients", rejects.sources, [("Count", .right), ("IP", .left)]) {
            [NumberText.grouped($0.count), $0.name]
        }
        return [summary, lists, sources]
    }

    func traffic(_ traffic: Report.TrafficSection) -> [TextBlock?] {
        var lines: [String] = []
        if traffic.received + traffic.delivered + traffic.deferred + traffic.bounced + traffic.rejected > 0 {
            lines.append("  Received   \(pad(traffic.received)) \(noun(traffic.received, "message"))  \(NumberText.bytes(traffic.receivedBytes))")
            lines.append("  Delivered  \(pad(traffic.delivered)) \(noun(traffic.delivered, "message"))  \(NumberText.bytes(traffic.deliveredBytes))")
            lines.append("  Deferred   \(pad(traffic.deferred)) \(noun(traffic.deferred, "delivery", "deliveries"))")
            lines.append("  Bounced    \(pad(traffic.bounced)) \(noun(traffic.bounced, "delivery", "deliveries"))")
            lines.append("  Rejected   \(pad(traffic.rejected)) \(noun(traffic.rejected, "message"))")
        }
        if traffic.mailboxDeliveries > 0 {
            lines.append("  Saved to mailboxes: \(NumberText.grouped(traffic.mailboxDeliveries))")
        }
        var out: [TextBlock?] = [TextBlock(title: renderer.style.heading("Mail traffic"), lines: lines)]
        let reasonColumns: [(String, TextTable.Alignment)] = [("Count", .right), ("Relay", .left), ("Reason", .left)]
        out.append(tables.table("Top deferral reasons", traffic.deferrals, reasonColumns) {
            [NumberText.grouped($0.count), $0.relay.isEmpty ? "-" : $0.relay, $0.reason]
        })
        out.append(tables.table("Top bounce reasons", traffic.bounces, reasonColumns) {
            [NumberText.grouped($0.count), $0.relay.isEmpty ? "-" : $0.relay, $0.reason]
        })
        if !traffic.days.isEmpty {
            var table = TextTable([("Day", .left), ("Received", .right), ("Delivered", .right), ("Deferred", .right),
                                   ("Bounced", .right), ("Rejected", .right)])
            for day in traffic.days {
                table.add([day.date] + [day.received, day.delivered, day.deferred, day.bounced, day.rejected].map(NumberText.grouped))
            }
            out.append(TextBlock(title: renderer.style.heading("Per day"), lines: table.render(width: renderer.cutWidth)))
        }
        return out
    }

    func problems(_ problems: [Report.ProblemRow]) -> TextBlock? {
        guard !problems.isEmpty else { return nil }
        let summary = problems.map { "\($0.level) \(NumberText.grouped($0.count))" }.joined(separator: ", ")
        let lines = problems.flatMap { problem in problem.samples.map { ("  " + $0).fitted(to: renderer.cutWidth) } }
        return TextBlock(title: renderer.style.heading("Daemon problems: " + summary), lines: lines)
    }

    private func noun(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        count == 1 ? singular : plural ?? singular + "s"
    }

    private func pad(_ value: Int) -> String {
        let text = NumberText.grouped(value)
        return String(repeating: " ", count: max(0, 7 - text.count)) + text
    }
}
