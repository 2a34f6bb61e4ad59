import Foundation
import Testing

/// The text report's pictures and options: sparklines and bars within 80 columns, ASCII when the locale
/// is not UTF-8, --wide, --detail, --template-dir.
@Suite struct TextReportTests {
    func text(_ sets: [String], _ extra: [String] = [], environment: [String: String] = ["LANG": "C.UTF-8"]) throws -> Harness.Run {
        let dirs = try sets.map { try Harness.fixtures($0).path }
        return try Harness.logscan(extra + dirs, environment: environment)
    }

    @Test func sparklinesAndBarsFit80Columns() throws {
        let run = try text(["debian", "mail"], ["--detail", "high"])
        #expect(run.out.contains("Failed attempts per "))
        #expect(run.out.contains("█"))
        for line in run.out.split(separator: "\n") { #expect(line.unicodeScalars.count <= 80, "\(line)") }
    }

    @Test func asciiWhenTheLocaleIsNotUTF8OrAsked() throws {
        for run in [try text(["debian"], environment: ["LANG": "C", "LC_ALL": ""]), try text(["debian"], ["--ascii"])] {
            #expect(!run.out.contains(where: { "▁▂▃▄▅▆▇█▏▎▍▌▋▊▉".contains($0) }))
            #expect(run.out.contains("########"), "the longest bar")
        }
    }

    @Test func wideKeepsReasonsWhole() throws {
        let cut = try text(["mail"])
        let wide = try text(["mail"], ["--wide"])
        let reason = "host mx.example.com[198.51.100.31] said: 550 5.1.1 User unknown (in reply to RCPT TO command)"
        #expect(!cut.out.contains(reason))
        #expect(wide.out.contains(reason))
    }

    @Test func smallFixes() throws {
        let mail = try text(["mail"]).out
        #expect(mail.contains("1 delivery"))
        #expect(mail.contains("- = no user logged"))
        let row = try #require(mail.split(separator: "\n").first { $0.hasPrefix("  203.0.113.10 ") && $0.contains("11-24 02:00") })
        #expect(row.hasSuffix("  -"), "no empty Top users cell and no Users 0: \(row)")
        let debian = try text(["debian"], environment: ["LANG": "C.UTF-8", "TZ": "Europe/Berlin"]).out
        #expect(debian.contains("(times in Europe/Berlin)"))
        let hostile = try text(["hostile"]).out
        #expect(hostile.contains("2 files, 41 lines"))
        #expect(hostile.contains("Exists: yes = a valid account"))
    }

    @Test func detailLevels() throws {
        let low = try text(["mail"], ["--detail", "low"]).out
        #expect(low.contains("POSSIBLE COMPROMISE"))
        #expect(low.contains("Top offending IPs"))
        #expect(!low.contains("Top failing IPs"))
        #expect(low.contains("Failed attempts: 30"))
        let high = try text(["hostile"], ["--detail", "high"]).out
        #expect(high.contains("Users tried per IP"))
        #expect(high.contains("\\x1b]0;pwned"))
        #expect(!(try text(["hostile"]).out.contains("\\x1b]0;pwned")), "samples only at --detail high")
    }

    @Test func templateDirOverridesAndReportsErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("logscan-tpl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let template = dir.appendingPathComponent("text.mustache")
        try "{{% CONTENT_TYPE: TEXT}}\nACME report in {{zone}}\n{{#services}}{{heading}}\n{{/services}}".write(
            to: template, atomically: true, encoding: .utf8)
        let custom = try text(["debian"], ["--template-dir", dir.path])
        #expect(custom.out.hasPrefix("ACME report in UTC\n== sshd"))
        try "line one\n{{#services}}\n{{/nope}}\n".write(to: template, atomically: true, encoding: .utf8)
        let broken = try text(["debian"], ["--template-dir", dir.path])
        #expect(broken.status == 1)
        #expect(broken.err.contains("text.mustache:3:"), "\(broken.err)")
        #expect(broken.out.isEmpty)
    }
}
