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
    /// table of every address is built (a million addresses); a share is read in place, and the shares are
    /// listed only for the rows shown.
    func crossServiceOffenders(_ services: [Service: ServiceTally]) -> Report.Table<Report.OffenderRow> {
        let sorted = Service.allCases.sorted().filter { services[$0] != nil }
        let tables = sorted.map { services[$0]!.failuresByPeer }
        func shares(_ peer: PeerKey) -> [Report.ServiceCount] {
            zip(sorted, tables).compactMap { service, table in
                table.position(of: peer).map { Report.ServiceCount(service: service, attempts: table.values[$0].attempts.count) }
            }
        }
        var distinct = 0
        var candidates: [(PeerKey, Int)] = []
        // Never more than the addresses there are: `--top` may be any number (the array's byte size would overflow).
        if top > 0 { candidates.reserveCapacity(min(2 *| top +| 64, tables.reduce(0) { $0 +| $1.keys.count })) }
        // After a pruning, the `top`th best total: an address below it can never rank (the kept ones only
        // get better), so it is counted and not kept (−0.2 M instructions on each 20 MB cut of bench/callgrind).
        var floor = Int.min
        for (position, table) in tables.enumerated() {
            for (index, peer) in table.keys.enumerated() where !tables[..<position].contains(where: { $0.position(of: peer) != nil }) {
                distinct += 1
                var total = table.values[index].attempts.count
                for later in tables[(position + 1)...] {
                    if let at = later.position(of: peer) { total +|= later.values[at].attempts.count }
                }
                guard total >= floor else { continue }
                candidates.append((peer, total))
                // Keep the list short: prune to the best `top` whenever it doubles.
                if top > 0 && candidates.count >= 2 *| top +| 64 {
                    let kept = rankedPositions(candidates.map(\.1), limit: top) { candidates[$0].0 < candidates[$1].0 }
                        .map { candidates[$0] }
                    candidates.replaceSubrange(0..., with: kept)
                    floor = candidates[candidates.count - 1].1
                }
            }
        }
        let table = ranked(candidates, count: { $0 }) { peer, total in
            Report.OffenderRow(ip: peer.description, attempts: total, services: shares(peer))
        }
        return Report.Table(rows: table.rows, more: distinct - (table.lazyRows?.count ?? table.rows.count), lazyRows: table.lazyRows)
    }
}
