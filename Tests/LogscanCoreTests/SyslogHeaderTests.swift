import Testing
@testable import LogscanCore

@Suite struct SyslogHeaderTests {
    struct Fields: Equatable, CustomStringConvertible {
        var time: Instant?
        var host: String
        var program: String
        var pid: Int32
        var message: String
        var repeatCount: Int
        var description: String { "\(String(describing: time)) '\(host)' '\(program)'[\(pid)] '\(message)' x\(repeatCount)" }
    }

    /// 2026-11-27T12:00:00Z, the file's mtime.
    static let reference = Instant(seconds: CivilDate.days(year: 2026, month: 11, day: 27) * 86_400 + 12 * 3600)
    /// 2026-11-27T04:50:37Z, the stamp used in most lines.
    static let stamp = Instant(seconds: CivilDate.days(year: 2026, month: 11, day: 27) * 86_400 + 17_437)

    func parse(_ text: String) -> Fields {
        var times = TimeResolver(zone: .utc, reference: Self.reference)
        return Bytes.with(text) { bytes in
            let line = SyslogHeaderParser.parse(bytes, times: &times)
            return Fields(time: line.time, host: line.host.string, program: line.program.string, pid: line.pid,
                          message: line.message.string, repeatCount: line.repeatCount)
        }
    }

    @Test(arguments: [
        ("Nov 27 04:50:37 web1 sshd[4211]: Accepted publickey for bob", "web1", "sshd", Int32(4211),
         "Accepted publickey for bob"),
        ("Nov 27 04:50:37 web1 sshd-session[1]: Connection closed", "web1", "sshd-session", 1, "Connection closed"),
        ("Nov 27 04:50:37 mx postfix/submission/smtpd[9]: connect from x", "mx", "postfix/submission/smtpd", 9,
         "connect from x"),
        ("Nov 27 04:50:37 web1 sshd(pam_unix)[20882]: session opened", "web1", "sshd(pam_unix)", 20882,
         "session opened"),
        ("Nov 27 04:50:37 web1 kernel: [ 1.0] eth0: link up", "web1", "kernel", -1, "eth0: link up"),
        ("Nov 27 04:50:37 sshd[1]: Server listening", "", "sshd", 1, "Server listening"),
        ("Nov 27 04:50:37 web1 sshd[4211]:", "web1", "sshd", 4211, ""),
    ])
    func classicHeaders(line: String, host: String, program: String, pid: Int32, message: String) {
        #expect(parse(line) == Fields(time: Self.stamp, host: host, program: program, pid: pid, message: message,
                                      repeatCount: 1))
    }

    @Test func classicHeaderWithPaddedDay() {
        let fields = parse("Nov  7 04:50:37 web1 sshd[2]: hello")
        let expected = Instant(seconds: CivilDate.days(year: 2026, month: 11, day: 7) * 86_400 + 17_437)
        #expect(fields == Fields(time: expected, host: "web1", program: "sshd", pid: 2, message: "hello",
                                 repeatCount: 1))
    }

    @Test func untimedLine() {
        #expect(parse("web1 sshd[1]: Invalid user admin") == Fields(
            time: nil, host: "web1", program: "sshd", pid: 1, message: "Invalid user admin", repeatCount: 1))
        #expect(parse("sshd[7]: Invalid user admin") == Fields(
            time: nil, host: "", program: "sshd", pid: 7, message: "Invalid user admin", repeatCount: 1))
    }

    @Test func bareMessageHasNoTag() {
        let text = "Failed password for root from 1.2.3.4 port 22 ssh2"
        let fields = parse(text)
        #expect(fields == Fields(time: nil, host: "", program: "", pid: -1, message: text, repeatCount: 1))
        var times = TimeResolver(zone: .utc, reference: Self.reference)
        #expect(Bytes.with(text) { SyslogHeaderParser.parse($0, times: &times).hasTag } == false)
    }

    @Test func bareMessageAfterStamp() {
        #expect(parse("Nov 27 04:50:37 Failed password for root from 1.2.3.4 port 22 ssh2") == Fields(
            time: Self.stamp, host: "", program: "", pid: -1,
            message: "Failed password for root from 1.2.3.4 port 22 ssh2", repeatCount: 1))
    }

    @Test func messageRepeatedIsUnwrapped() {
        let line = "Nov 27 04:50:37 web1 sshd[4211]: message repeated 5 times: [ Failed password for root from"
            + " 1.2.3.4 port 22 ssh2]"
        #expect(parse(line) == Fields(time: Self.stamp, host: "web1", program: "sshd", pid: 4211,
                                      message: "Failed password for root from 1.2.3.4 port 22 ssh2", repeatCount: 5))
    }

    @Test(arguments: [
        "Nov 27 04:50:37 web1 sshd[4211]: message repeated five times: [ x]",
        "Nov 27 04:50:37 web1 sshd[4211]: message repeated 5 times: [ x",
        "Nov 27 04:50:37 web1 sshd[4211]: message repeated 5 times [ x]",
    ])
    func malformedRepeatIsLeftAlone(line: String) {
        let fields = parse(line)
        #expect(fields.repeatCount == 1)
        #expect(fields.message == String(line.dropFirst("Nov 27 04:50:37 web1 sshd[4211]: ".count)))
    }

    @Test func rfc3339Header() {
        let fields = parse("2026-11-27T05:50:37.250000+01:00 web1 sshd[4211]: Accepted password for bob")
        #expect(fields == Fields(time: Instant(micros: Self.stamp.micros + 250_000), host: "web1", program: "sshd",
                                 pid: 4211, message: "Accepted password for bob", repeatCount: 1))
    }

    @Test func isoHeaderWithSpaceAndNoOffset() {
        let fields = parse("2026-11-27 04:50:37 web1 CRON[12]: (root) CMD (true)")
        #expect(fields == Fields(time: Self.stamp, host: "web1", program: "CRON", pid: 12,
                                 message: "(root) CMD (true)", repeatCount: 1))
    }
}
