import Testing
@testable import LogscanCore

/// `Aggregator.record` returns before the tally's dispatch for an event that adds nothing
/// (`ServiceTally.addsNothing`: a `.noise` verdict, or `.sameAttempt` with the user's validity unknown, of a
/// role counted by its verdict). Every event kind with each of those verdicts (and `.sameAttempt` with a
/// validity, which counts), through the aggregator and through the tally's own `record` (the general path),
/// must leave the same counts.
@Suite struct SinkNoiseTests {
    /// What a tally's events added up to, as numbers.
    private func counts(_ tally: ServiceTally) -> [Int] {
        let traffic = tally.traffic
        return [tally.failedAttempts, tally.failuresWithoutPeer, tally.limitMarkers, tally.keyProbes.count,
                tally.successes, tally.probes, tally.failuresByPeer.count, tally.logins.count, tally.probesByPeer.count,
                traffic.received, traffic.receivedBytes, traffic.delivered, traffic.deferred, traffic.bounced,
                traffic.rejected, traffic.mailboxDeliveries, traffic.deferrals.count, traffic.bounces.count,
                traffic.days.count, tally.rejects.total, tally.rejects.byPeer.count, tally.problems.count,
                tally.names.count]
    }

    /// The counts of one event through the aggregator and through the tally's own `record`.
    private func bothWays(_ kind: EventKind, _ verdict: Verdict, _ validity: UserValidity) -> (fast: [Int], direct: [Int]) {
        Bytes.with("postfix/smtpd[1]: some text") { message in
            Bytes.with("mail.example") { host in
                let line = SyslogLine(time: Instant(seconds: 1_795_000_000), host: host, program: message.prefix(12),
                                      pid: 1, message: message, repeatCount: 1)
                var parsed = ParsedMessage(kind, peer: .ip(IPAddress(v4: 0xC633_6407)), user: message.prefix(4),
                                           validity: validity, method: message.prefix(4), detail: message)
                parsed.queueID = message.prefix(10)
                parsed.size = 100
                parsed.rejectClass = .rbl
                var event = Event(service: .postfix, line: line, parsed: parsed, verdict: verdict, lineNumber: 1)
                var aggregate = Aggregator(zone: .utc)
                aggregate.record(&event)
                var tally = ServiceTally()
                var days = DayNumbers(zone: .utc)
                tally.record(&event, role: kind.role, days: &days)
                return (counts(aggregate.services[.postfix] ?? ServiceTally()), counts(tally))
            }
        }
    }

    @Test func eventsThatAddNothingCountAsTheTallyCountsThem() {
        var counted = 0
        for kind in EventKind.allCases {
            for (verdict, validity) in [(Verdict.noise, UserValidity.valid), (.sameAttempt, .unknown), (.sameAttempt, .invalid)] {
                let (fast, direct) = bothWays(kind, verdict, validity)
                #expect(fast == direct, "\(kind) \(verdict) \(validity)")
                if direct.contains(where: { $0 != 0 }) { counted += 1 }
            }
        }
        // Traffic, rejects and daemons' problems count with these verdicts, and so does a same-attempt line's
        // word on its user: the comparison above sees them.
        #expect(counted >= 10)
    }
}
