import Testing
@testable import LogscanCore

/// The less common header shapes (`HeaderVariants`), and the trailing blanks every message loses.
extension SyslogHeaderTests {
    @Test(arguments: [
        // syslog-ng / BSD syslogd with the facility and level before the tag.
        ("Nov 27 04:50:37 gw1 auth.info sshd[31]: Failed password for root from 192.0.2.9 port 22 ssh2", "gw1",
         "sshd", Int32(31), "Failed password for root from 192.0.2.9 port 22 ssh2"),
        ("Nov 27 04:50:37 gw1 authpriv.notice sshd[31]: Invalid user a from 192.0.2.9", "gw1", "sshd", 31,
         "Invalid user a from 192.0.2.9"),
        // A bracketed tag with no pid and no host.
        ("Nov 27 04:50:37 [sshd]: Invalid user a from 192.0.2.9", "", "sshd", -1, "Invalid user a from 192.0.2.9"),
        // A kernel-style uptime stamp in front of the message.
        ("Nov 27 04:50:37 box sshd[4]: [  970.699396] Invalid user a from 192.0.2.9", "box", "sshd", 4,
         "Invalid user a from 192.0.2.9"),
        // Dovecot's own log file: no host, no syslog tag, and in 1.x the level before the process.
        ("Nov 27 04:50:37 imap-login: Info: Login: user=<amy>, rip=192.0.2.9, lip=192.0.2.1", "", "imap-login", -1,
         "Info: Login: user=<amy>, rip=192.0.2.9, lip=192.0.2.1"),
        ("Nov 27 04:50:37 Info: auth(default): passwd-file(bob,192.0.2.9): unknown user", "", "auth(default)", -1,
         "passwd-file(bob,192.0.2.9): unknown user"),
        // Trailing blanks, tabs and a carriage return.
        ("Nov 27 04:50:37 web1 sshd[4211]: Invalid user a from 192.0.2.9  \t\r", "web1", "sshd", 4211,
         "Invalid user a from 192.0.2.9"),
    ])
    func variantHeaders(line: String, host: String, program: String, pid: Int32, message: String) {
        #expect(parse(line) == Fields(time: Self.stamp, host: host, program: program, pid: pid, message: message,
                                      repeatCount: 1))
    }

    @Test(arguments: [
        // Not a facility.level (upper case, no dot, digits), not an uptime stamp, not a bracketed tag.
        ("Nov 27 04:50:37 gw1 AUTH.INFO sshd[31]: x", "", "", Int32(-1), "gw1 AUTH.INFO sshd[31]: x"),
        ("Nov 27 04:50:37 gw1 auth1.info sshd[31]: x", "", "", -1, "gw1 auth1.info sshd[31]: x"),
        ("Nov 27 04:50:37 box sshd[4]: [ 970] x", "box", "sshd", 4, "[ 970] x"),
        ("Nov 27 04:50:37 box sshd[4]: [ID 1 auth.notice]x", "box", "sshd", 4, "[ID 1 auth.notice]x"),
        ("Nov 27 04:50:37 [12]: x", "", "", -1, "[12]: x"),
        ("Nov 27 04:50:37 [::1]: x", "", "", -1, "[::1]: x"),
        ("Nov 27 04:50:37 Info: x", "", "Info", -1, "x"),
    ])
    func variantLookalikesAreLeftAlone(line: String, host: String, program: String, pid: Int32, message: String) {
        #expect(parse(line) == Fields(time: Self.stamp, host: host, program: program, pid: pid, message: message,
                                      repeatCount: 1))
    }

    @Test func tai64nStamp() {
        let fields = parse("@400000006b090c270ee6b280 sshd[9]: Invalid user a from 192.0.2.9")
        #expect(fields == Fields(time: Instant(micros: Self.stamp.micros + 250_000), host: "", program: "sshd",
                                 pid: 9, message: "Invalid user a from 192.0.2.9", repeatCount: 1))
        #expect(parse("@40000000xb090c270ee6b280 sshd[9]: x").time == nil, "not hex")
        #expect(parse("@400000006b090c27 sshd[9]: x").time == nil, "too short")
    }

    @Test func rfc5424WithThePidAsProcID() {
        let fields = parse("<35>1 2026-11-26T23:50:37.000-05:00 fw1 sshd 86784 - - Invalid user a from 192.0.2.9 ")
        #expect(fields == Fields(time: Self.stamp, host: "fw1", program: "sshd", pid: 86784,
                                 message: "Invalid user a from 192.0.2.9", repeatCount: 1))
    }

    @Test func repeatedMessageWithTrailingBlank() {
        let fields = parse("Nov 27 04:50:37 web1 sshd[4211]: message repeated 2 times: [ Invalid user a from 192.0.2.9] ")
        #expect(fields.repeatCount == 2)
        #expect(fields.message == "Invalid user a from 192.0.2.9")
    }
}
