import Foundation
import Testing
@testable import LogscanCore

/// `ReportBuilder.crossServiceOffenders` keeps only a short list of candidates while it walks the addresses
/// (pruned to the best `top` when it doubles, and an address below the `top`th best total not kept): its
/// first rows and its `more` must be those of the full ranking (`--top 0`), ties included.
@Suite struct OffenderRankingTests {
    @Test func prunedOffendersAreTheFullRankingsFirstRows() throws {
        var text = ""
        for i in 0..<700 {
            // Totals of 1 to 4, some addresses failing against both services: ties larger than the kept list
            // (117 addresses of 4), coming out of address order, so a tie with the kept list's last can rank
            // above it.
            let address = "10.1.\(i * 389 % 700 / 200).\(i * 389 % 700 % 200)"
            for attempt in 0..<(i % 2 * 2 + 1) {
                text += "Nov 27 04:\(10 + attempt % 50):00 web1 sshd[\(1000 + i)]: Failed password for invalid user u\(attempt) from \(address) port 4000 ssh2\n"
            }
            if i % 3 == 0 {
                text += "Nov 27 04:00:00 mx1 postfix/smtpd[\(6000 + i)]: warning: unknown[\(address)]: SASL LOGIN authentication failed: UGFzc3dvcmQ6\n"
            }
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("logscan-offenders-\(UUID().uuidString).log").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { unlink(path) }
        let all = JSONWriterTests.report(paths: [path], top: 0, streamed: false).offenders
        #expect(all.rows.count == 700)
        for top in [1, 10, 50] {
            let some = JSONWriterTests.report(paths: [path], top: top, streamed: false).offenders
            let expected = all.rows.prefix(top)
            #expect(some.rows.map(\.ip) == expected.map(\.ip), "top \(top)")
            #expect(some.rows.map(\.attempts) == expected.map(\.attempts), "top \(top)")
            #expect(some.rows.map { $0.services.map(\.attempts) } == expected.map { $0.services.map(\.attempts) })
            #expect(some.more == 700 - top)
        }
    }
}
