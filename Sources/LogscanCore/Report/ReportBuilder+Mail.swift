/// The mail parts of the report: rejects, traffic, daemon problems, and the cross-service offenders.
extension ReportBuilder {
    func rejectSection(_ rejects: RejectTally) -> Report.RejectSection? {
        guard rejects.total > 0 else { return nil }
        let classes = RejectClass.allCases.compactMap { rejectClass in
            rejects.byClass[rejectClass].map { Report.NamedCount(name: rejectClass.rawValue, count: $0) }
        }.sorted { $0.count > $1.count }
        let lists = ranked(rejects.byList, count: { $0 }) { list, count in
            Report.NamedCount(name: list.safeText, count: count)
        }
        let sources = ranked(rejects.byPeer, count: { $0 }) { peer, count in
            Report.NamedCount(name: peer.description, count: count)
        }
        return Report.RejectSection(total: rejects.total, classes: classes, lists: lists, sources: sources)
    }

    func trafficSection(_ traffic: MailTraffic) -> Report.TrafficSection? {
        guard !traffic.isEmpty else { return nil }
        let days = traffic.days.count > 1 ? traffic.days.keys.sorted().map { day -> Report.DayRow in
            let counts = traffic.days[day]!
            let (year, month, date) = CivilDate.date(fromDays: day)
            return Report.DayRow(date: TimeFormat.pad(year, 4) + "-" + TimeFormat.pad(month, 2) + "-" + TimeFormat.pad(date, 2),
                                 received: counts.received, delivered: counts.delivered, deferred: counts.deferred,
                                 bounced: counts.bounced, rejected: counts.rejected)
        } : []
        return Report.TrafficSection(
            received: traffic.received, receivedBytes: traffic.receivedBytes, delivered: traffic.delivered,
            deliveredBytes: traffic.deliveredBytes, deferred: traffic.deferred, bounced: traffic.bounced,
            rejected: traffic.rejected, mailboxDeliveries: traffic.mailboxDeliveries,
            deferrals: reasons(traffic.deferrals), bounces: reasons(traffic.bounces), days: days)
    }

    func reasons(_ counts: [MailTraffic.Reason: Int]) -> Report.Table<Report.ReasonRow> {
        ranked(counts, count: { $0 },
               keyOrder: { ($0.relay, $0.text) < ($1.relay, $1.text) }) { reason, count in
            Report.ReasonRow(relay: reason.relay.safeText, reason: reason.text.safeText, count: count)
        }
    }

    func problemRows(_ problems: [EventKind: SampledLines]) -> [Report.ProblemRow] {
        [EventKind.daemonPanic, .daemonFatal, .daemonWarning].compactMap { kind in
            problems[kind].map { Report.ProblemRow(level: kind.rawValue, count: $0.count, samples: $0.samples.map(SafeText.from)) }
        }
    }

    /// Every address with failures, summed over the services, with each service's share. Each address is
    /// visited once, from the first service that has it, and its shares are looked up in the others, so no
    /// table of every address is built (a million addresses).
    func crossServiceOffenders(_ services: [Service: ServiceTally]) -> Report.Table<Report.OffenderRow> {
        let tables = Service.allCases.sorted().compactMap { service in services[service].map { (service, $0.failuresByPeer) } }
        func shares(_ peer: PeerKey) -> [Report.ServiceCount] {
            tables.compactMap { service, table in table[peer].map { Report.ServiceCount(service: service, attempts: $0.attempts.count) } }
        }
        var distinct = 0
        var candidates: [(PeerKey, Int)] = []
        for (position, (_, table)) in tables.enumerated() {
            for peer in table.keys where !tables[..<position].contains(where: { $0.1[peer] != nil }) {
                distinct += 1
                let total = shares(peer).reduce(0) { $0 +| $1.attempts }
                candidates.append((peer, total))
                // Keep the list short: prune to the best `top` whenever it doubles.
                if top > 0 && candidates.count >= 2 *| top +| 64 {
                    candidates = rankedIndices(candidates, limit: top, count: { $0.1 }, keyOrder: { $0.0 < $1.0 }).map { candidates[$0] }
                }
            }
        }
        let table = ranked(candidates, count: { $0 }) { peer, total in
            Report.OffenderRow(ip: peer.description, attempts: total, services: shares(peer))
        }
        return Report.Table(rows: table.rows, more: distinct - (table.lazyRows?.count ?? table.rows.count), lazyRows: table.lazyRows)
    }
}
