import Foundation
import LogscanCore
import Testing

/// User names that carry fake addresses, HTML, terminal escapes and invalid UTF-8.
@Suite struct HostileInputTests {
    @Test func addressesComeOnlyFromWhereSshdWritesThem() throws {
        let dir = try Harness.fixtures("hostile")
        let report = try Harness.report(try Harness.logscan(["--format", "json", "--top", "0", dir.path]))
        let sshd = try #require(report.sshd)
        #expect(sshd.ips.rows.map(\.ip) == ["203.0.113.66"])
        #expect(sshd.failedAttempts == 8)
        #expect(sshd.failedUsers == 8)
        #expect(sshd.users.rows.contains { $0.user == "x from 10.0.0.1 port 22" })
        #expect(sshd.users.rows.contains { $0.user == "x rhost=10.9.9.9" })
        #expect(sshd.probeSources.rows.map(\.ip) == ["203.0.113.66"],
                "a connection that closed without an attempt of its own is a probe, whatever its user name says")
    }

    @Test func textOutputHasNoRawControlBytes() throws {
        let dir = try Harness.fixtures("hostile")
        let run = try Harness.logscan(["--top", "0", "--detail", "high", dir.path])
        #expect(!run.outBytes.contains(0x1B))
        #expect(!run.outBytes.contains(0x07))
        #expect(run.out.contains("\\x1b[31mred\\x1b[0m"))
        #expect(run.out.contains("\\xff\\xfeadmin"))
        #expect(run.out.contains("x\\\\y"))
        #expect(run.out.contains("\\x1b]0;pwned\\x07"), "the unmatched sample is escaped too")
        for line in run.out.split(separator: "\n") { #expect(line.unicodeScalars.count <= 80, "\(line)") }
    }

    @Test func eventsStayValidJSONWithEscapedNames() throws {
        let dir = try Harness.fixtures("hostile")
        let run = try Harness.logscan(["events", "--unmatched", dir.path])
        #expect(!run.outBytes.contains(0x1B))
        let events = try Harness.events(run)
        #expect(events.count == 17 + 24, "auth.log's 17 lines and mail.log's 24")
        let users = Set(events.compactMap { $0["user"] as? String })
        #expect(users.contains("\\x1b[31mred\\x1b[0m"))
        #expect(users.contains("<script>alert(1)</script>"))
        #expect(Set(events.compactMap { $0["ip"] as? String }) == ["203.0.113.66", "203.0.113.77"])
    }

    /// What must never reach output raw: control characters (but the line ends), line and paragraph
    /// separators, bidirectional controls and invisible characters.
    static func forbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A: return false
        case 0..<0x20, 0x7F..<0xA0, 0x061C, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2069, 0xFEFF: return true
        default: return false
        }
    }

    @Test(arguments: [["--top", "0"], ["--format", "json", "--top", "0"], ["events", "--unmatched"]])
    func noServiceLetsRawControlOrInvisibleCharactersOut(arguments: [String]) throws {
        let dir = try Harness.fixtures("hostile")
        let run = try Harness.logscan(arguments + [dir.path])
        #expect(run.status == 0)
        let raw = String(decoding: run.outBytes, as: UTF8.self).unicodeScalars.filter(Self.forbidden)
        #expect(raw.isEmpty, "\(raw.map { String($0.value, radix: 16) })")
        #expect(!run.err.unicodeScalars.contains(where: Self.forbidden))
        for shown in [#"rtl\u{202e}gnp.exe"#, #"sep\u{2028}par\u{2029}"#, #"zero\u{200b}width\u{feff}"#, #"arabic\u{61c}mark"#,
                      #"a\x0db"#, #"\xc3(bad"#] {
            let isJSON = arguments.contains("json") || arguments.first == "events"
            let visible = isJSON ? run.out.replacingOccurrences(of: #"\\"#, with: #"\"#) : run.out
            #expect(visible.contains(shown), "\(shown)")
        }
        if arguments.first != "events" {
            let report = try Harness.logscan(["--format", "json", "--top", "0", dir.path])
            let decoded = try Harness.report(report)
            for service in [Service.postfix, .dovecot] {
                let section = try #require(decoded.services.first { $0.service == service })
                #expect(section.failedAttempts == 12)
                #expect(section.ips.rows.map(\.ip) == ["203.0.113.77"], "no address from a user name")
            }
        }
    }
}
