import Testing
@testable import LogscanCore

/// The counting rules of `PostfixCorrelator` and `DovecotCorrelator`.
@Suite struct MailCorrelatorTests {
    struct Collector: EventSink {
        var seen: [(kind: EventKind, verdict: Verdict)] = []
        var needsInputOrder: Bool { true }
        mutating func record(_ event: inout Event) { seen.append((event.parsed.kind, event.verdict)) }
        mutating func unmatched(_ line: SyslogLine, raw: Bytes, service: Service?, lineNumber: Int) {}
    }

    func verdicts(_ lines: [String]) -> [Verdict] {
        var processor = LineProcessor(registry: ParserRegistry(), range: .everything, zone: .utc,
                                      reference: Instant(seconds: 1_800_000_000), sink: Collector())
        for line in lines { Bytes.with(line) { processor.process($0) } }
        processor.finish()
        return processor.sink.seen.map(\.verdict)
    }

    let smtpd = "Nov 27 04:50:37 mx1 postfix/smtpd[2201]: "
    let dovecot = "Nov 27 04:50:37 mx1 dovecot: "

    @Test func saslWarningsAndTheDisconnectTallyAreTheSameAttempts() {
        let seen = verdicts([smtpd + "warning: unknown[192.0.2.1]: SASL LOGIN authentication failed: UGFzc3dvcmQ6",
                             smtpd + "warning: unknown[192.0.2.1]: SASL LOGIN authentication failed: UGFzc3dvcmQ6",
                             smtpd + "disconnect from unknown[192.0.2.1] ehlo=1 auth=0/3 commands=1/4"])
        #expect(seen == [.failure(attempts: 1), .failure(attempts: 1), .failure(attempts: 1)],
                "the tally reports one failure that no warning did")
    }

    @Test func theNextSessionOfTheSameSmtpdStartsAfresh() {
        let seen = verdicts([smtpd + "warning: unknown[192.0.2.1]: SASL LOGIN authentication failed: x",
                             smtpd + "disconnect from unknown[192.0.2.1] ehlo=1 auth=0/1 commands=1/2",
                             smtpd + "disconnect from unknown[192.0.2.1] ehlo=1 auth=0/1 commands=1/2"])
        #expect(seen == [.failure(attempts: 1), .sameAttempt, .failure(attempts: 1)])
    }

    @Test func aDisconnectWithoutFailuresEndsTheSessionToo() {
        let seen = verdicts([smtpd + "4XyZ2b1QkPz9sT: client=unknown[192.0.2.1], sasl_method=PLAIN, sasl_username=alice",
                             smtpd + "disconnect from unknown[192.0.2.1] ehlo=1 auth=1 mail=1 quit=1 commands=4",
                             smtpd + "lost connection after CONNECT from unknown[192.0.2.1]",
                             smtpd + "disconnect from unknown[192.0.2.1] commands=0/0"])
        #expect(seen == [.success, .noise, .probe, .noise],
                "the next session of the same smtpd made no AUTH attempt: its lost connection is a probe")
    }

    /// Sessions ended by their `disconnect`, with or without failed AUTH commands or counters, leave the
    /// correlator's table: it grows with the sessions open at once, not with the log.
    @Test func theSessionTableHoldsOpenSessionsOnly() {
        var correlator = PostfixCorrelator()
        var times = TimeResolver(zone: .utc, reference: Instant(seconds: 1_800_000_000))
        let parser = ParserRegistry.all.first { $0.service == .postfix }!
        func classify(_ text: String) {
            Bytes.with(text) { raw in
                let line = SyslogHeaderParser.parse(raw, times: &times)
                var event = Event(service: .postfix, line: line, parsed: ParsedMessage(.noise), verdict: .noise,
                                  lineNumber: 0)
                #expect(parser.parse(line.message, program: line.program, into: &event.parsed), "\(text)")
                let role = event.parsed.kind.role
                if PostfixCorrelator.handles(role) { _ = correlator.classify(&event, role: role, count: event.parsed.count) }
            }
        }
        let endings = ["ehlo=1 auth=0/2 commands=1/3", "ehlo=1 auth=1 quit=1 commands=3", "ehlo=1 quit=1 commands=2",
                       "commands=0/0", ""]
        for session in 0..<500 {
            let prefix = "Nov 27 04:50:37 mx1 postfix/smtpd[\(3000 + session)]: "
            let client = "unknown[192.0.2.\(session % 250 + 1)]"
            classify(prefix + "lost connection after EHLO from " + client)
            classify(prefix + "warning: \(client): SASL LOGIN authentication failed: UGFzc3dvcmQ6")
            #expect(correlator.openSessions == 1)
            let counters = endings[session % endings.count]
            classify(prefix + "disconnect from " + client + (counters.isEmpty ? "" : " " + counters))
            #expect(correlator.openSessions == 0, "\(counters)")
        }
    }

    @Test func lostConnectionIsAProbeOnlyWithoutAuth() {
        #expect(verdicts([smtpd + "lost connection after CONNECT from unknown[192.0.2.1]"]) == [.probe])
        let afterAuth = verdicts([smtpd + "warning: unknown[192.0.2.1]: SASL PLAIN authentication failed: x",
                                  smtpd + "lost connection after AUTH from unknown[192.0.2.1]"])
        #expect(afterAuth == [.failure(attempts: 1), .noise])
        let beforeTally = verdicts([smtpd + "lost connection after AUTH from unknown[192.0.2.1]",
                                    smtpd + "disconnect from unknown[192.0.2.1] ehlo=1 auth=0/2 commands=1/3"])
        #expect(beforeTally == [.noise, .failure(attempts: 2)], "AUTH was tried: not a probe")
    }

    @Test func dovecotAuthLinesFoldIntoTheLoginSummary() {
        let seen = verdicts([dovecot + "auth: passwd-file(a,192.0.2.1,<s>): Password mismatch",
                             dovecot + "auth: passwd-file(a,192.0.2.1,<s>): Password mismatch",
                             dovecot + "imap-login: Disconnected (auth failed, 2 attempts in 5 secs): user=<a>, method=PLAIN, rip=192.0.2.1, lip=192.0.2.25, session=<s>"])
        #expect(seen == [.sameAttempt, .sameAttempt, .failure(attempts: 2)])
    }

    @Test func dovecotAuthLinesWithoutASummaryCountAtTheEnd() {
        let seen = verdicts([dovecot + "auth: passwd-file(a,192.0.2.1,<s>): Password mismatch",
                             dovecot + "auth: passwd-file(b,192.0.2.2,<s>): unknown user"])
        #expect(seen == [.failure(attempts: 1), .failure(attempts: 1)])
    }

    @Test func aLoginSettlesEarlierMistakesAsFailures() {
        let seen = verdicts([dovecot + "auth: passwd-file(a,192.0.2.1,<s>): Password mismatch",
                             dovecot + "imap-login: Login: user=<a>, method=PLAIN, rip=192.0.2.1, lip=192.0.2.25, mpid=1, session=<s>"])
        #expect(seen == [.failure(attempts: 1), .success])
    }

    @Test func anInvalidMechanismIsAProbeThatTheTallyDoesNotCountAgain() {
        let seen = verdicts([smtpd + "warning: unknown[192.0.2.3]: SASL CRAM-MD5 authentication failed: Invalid authentication mechanism",
                             smtpd + "warning: unknown[192.0.2.3]: SASL LOGIN authentication failed: UGFzc3dvcmQ6",
                             smtpd + "disconnect from unknown[192.0.2.3] ehlo=1 auth=0/2 quit=1 commands=2/4"])
        #expect(seen == [.probe, .failure(attempts: 1), .sameAttempt])
    }

    @Test func aProxyDestinationRefusingThePasswordIsOneFailedLogin() {
        let seen = verdicts([dovecot + "auth: passwd-file(a,192.0.2.4,<s>): Password mismatch",
                             dovecot + "imap-login: Disconnected (proxy dest auth failed): user=<a>, method=PLAIN, rip=192.0.2.4, lip=192.0.2.25, session=<s>"])
        #expect(seen == [.sameAttempt, .failure(attempts: 1)])
    }

    @Test func dovecotsOwnLogFileLinesFoldLikeSyslogOnes() {
        let seen = verdicts(["Nov 27 04:50:36 auth: Info: passwd-file(a,192.0.2.5): unknown user",
                             "Nov 27 04:50:37 imap-login: Info: Disconnected (auth failed, 1 attempts in 2 secs): user=<a>, method=PLAIN, rip=192.0.2.5, lip=192.0.2.25, session=<s>"])
        #expect(seen == [.sameAttempt, .failure(attempts: 1)])
    }
}
