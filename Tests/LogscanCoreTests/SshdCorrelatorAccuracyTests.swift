import Testing
@testable import LogscanCore

/// Rules 2, 4 and 8 of `SshdCorrelator`: attempts seen only through PAM's records, through a limit marker,
/// or with their address on a later line.
extension SshdCorrelatorTests {
    @Test func aPrecursorWithoutAddressTakesTheAddressOfTheConnectionsClose() {
        let seen = run(["User ftp not allowed because account is locked",
                        "Connection closed by 192.0.2.5 port 5000 [preauth]"])
        #expect(seen.map(\.verdict) == [.failure(attempts: 1), .noise])
        #expect(seen[0].ip == "192.0.2.5")
        let disconnect = run(["User www-data not allowed because shell /usr/sbin/nologin does not exist",
                              "Received disconnect from 2001:db8::5 port 5000:11: Bye Bye [preauth]"])
        #expect(disconnect[0].verdict == .failure(attempts: 1))
        #expect(disconnect[0].ip == "2001:db8::5")
    }

    @Test func aPrecursorWithoutAddressStaysWithoutOneWhenNoLaterLineNamesIt() {
        let seen = run(["User ftp not allowed because account is locked"])
        #expect(seen.map(\.verdict) == [.failure(attempts: 1)])
        #expect(seen[0].ip == nil)
    }

    @Test func anotherConnectionsAddressIsNotTaken() {
        let seen = run(["User ftp not allowed because account is locked",
                        "Nov 27 04:50:38 web1 sshd[101]: Connection closed by 192.0.2.6 port 5000 [preauth]"])
        #expect(seen.first { $0.line == 1 }?.ip == nil)
    }

    @Test func eachPamUnixFailureWithoutFailedLinesIsAnAttempt() {
        let pam = "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=192.0.2.7  user=root"
        let seen = run([pam, pam, pam, "Connection closed by authenticating user root 192.0.2.7 port 5000 [preauth]"])
        #expect(attempts(seen) == 3)
        #expect(seen.prefix(3).map(\.verdict) == Array(repeating: .failure(attempts: 1), count: 3))
    }

    @Test func invalidUserWithTwoPamFailuresIsTwoAttempts() {
        let pam = "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=192.0.2.8 "
        let seen = run(["Invalid user oracle from 192.0.2.8 port 5000", pam, pam,
                        "Connection closed by invalid user oracle 192.0.2.8 port 5000 [preauth]"])
        #expect(attempts(seen) == 2)
        #expect(seen[0].verdict == .sameAttempt, "written once per connection, it reports one of the two")
    }

    @Test func copiesOfAOncePerConnectionLineAddNoAttempt() {
        let line = "Invalid user hadoop from 192.0.2.15 port 5000"
        #expect(attempts(run([line, line, line])) == 1, "sshd writes `Invalid user` once per connection")
        #expect(attempts(run(["message repeated 3 times: [ " + line + "]"])) == 3, "syslog's count stays")
    }

    @Test func pamUnixFailuresWithTheirFailedLinesStayOneAttemptEach() {
        let pam = "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=192.0.2.9  user=root"
        let seen = run([pam, "Failed password for root from 192.0.2.9 port 5000 ssh2",
                        pam, "Failed password for root from 192.0.2.9 port 5000 ssh2"])
        #expect(attempts(seen) == 2)
    }

    @Test func aLimitMarkerOnASilentConnectionCountsOneAttempt() {
        let seen = run(["error: maximum authentication attempts exceeded for root from 192.0.2.10 port 5000 ssh2 [preauth]",
                        "Disconnecting authenticating user root 192.0.2.10 port 5000: Too many authentication failures [preauth]"])
        #expect(seen.map(\.verdict) == [.failure(attempts: 1), .notAnAttempt])
        #expect(seen[0].ip == "192.0.2.10")
        let tooMany = run(["Disconnecting invalid user pi 192.0.2.11 port 5000: Too many authentication failures [preauth]"])
        #expect(tooMany.map(\.verdict) == [.failure(attempts: 1)])
    }

    @Test func aLimitMarkerAfterLoggedFailuresOrRefusedKeysOnlyMarks() {
        let failed = run(["Failed password for root from 192.0.2.12 port 5000 ssh2",
                          "error: maximum authentication attempts exceeded for root from 192.0.2.12 port 5000 ssh2 [preauth]"])
        #expect(failed.map(\.verdict) == [.failure(attempts: 1), .notAnAttempt])
        let keys = run(["Failed publickey for alice from 192.0.2.13 port 5000 ssh2: ED25519 SHA256:bm90LWEta2V5",
                        "error: maximum authentication attempts exceeded for alice from 192.0.2.13 port 5000 ssh2 [preauth]"])
        #expect(keys.map(\.verdict) == [.notAnAttempt, .notAnAttempt], "a user with many keys is not an attacker")
        let invalid = run(["Invalid user pi from 192.0.2.14 port 5000",
                           "error: maximum authentication attempts exceeded for invalid user pi from 192.0.2.14 port 5000 ssh2 [preauth]"])
        #expect(attempts(invalid) == 1, "the held precursor counts; the marker does not add one")
    }
}
