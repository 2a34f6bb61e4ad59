import Testing
@testable import LogscanCore

/// `Aggregator.record` returns before the tally's dispatch for an event whose verdict is `.noise` and whose
/// role is counted by its verdict (`ServiceTally.countsByVerdict`). Every event kind with that verdict, through
/// the aggregator and through the tally's own `record` (the general path), must leave the same counts.
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

    @Test func noiseEventsCountAsTheTallyCountsThem() {
        var counted = 0
        for kind in EventKind.allCases {
            Bytes.with("postfix/smtpd[1]: some text") { message in
                Bytes.with("mail.example") { host in
                    let line = SyslogLine(time: Instant(seconds: 1_795_000_000), host: host, program: message.prefix(12),
                                          pid: 1, message: message, repeatCount: 1)
                    var parsed = ParsedMessage(kind, peer: .ip(IPAddress(v4: 0xC633_6407)), user: message.prefix(4),
                                               validity: .valid, method: message.prefix(4), detail: message)
                    parsed.queueID = message.prefix(10)
                    parsed.size = 100
                    parsed.rejectClass = .rbl
                    var event = Event(service: .postfix, line: line, parsed: parsed, verdict: .noise, lineNumber: 1)
                    var aggregate = Aggregator(zone: .utc)
                    aggregate.record(&event)
                    var tally = ServiceTally()
                    let day = kind.role == .traffic || kind.role == .reject ? Int64(1_795_000_000 / 86_400) : nil
                    tally.record(&event, role: kind.role, day: day)
                    let direct = counts(tally)
                    #expect(counts(aggregate.services[.postfix] ?? ServiceTally()) == direct, "\(kind)")
                    if direct.contains(where: { $0 != 0 }) { counted += 1 }
                }
            }
        }
        // Traffic, rejects and daemons' problems count with a `.noise` verdict: the check above sees them.
        #expect(counted >= 5)
    }
}
