import Foundation
import Testing
@testable import LogscanCore
@testable import LogscanRender

/// Text and HTML reports write a table the report streams (`LazyRows`, 256 rows or more) row by row in the
/// place the template gives it: the bytes must be those of the same report with its rows stored, at every
/// detail level; and the email's quoted-printable parts are encoded line by line as they are written.
@Suite struct StreamedReportTests {
    /// 300 addresses failing with 300 user names (ranked by varied counts), 300 logins, 300 probes.
    static let log: URL = {
        var text = ""
        for i in 0..<300 {
            let address = "10.\(i % 3).\(i / 7).\(i % 251)"
            for repeat_ in 0...(i % 5) {
                text += "Nov 27 04:\(10 + i % 50):0\(repeat_) web1 sshd[\(1000 + i)]: Failed password for invalid user "
                    + "u\(i)-<b>&x from \(address) port 4000 ssh2\n"
            }
            text += "Nov 27 05:00:00 web1 sshd[\(2000 + i)]: Accepted password for user\(i) from 10.9.\(i / 200).\(i % 200) port 22 ssh2\n"
            text += "Nov 27 06:00:00 web1 sshd[\(3000 + i)]: Did not receive identification string from 10.8.\(i / 200).\(i % 200) port 61000\n"
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("logscan-streamed-\(UUID().uuidString).log")
        try! text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }()

    static func report(streamed: Bool) -> Report {
        let size = (try? FileManager.default.attributesOfItem(atPath: log.path)[.size] as? Int) ?? 0
        let source = InputSource(path: log.path, kind: .file, size: Int64(size), modified: Instant(seconds: 1_795_800_000))
        var plan = InputPlan()
        plan.inputs = [source]
        let (aggregate, run) = Scanner(range: .everything, zone: .utc).aggregate(plan)
        var builder = ReportBuilder(top: 0)
        builder.streamsRows = streamed
        return builder.build(aggregate, run: run, generatedAt: Instant(seconds: 1_795_800_000))
    }

    @Test(arguments: RenderOptions.Detail.allCases)
    func streamedTablesGiveTheBytesOfStoredOnes(detail: RenderOptions.Detail) throws {
        let stored = Self.report(streamed: false), streamed = Self.report(streamed: true)
        let sshd = try #require(streamed.services.first)
        #expect(sshd.ips.streamsRows && sshd.users.streamsRows && sshd.logins.streamsRows && sshd.probeSources.streamsRows)
        #expect(sshd.ips.shownRows.count == 300 && stored.services.first?.ips.rows.count == 300)
        for wide in [false, true] {
            let options = RenderOptions(zone: .utc, detail: detail, wide: wide)
            let text = TextRenderer(options: options).render(streamed)
            #expect(text == TextRenderer(options: options).render(stored))
            #expect(!text.utf8.contains(0), "no placeholder is left")
        }
        let html = HTMLRenderer(options: RenderOptions(zone: .utc, detail: detail)).render(streamed)
        #expect(html == HTMLRenderer(options: RenderOptions(zone: .utc, detail: detail)).render(stored))
        if detail != .low {
            #expect(!html.contains("<b>") && html.contains("u299-&lt;b&gt;&amp;x"), "streamed rows are escaped")
            #expect(html.components(separatedBy: "<td style=\"border-bottom:1px solid #e4e7eb;font-family:monospace;white-space:nowrap;\">10.8.").count == 301)
        }
    }

    @Test func quotedPrintableStreamEqualsTheWholeEncoding() {
        for text in ["", "\n", "a\n\nb", "a\r\nb\n", String(repeating: "é=. x", count: 80) + "\nFrom me\n", "tail \t"] {
            for chunk in [1, 3, 7, 1000] {
                let out = StringSink()
                let sink = QuotedPrintableSink(to: out)
                var rest = Substring(text)
                while !rest.isEmpty {
                    sink.append(string: String(rest.prefix(chunk)))
                    rest = rest.dropFirst(chunk)
                }
                sink.finish()
                var whole = QuotedPrintable.encode(text)
                if !whole.hasSuffix("\n") { whole += "\n" }
                #expect(out.text == whole, "\(text.debugDescription) in chunks of \(chunk)")
            }
        }
    }
}
