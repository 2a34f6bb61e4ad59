import Foundation
import Testing

/// A gzip member that fails its integrity check feeds nothing, and the members after it are still read
/// (issue #11). flip3.log.gz and crc3.log.gz, made by Tests/Scripts/make_hostile.py, hold three members:
/// 1: 10 failures of root from 203.0.113.40; 2: 68 failures of mallory from 198.51.100.99, damaged (a byte
/// flipped in its deflate data, so zlib stops part-way with a data error; or its CRC wrong); 3: 12 failures of
/// trent from 203.0.113.50.
@Suite(.serialized) struct DamagedGzipTests {
    /// Where members 2 and 3 start in both files.
    static func memberStarts(_ dir: URL) throws -> (second: Int, third: Int) {
        let text = try String(contentsOf: dir.appendingPathComponent("members3.txt"), encoding: .utf8)
        let numbers = text.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        try #require(numbers.count == 2)
        return (numbers[0], numbers[1])
    }

    /// The warning each file must give, after `member 2 (lines 11–`.
    static func expectedWarning(_ file: String, _ starts: (second: Int, third: Int)) -> (reason: String, resumed: String) {
        file == "crc3.log.gz"
            ? ("78) failed its integrity check (incorrect data check at compressed byte \(starts.third - 4))",
               "reading went on with the member at compressed byte \(starts.third)")
            : (") failed its integrity check (invalid ",
               "compressed bytes \(starts.second)–\(starts.third - 1) were skipped; reading went on with the member at byte \(starts.third)")
    }

    @Test(arguments: ["flip3.log.gz", "crc3.log.gz"]) func theReportCountsTheMembersAroundADamagedOne(file: String) throws {
        let dir = try HostileFilesTests.make()
        let starts = try Self.memberStarts(dir)
        let (run, _) = try HostileFilesTests.bounded(["--format", "json", "--top", "0", file], in: dir)
        #expect(run.status == 2)
        let report = try Harness.report(run)
        let sshd = try #require(report.sshd)
        #expect(sshd.attempts(user: "root") == 10, "member 1")
        #expect(sshd.attempts(user: "trent") == 12, "member 3, after the damaged one")
        #expect(sshd.attempts(ip: "203.0.113.50") == 12)
        #expect(sshd.attempts(user: "mallory") == nil && sshd.attempts(ip: "198.51.100.99") == nil, "member 2")
        #expect(sshd.failedAttempts == 22)
        let warning = try #require(report.inputs.warnings.first { $0.hasPrefix("\(file): gzip member 2 (lines 11–") })
        let expected = Self.expectedWarning(file, starts)
        #expect(warning.contains(expected.reason), "\(warning)")
        #expect(warning.contains("lines were not counted; " + expected.resumed), "\(warning)")
        #expect(report.inputs.warnings.count == 1)
        let text = try HostileFilesTests.bounded([file], in: dir).run
        #expect(text.status == 2)
        #expect(text.err.contains(warning))
    }

    @Test(arguments: ["flip3.log.gz", "crc3.log.gz"]) func eventsNameTheDamagedLinesAndGoOn(file: String) throws {
        let dir = try HostileFilesTests.make()
        let starts = try Self.memberStarts(dir)
        let run = try HostileFilesTests.bounded(["events", file], in: dir).run
        #expect(run.status == 2)
        let expected = Self.expectedWarning(file, starts)
        let warning = try #require(run.err.split(separator: "\n").first { $0.contains("\(file): gzip member 2 (lines 11–") })
        #expect(warning.contains(expected.reason))
        #expect(warning.contains("lines were printed above as they were read: treat them as damaged; " + expected.resumed))
        let events = try Harness.events(run)
        #expect(events.filter { $0["user"] as? String == "root" }.count == 10)
        #expect(events.filter { $0["user"] as? String == "trent" }.count == 12, "member 3 is printed too")
    }

    @Test(arguments: ["flip3.log.gz", "crc3.log.gz"]) func banCountsNoLineOfTheDamagedMember(file: String) throws {
        let dir = try HostileFilesTests.make()
        let run = try HostileFilesTests.bounded(["ban", "--format", "json", "--quiet", file], in: dir).run
        #expect(run.status == 2)
        let json = try #require(try JSONSerialization.jsonObject(with: run.outBytes) as? [String: Any])
        let bans = try #require(json["bans"] as? [[String: Any]]).compactMap { $0["target"] as? String }
        #expect(bans == ["203.0.113.40/32", "203.0.113.50/32"], "198.51.100.99 failed 68 times, all in member 2")
        #expect(run.err.contains("\(file): gzip member 2 (lines 11–"))
    }
}
