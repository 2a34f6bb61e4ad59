/// The mail parts of the report: rejects, traffic, daemon problems, and the cross-service offenders.
extension ReportBuilder {
    func rejectSection(_ rejects: RejectTally) -> Report.RejectSection? {
        guard rejects.total > 0 else { return nil }
        let classes = RejectClass.allCases.compactMap { rejectClass in
            rejects.byClass[rejectClass].map { Report.NamedCount(name: rejectClass.rawValue, count: $0) }
        }.sorted { $0.count > $1.count }
        let lists = ranked(rejects.byList.map { ($0.key, $0.value) }, count: { $0 }) { list, count in
            Report.NamedCount(name: list.safeText, count: count)
        }
        let sources = ranked(rejects.byPeer.map { ($0.key, $0.value) }, count: { $0 }) { peer, count in
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
        ranked(counts.map { ($0.key, $0.value) }, count: { $0 },
               keyOrder: { ($0.relay, $0.text) < ($1.relay, $1.text) }) { reason, count in
            Report.ReasonRow(relay: reason.relay.safeText, reason: reason.text.safeText, count: count)
        }
    }

    func problemRows(_ problems: [EventKind: SampledLines]) -> [Report.ProblemRow] {
        [EventKind.daemonPanic, .daemonFatal, .daemonWarning].compactMap { kind in
            problems[kind].map { Report.ProblemRow(level: kind.rawValue, count: $0.count, samples: $0.samples.map(SafeText.from)) }
        }
    }

    /// Every address with failures, summed over the services, with each service's share.
    func crossServiceOffenders(_ services: [Service: ServiceTally]) -> Report.Table<Report.OffenderRow> {
        var totals: [PeerKey: [Service: Int]] = [:]
        for (service, tally) in services {
            for (peer, failures) in tally.failuresByPeer { totals[peer, default: [:]][service] = failures.attempts.count }
        }
        return ranked(totals.map { ($0.key, $0.value) }, count: { $0.values.reduce(0, +) }) { peer, shares in
            Report.OffenderRow(ip: peer.description, attempts: shares.values.reduce(0, +),
                               services: shares.keys.sorted().map { Report.ServiceCount(service: $0, attempts: shares[$0]!) })
        }
    }
}
