import Testing
@testable import LogscanCore

/// The counting rules of `SshdCorrelator`, one common sshd sequence each.
@Suite struct SshdCorrelatorTests {
    typealias Seen = (line: Int, kind: EventKind, verdict: Verdict, ip: String?)

    /// Collects (line number, kind, verdict, address) in the order a sink receives them.
    struct Collector: EventSink {
        var ordered: Bool
        var seen: [Seen] = []
        var needsInputOrder: Bool { ordered }
        mutating func record(_ event: inout Event) {
            seen.append((event.lineNumber, event.parsed.kind, event.verdict, event.parsed.peer?.key.description))
        }
        mutating func unmatched(_ line: SyslogLine, raw: Bytes, service: Service?, lineNumber: Int) {}
    }

    func run(_ messages: [String], ordered: Bool = true) -> [Seen] {
        var processor = LineProcessor(registry: ParserRegistry(), range: .everything, zone: .utc,
                                      reference: Instant(seconds: 1_800_000_000), sink: Collector(ordered: ordered))
        for message in messages {
            let line = message.hasPrefix("Nov") ? message : "Nov 27 04:50:37 web1 sshd[100]: " + message
            Bytes.with(line) { processor.process($0) }
        }
        processor.finish()
        return processor.sink.seen
    }

    func attempts(_ seen: [Seen]) -> Int {
        seen.reduce(0) { if case .failure(let n) = $1.verdict { $0 + n } else { $0 } }
    }

    @Test func invalidUserPamAndFailedAreOneAttemptCountedOnTheFailedLine() {
        let seen = run(["Invalid user admin from 192.0.2.1 port 5000",
                        "pam_unix(sshd:auth): check pass; user unknown",
                        "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=192.0.2.1 ",
                        "Failed password for invalid user admin from 192.0.2.1 port 5000 ssh2",
                        "Connection closed by invalid user admin 192.0.2.1 port 5000 [preauth]"])
        #expect(attempts(seen) == 1)
        #expect(seen.map(\.line) == [1, 2, 3, 4, 5])
        #expect(seen[0].verdict == .sameAttempt && seen[2].verdict == .sameAttempt)
        #expect(seen[3].verdict == .failure(attempts: 1))
        #expect(seen[4].verdict == .noise, "a close after an attempt is not a probe")
    }

    @Test func repeatedFailuresWithPamSummaryCountEachPasswordOnce() {
        let seen = run(["pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=192.0.2.1  user=root",
                        "Failed password for root from 192.0.2.1 port 5000 ssh2",
                        "message repeated 5 times: [ Failed password for root from 192.0.2.1 port 5000 ssh2]",
                        "error: maximum authentication attempts exceeded for root from 192.0.2.1 port 5000 ssh2 [preauth]",
                        "Disconnecting authenticating user root 192.0.2.1 port 5000: Too many authentication failures [preauth]",
                        "PAM 5 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=192.0.2.1  user=root"])
        #expect(attempts(seen) == 6)
        #expect(seen[3].verdict == .notAnAttempt && seen[4].verdict == .notAnAttempt)
        #expect(seen[5].verdict == .sameAttempt)
    }

    @Test func pamLinesAloneCountTheFirstFailureAndTheMore() {
        let seen = run(["Nov 27 04:50:37 web1 sshd(pam_unix)[7]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=192.0.2.1  user=root",
                        "Nov 27 04:50:39 web1 sshd(pam_unix)[7]: 2 more authentication failures; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=192.0.2.1  user=root"])
        #expect(attempts(seen) == 3, "old Linux-PAM writes the summary without `PAM ` under its own tag")
        let summary = run(["pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=192.0.2.1  user=root",
                           "PAM 2 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=192.0.2.1  user=root"])
        #expect(attempts(summary) == 3)
    }

    @Test func invalidUserAloneIsOneAttemptSettledWhenTheConnectionCloses() {
        let seen = run(["Invalid user ubnt from 192.0.2.1 port 5000",
                        "Connection closed by invalid user ubnt 192.0.2.1 port 5000 [preauth]"])
        #expect(seen.map(\.verdict) == [.failure(attempts: 1), .noise])
    }

    @Test func heldPrecursorsCountAtTheEndOfInput() {
        #expect(attempts(run(["Invalid user ubnt from 192.0.2.1 port 5000"])) == 1)
    }

    @Test func keyboardInteractivePamErrorsPairWithTheirFailedLines() {
        let seen = run(["error: PAM: Authentication failure for root from 192.0.2.1",
                        "Failed keyboard-interactive/pam for root from 192.0.2.1 port 5000 ssh2",
                        "error: PAM: Authentication failure for root from 192.0.2.1",
                        "Failed keyboard-interactive/pam for root from 192.0.2.1 port 5000 ssh2"])
        #expect(attempts(seen) == 2)
        #expect(seen.map(\.verdict) == [.sameAttempt, .failure(attempts: 1), .sameAttempt, .failure(attempts: 1)])
    }

    @Test func connectionsAreKeptApartByPid() {
        let seen = run(["Nov 27 04:50:37 web1 sshd[1]: Invalid user a from 192.0.2.1 port 1",
                        "Nov 27 04:50:37 web1 sshd[2]: Invalid user b from 192.0.2.2 port 2",
                        "Nov 27 04:50:38 web1 sshd[1]: Failed password for invalid user a from 192.0.2.1 port 1 ssh2",
                        "Nov 27 04:50:39 web1 sshd[2]: Connection closed by invalid user b 192.0.2.2 port 2 [preauth]"])
        #expect(attempts(seen) == 2)
        #expect(seen.map(\.line) == [1, 2, 3, 4], "an ordered sink gets input order")
        #expect(seen[1].verdict == .failure(attempts: 1), "b never got a Failed line: its Invalid user counts")
    }

    @Test func unorderedSinksGetTheSameVerdicts() {
        let lines = ["Nov 27 04:50:37 web1 sshd[1]: Invalid user a from 192.0.2.1 port 1",
                     "Nov 27 04:50:38 web1 sshd[2]: Failed password for root from 192.0.2.2 port 2 ssh2",
                     "Nov 27 04:50:38 web1 sshd[1]: Failed password for invalid user a from 192.0.2.1 port 1 ssh2"]
        let ordered = run(lines).sorted { $0.line < $1.line }.map(\.verdict)
        let unordered = run(lines, ordered: false).sorted { $0.line < $1.line }.map(\.verdict)
        #expect(ordered == unordered)
        #expect(ordered == [.sameAttempt, .failure(attempts: 1), .failure(attempts: 1)])
    }

    @Test func aReusedPidStartsAfreshAfterTenMinutes() {
        let seen = run(["Nov 27 04:00:00 web1 sshd[9]: Invalid user a from 192.0.2.1 port 1",
                        "Nov 27 04:30:00 web1 sshd[9]: Failed password for invalid user b from 192.0.2.2 port 2 ssh2"])
        #expect(seen.map(\.verdict) == [.failure(attempts: 1), .failure(attempts: 1)])
    }

    @Test func closesAreProbesOnlyWithoutAnAttempt() {
        #expect(run(["Connection closed by 192.0.2.1 port 1 [preauth]"]).map(\.verdict) == [.probe])
        let twoCloses = run(["Received disconnect from 192.0.2.1 port 1:11: Bye Bye [preauth]",
                             "Disconnected from 192.0.2.1 port 1 [preauth]"])
        #expect(twoCloses.map(\.verdict) == [.probe, .noise], "one connection, one probe")
        let jschAlone = run(["Received disconnect from 192.0.2.1 port 1:3: com.jcraft.jsch.JSchException: Auth fail [preauth]",
                             "Disconnected from 192.0.2.1 port 1 [preauth]"])
        #expect(jschAlone.map(\.verdict) == [.failure(attempts: 1), .noise])
        let jsch = run(["Failed password for root from 192.0.2.1 port 1 ssh2",
                        "Received disconnect from 192.0.2.1 port 1:3: com.jcraft.jsch.JSchException: Auth fail [preauth]"])
        #expect(jsch.map(\.verdict) == [.failure(attempts: 1), .sameAttempt])
        #expect(attempts(run(["Received disconnect from 192.0.2.1 port 1:3: com.jcraft.jsch.JSchException: Auth fail [preauth]"])) == 1)
    }

    @Test func keyProbesAndSuccessesAreNotFailures() {
        let seen = run(["Failed publickey for alice from 192.0.2.1 port 1 ssh2: RSA SHA256:abc",
                        "Accepted publickey for alice from 192.0.2.1 port 1 ssh2: ED25519 SHA256:def"])
        #expect(seen.map(\.verdict) == [.notAnAttempt, .success])
    }

    @Test func failedNoneIsTheMethodQueryOfTheSameAttempt() {
        let seen = run(["Invalid user x from 192.0.2.1 port 1",
                        "Failed none for invalid user x from 192.0.2.1 port 1 ssh2",
                        "Failed password for invalid user x from 192.0.2.1 port 1 ssh2"])
        #expect(seen.map(\.verdict) == [.sameAttempt, .sameAttempt, .failure(attempts: 1)])
        #expect(attempts(run(["Failed none for invalid user x from 192.0.2.1 port 1 ssh2"])) == 1)
    }

    @Test func anotherAddressUnderTheSamePidIsAnotherConnection() {
        let seen = run(["pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=192.0.2.1 ",
                        "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=192.0.2.2 "])
        #expect(seen.map(\.verdict) == [.failure(attempts: 1), .failure(attempts: 1)])
        let users = run(["Invalid user a from 192.0.2.1 port 1", "Invalid user b from 192.0.2.1 port 1"])
        #expect(attempts(users) == 2)
        let named = run(["Invalid user a from 192.0.2.1 port 1",
                         "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=client.example.net ",
                         "Failed password for invalid user a from 192.0.2.1 port 1 ssh2"])
        #expect(attempts(named) == 1, "pam names the same client by its DNS name")
    }

    @Test func linesWithoutPidCountOnTheirOwn() {
        let seen = run(["Nov 27 04:50:37 web1 sshd: Invalid user a from 192.0.2.1 port 1",
                        "Nov 27 04:50:37 web1 sshd: Failed password for invalid user a from 192.0.2.1 port 1 ssh2"])
        #expect(attempts(seen) == 2)
    }
}
