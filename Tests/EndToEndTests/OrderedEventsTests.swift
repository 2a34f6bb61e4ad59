import Foundation
import Testing

/// `logscan events` reads files and chunks of large files on every core and writes them in input order:
/// the output must not depend on how the files are cut, and every event must name its own line.
@Suite struct OrderedEventsTests {
    @Test func chunkedOutputEqualsWholeFilesAndNamesTheRightLines() throws {
        let debian = try Harness.fixtures("debian", mtimes: DebianSetTests.mtimes)
        let mail = try Harness.fixtures("mail")
        let arguments = ["events", "--unmatched", "--quiet", debian.path, mail.path]
        let whole = try Harness.logscan(arguments)
        #expect(!whole.out.isEmpty)
        for chunk in ["300", "1000", "4096"] {
            let cut = try Harness.logscan(arguments, environment: ["LOGSCAN_CHUNK_BYTES": chunk])
            #expect(cut.out == whole.out, "chunks of \(chunk) bytes")
        }
        // Chunks of 300 bytes cut the plain files in dozens of parts: each event's line number points at a
        // line holding its address.
        let events = try Harness.events(try Harness.logscan(arguments, environment: ["LOGSCAN_CHUNK_BYTES": "300"]))
        var checked = 0
        for name in ["auth.log", "auth.log.1"] {
            let path = debian.appendingPathComponent(name).path
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            for event in events where event["file"] as? String == path {
                let number = try #require(event["line"] as? Int)
                guard let ip = event["ip"] as? String, !ip.contains(":") else { continue }
                #expect(lines[number - 1].contains(ip), "\(name):\(number) should hold \(ip)")
                checked += 1
            }
        }
        #expect(checked > 50)
    }
}
