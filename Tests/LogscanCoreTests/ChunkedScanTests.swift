import Foundation
import Testing
@testable import LogscanCore

/// A large plain file is read in chunks by both cores; the lines around each chunk feed the correlators
/// only, so the report must be the same as reading the file whole, whatever the cuts split.
@Suite struct ChunkedScanTests {
    /// The fixture logs of every service, one after another, in one plain file.
    func combinedFixture() throws -> InputSource {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures")
        var data = Data()
        for name in ["debian/auth.log.1", "debian/auth.log", "mail/mail.log.1", "mail/mail.log", "hostile/auth.log",
                     "rfc3339/auth.log"] {
            data.append(try Data(contentsOf: root.appendingPathComponent(name)))
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("logscan-chunks-\(UUID().uuidString).log")
        try data.write(to: path)
        return InputSource(path: path.path, kind: .file, size: Int64(data.count), modified: Instant(seconds: 1_795_800_000))
    }

    func report(_ source: InputSource, chunkBytes: Int64?) -> Report {
        let chunking = chunkBytes.map { (Int64(1), $0) } ?? (Int64.max, Int64.max)
        let scanner = Scanner(range: .everything, zone: .utc, chunking: chunking)
        var plan = InputPlan()
        plan.inputs = [source]
        let (aggregate, run) = scanner.aggregate(plan)
        return ReportBuilder(top: 0).build(aggregate, run: run, generatedAt: Instant(seconds: 0))
    }

    @Test(arguments: [Int64(700), 2_000, 5_000])
    func chunksGiveTheSameReportAsTheWholeFile(chunkBytes: Int64) throws {
        let source = try combinedFixture()
        let whole = report(source, chunkBytes: nil)
        let chunked = report(source, chunkBytes: chunkBytes)
        #expect(FileChunks.boundaries(of: source, chunkBytes: chunkBytes, minimumFileBytes: 1)!.count > 3)
        #expect(chunked.inputs.files.count == 1)
        #expect(chunked.inputs.totalLines == whole.inputs.totalLines)
        #expect(chunked.inputs.files[0].stats == whole.inputs.files[0].stats)
        #expect(whole.services.map(\.failedAttempts).reduce(0, +) > 0)
        #expect(whole.services.map(\.failedAttempts) == whole.services.map(\.failedAttempts).sorted(by: >),
                "services come most attacked first")
        for (a, b) in zip(whole.services, chunked.services) {
            #expect(a.service == b.service)
            #expect(a.failedAttempts == b.failedAttempts, "\(a.service)")
            #expect(a.probes == b.probes, "\(a.service)")
            #expect(a.successfulLogins == b.successfulLogins, "\(a.service)")
            #expect(a.ips.rows.map { "\($0.ip)=\($0.attempts)" } == b.ips.rows.map { "\($0.ip)=\($0.attempts)" })
            #expect(a.users.rows.map { "\($0.user)=\($0.attempts)" } == b.users.rows.map { "\($0.user)=\($0.attempts)" })
            #expect(a.traffic?.received == b.traffic?.received)
            #expect(a.unmatched.count == b.unmatched.count)
            #expect(a.failuresOverTime?.counts == b.failuresOverTime?.counts, "the histogram merges like the counts")
            #expect(a.failuresOverTime?.counts.reduce(0, +) == a.failedAttempts, "\(a.service): every timed failure is charted")
        }
    }
}
