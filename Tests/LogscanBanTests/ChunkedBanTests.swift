import Foundation
import Testing
@testable import LogscanBan
@testable import LogscanCore

/// A large plain file is cut into chunks read in parallel; the attempt windows merged from the chunks must
/// give the plan a whole-file read gives, wherever the cuts fall (between the attempts of one address, too).
@Suite struct ChunkedBanTests {
    func combinedBanFixture() throws -> InputSource {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/ban")
        var data = try Data(contentsOf: root.appendingPathComponent("auth.log.1"))
        data.append(try Data(contentsOf: root.appendingPathComponent("auth.log")))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("logscan-ban-chunks-\(UUID().uuidString).log")
        try data.write(to: path)
        return InputSource(path: path.path, kind: .file, size: Int64(data.count), modified: Instant(seconds: 1_795_800_000))
    }

    func bans(_ source: InputSource, chunkBytes: Int64?) -> [String] {
        let chunking = chunkBytes.map { (Int64(1), $0) } ?? (Int64.max, Int64.max)
        var plan = InputPlan()
        plan.inputs = [source]
        let policy = BanPolicy()
        let (tally, run) = Scanner(range: .everything, zone: .utc, chunking: chunking)
            .aggregate(plan) { BanTally(policy: policy, zone: $0) }
        return BanPlanner(policy: policy, allowList: AllowList()).plan(tally, run: run).bans.map(\.target)
    }

    @Test(arguments: [Int64(150), 333, 1_000, 4_000])
    func chunksGiveTheWholeFilePlan(chunkBytes: Int64) throws {
        let source = try combinedBanFixture()
        let whole = bans(source, chunkBytes: nil)
        #expect(whole.contains("198.51.100.20/32"), "3 + 3 attempts across the two days")
        #expect(whole.contains("198.51.100.21/32") && !whole.contains("198.51.100.22/32"))
        #expect(FileChunks.boundaries(of: source, chunkBytes: chunkBytes, minimumFileBytes: 1)!.count > 5)
        #expect(bans(source, chunkBytes: chunkBytes) == whole)
    }
}
