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
