import LogscanCore

/// The report's JSON written straight from the model, member by member in sorted key order, in the bytes
/// `JSONTreeEncoder` and `PrettyJSONWriter` make of its `Codable` conformances (which stay the definition:
/// `JSONWriterTests` compares the two with Foundation's `JSONEncoder` on every fixture set). The tree's
/// generic encoding cost about 3,000 instructions an output line (1.5 M on a 20 MB auth log). The inputs,
/// alerts and time spans are in `ReportJSONWriter+Inputs.swift`. A report with lazily made rows (`--top 0`) is not written here (see `canWrite`).
struct ReportJSONWriter {
    let json: PrettyJSONWriter

    /// Whether no table of `report` makes its rows lazily: those are written by `DeferredRowsWriter`, whose
    /// rows keep a layout of their own.
    static func canWrite(_ report: Report) -> Bool {
        report.offenders.lazyRows == nil && report.services.allSatisfy { section in
            section.ips.lazyRows == nil && section.users.lazyRows == nil && section.logins.lazyRows == nil
                && section.probeSources.lazyRows == nil
                && section.rejects.map { $0.lists.lazyRows == nil && $0.sources.lazyRows == nil } ?? true
                && section.traffic.map { $0.deferrals.lazyRows == nil && $0.bounces.lazyRows == nil } ?? true
        }
    }

    func write(_ report: Report) {
        JSONMembers.object(json, depth: 0) { members in
            members.objects("alerts", report.alerts) { alert, members in self.alert(alert, into: &members) }
            members.object("covered") { covered in
                covered.instantOrNull("since", report.covered.since)
                covered.instantOrNull("until", report.covered.until)
            }
            members.instant("generatedAt", report.generatedAt)
            members.object("inputs") { inputs(report.inputs, into: &$0) }
            table("offenders", report.offenders, into: &members, row: offender)
            range(report.range, into: &members)
            members.string("schema", report.schema)
            members.objects("services", report.services) { section, members in service(section, into: &members) }
            members.object("untaggedUnmatched") { unmatched(report.untaggedUnmatched, into: &$0) }
        }
    }

    private func offender(_ row: Report.OffenderRow, into members: inout JSONMembers) {
        members.integer("attempts", row.attempts)
        members.string("ip", row.ip)
        members.objects("services", row.services) { share, members in
            members.integer("attempts", share.attempts)
            members.string("service", share.service.rawValue)
        }
    }

    private func service(_ section: Report.ServiceSection, into members: inout JSONMembers) {
        members.integer("failedAttempts", section.failedAttempts)
        members.integer("failedAttemptsWithoutIP", section.failedAttemptsWithoutIP)
        members.integer("failedUsers", section.failedUsers)
        members.integer("failingIPs", section.failingIPs)
        if let timeline = section.failuresOverTime {
            members.object("failuresOverTime") { line in
                line.integers("counts", timeline.counts)
                line.instant("start", timeline.start)
                line.string("unit", timeline.unit.rawValue)
            }
        }
        table("ips", section.ips, into: &members) { row, members in
            members.integer("attempts", row.attempts)
            members.integer("distinctUsers", row.distinctUsers)
            members.instant("first", row.first)
            members.string("ip", row.ip)
            members.instant("last", row.last)
            members.strings("topUsers", row.topUsers)
        }
        members.integer("keyProbes", section.keyProbes)
        members.integer("limitMarkers", section.limitMarkers)
        table("logins", section.logins, into: &members) { row, members in
            members.integer("count", row.count)
            members.instant("first", row.first)
            members.string("ip", row.ip)
            members.instant("last", row.last)
            members.string("method", row.method)
            members.string("user", row.user)
        }
        table("probeSources", section.probeSources, into: &members) { row, members in
            members.integer("count", row.count)
            members.instant("first", row.first)
            members.string("ip", row.ip)
            members.instant("last", row.last)
        }
        members.integer("probes", section.probes)
        members.objects("problems", section.problems) { row, problem in
            problem.integer("count", row.count)
            problem.string("level", row.level)
            problem.strings("samples", row.samples)
        }
        if let rejects = section.rejects { members.object("rejects") { self.rejects(rejects, into: &$0) } }
        members.string("service", section.service.rawValue)
        members.integer("successfulLogins", section.successfulLogins)
        if let traffic = section.traffic { members.object("traffic") { self.traffic(traffic, into: &$0) } }
        members.object("unmatched") { unmatched(section.unmatched, into: &$0) }
        table("users", section.users, into: &members) { row, members in
            members.integer("attempts", row.attempts)
            members.integer("distinctIPs", row.distinctIPs)
            members.string("exists", row.exists.rawValue)
            members.string("user", row.user)
        }
    }

    private func rejects(_ section: Report.RejectSection, into members: inout JSONMembers) {
        members.objects("classes", section.classes, namedCount)
        table("lists", section.lists, into: &members, row: namedCount)
        table("sources", section.sources, into: &members, row: namedCount)
        members.integer("total", section.total)
    }

    private func namedCount(_ row: Report.NamedCount, into members: inout JSONMembers) {
        members.integer("count", row.count)
        members.string("name", row.name)
    }

    private func traffic(_ section: Report.TrafficSection, into members: inout JSONMembers) {
        members.integer("bounced", section.bounced)
        table("bounces", section.bounces, into: &members, row: reason)
        members.objects("days", section.days) { row, day in
            day.integer("bounced", row.bounced)
            day.string("date", row.date)
            day.integer("deferred", row.deferred)
            day.integer("delivered", row.delivered)
            day.integer("received", row.received)
            day.integer("rejected", row.rejected)
        }
        table("deferrals", section.deferrals, into: &members, row: reason)
        members.integer("deferred", section.deferred)
        members.integer("delivered", section.delivered)
        members.integer("deliveredBytes", section.deliveredBytes)
        members.integer("mailboxDeliveries", section.mailboxDeliveries)
        members.integer("received", section.received)
        members.integer("receivedBytes", section.receivedBytes)
        members.integer("rejected", section.rejected)
    }

    private func reason(_ row: Report.ReasonRow, into members: inout JSONMembers) {
        members.integer("count", row.count)
        members.string("reason", row.reason)
        members.string("relay", row.relay)
    }

    private func unmatched(_ section: Report.UnmatchedSection, into members: inout JSONMembers) {
        members.integer("count", section.count)
        members.objects("programs", section.programs) { program, entry in
            entry.integer("count", program.count)
            entry.string("program", program.program)
            entry.strings("samples", program.samples)
        }
    }

    /// A ranked table's member: `more`, then its rows, each an object `row` fills.
    private func table<Row>(_ name: StaticString, _ table: Report.Table<Row>, into members: inout JSONMembers,
                            row: (Row, inout JSONMembers) -> Void) {
        members.object(name) { members in
            members.integer("more", table.more)
            members.objects("rows", table.rows, row)
        }
    }
}
