import Foundation
import Testing
@testable import LogscanCore
@testable import LogscanRender

/// `--format json` is written by our own encoder (`JSONTreeEncoder`, `PrettyJSONWriter`); Foundation's
/// `JSONEncoder` with `.prettyPrinted, .sortedKeys, .withoutEscapingSlashes`, which wrote it before, is the
/// oracle here: the bytes must be its bytes, on real reports and on hostile values.
@Suite struct JSONWriterTests {
    static func oracle<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// What `write` puts in an `OutputBuffer`, read back from the file it wrote to.
    static func written(_ write: (OutputBuffer) throws -> Void) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("logscan-json-\(UUID().uuidString)").path
        let fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0o600)
        try #require(fd >= 0)
        defer { unlink(path) }
        let output = OutputBuffer(fd: fd)
        try write(output)
        output.flush()
        close(fd)
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    static func ours<T: Encodable>(_ value: T, shortcuts: Bool = true) throws -> String {
        try written { try JSONRenderer.write(JSONTreeEncoder.tree(value, shortcuts: shortcuts), deferred: [], to: $0) }
    }

    static func report(paths: [String], top: Int, streamed: Bool) -> Report {
        let plan = InputDiscovery.plan(paths: paths, since: nil)
        let (aggregate, run) = Scanner(range: .everything, zone: .utc).aggregate(plan)
        var builder = ReportBuilder(top: top)
        builder.streamsRows = streamed
        return builder.build(aggregate, run: run, generatedAt: Instant(micros: 1_795_800_000_123_456))
    }

    static func fixture(_ set: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(set).path
    }

    @Test(arguments: ["debian", "mail", "hostile", "newyear", "rfc3339", "ban", "journal"], [0, 10])
    func fixtureReportsAreJSONEncodersBytes(set: String, top: Int) throws {
        let report = Self.report(paths: [Self.fixture(set)], top: top, streamed: false)
        let json = try Self.written { try JSONRenderer.write(report, to: $0) }
        #expect(json == (try Self.oracle(report)))
        #expect(json == (try Self.ours(report, shortcuts: false)), "the shortcuts give the general path's bytes")
    }

    /// A flood: 600 addresses failing against sshd (with user names) and postfix (without), logins and
    /// probes, every table streamed (`--top 0`). The rows are JSONEncoder's bytes, but for one thing kept from
    /// the writer before: an empty array inside a streamed row (a postfix address's `topUsers`) has the row's
    /// indentation on its empty line.
    @Test func streamedRowsAreTheStoredRowsBytes() throws {
        var text = ""
        for i in 0..<600 {
            let address = "10.\(i % 3).\(i / 7).\(i % 251)"
            text += "Nov 27 04:\(10 + i % 50):00 web1 sshd[\(1000 + i)]: Failed password for invalid user u\(i)\"\\/é from \(address) port 4000 ssh2\n"
            text += "Nov 27 04:00:00 mx1 postfix/smtpd[\(6000 + i)]: warning: unknown[10.7.\(i / 200).\(i % 200)]: SASL LOGIN authentication failed: UGFzc3dvcmQ6\n"
            text += "Nov 27 05:00:00 web1 sshd[\(2000 + i)]: Accepted password for user\(i) from 10.9.\(i / 200).\(i % 200) port 22 ssh2\n"
            text += "Nov 27 06:00:00 web1 sshd[\(3000 + i)]: Did not receive identification string from 10.8.\(i / 200).\(i % 200) port 61000\n"
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("logscan-flood-\(UUID().uuidString).log").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { unlink(path) }
        let streamed = Self.report(paths: [path], top: 0, streamed: true)
        let stored = Self.report(paths: [path], top: 0, streamed: false)
        #expect(streamed.services.count == 2 && streamed.services.allSatisfy { $0.ips.streamsRows })
        let json = try Self.written { try JSONRenderer.write(streamed, to: $0) }
        let lines = json.split(separator: "\n", omittingEmptySubsequences: false)
        let blankInRows = lines.filter { !$0.isEmpty && $0.allSatisfy { $0 == " " } }
        #expect(blankInRows.count == 600 && Set(blankInRows.map(\.count)).count == 1, "each postfix row's empty topUsers")
        let normalised = lines.map { $0.allSatisfy { $0 == " " } ? "" : $0 }.joined(separator: "\n")
        #expect(normalised == (try Self.oracle(stored)))
        #expect(!json.utf8.contains(0) && !json.contains("deferred-rows"), "no placeholder is left")
    }

    @Test func hostileValuesAreEscapedAndNumberedAsJSONEncoderDoes() throws {
        let invalid: [UInt8] = [0x61, 0xFF, 0xC3, 0x28, 0xE2, 0x82, 0x0A, 0x1B, 0x5B, 0x33, 0x31, 0x6D, 0xED, 0xA0, 0x80]
        let controls = String(decoding: (0..<0x80).map { UInt8($0) }, as: UTF8.self)
        let values = Hostile(
            strings: [controls, "\"quoted\" \\back\\slash / slash </script>", "é 日本 🚀 \u{200B}\u{FEFF}", "",
                      invalid.withUnsafeBufferPointer { SafeText.from($0) }, String(repeating: "x\u{7}", count: 5000)],
            numbers: [0, 1, -1, 9, 10, 99, 100, 12_345, Int.max, Int.min, Int.max - 1],
            saturated: Int.max, unsigned: [0, UInt64(Int.max), UInt64(Int.max) + 1, UInt64.max],
            small: [Int8.min, -1, Int8.max], doubles: [0, 1.5, -2.25, 1e20, 0.1, 123_456_789.125, Double(Float(0.3))],
            flags: [true, false], missing: nil, present: "here", empty: [], emptyObject: Empty(),
            nested: [[], [[]], [["a"]]], byKey: ["b": 1, "B": 2, "a": 3, "é": 4, "ab": 5, "a\u{0}": 6, "": 7, "Z/": 8],
            times: [Instant(micros: 0), Instant(micros: 1_795_800_000_000_001), Instant(micros: -1),
                    Instant(seconds: 253_402_300_800), Instant(seconds: -62_167_219_201), Instant(micros: 999_999)],
            manual: Manual(), range: Report.Range(since: nil, until: nil),
            covered: Report.CoveredTimes(since: nil, until: Instant(seconds: 86_400)))
        let json = try Self.ours(values)
        #expect(json == (try Self.oracle(values)))
        #expect(json == (try Self.ours(values, shortcuts: false)))
    }

    @Test func floatsJSONCannotHoldAreRefusedLikeJSONEncoder() {
        #expect(throws: EncodingError.self) { try Self.ours([Double.nan]) }
        #expect(throws: EncodingError.self) { try Self.oracle([Double.infinity]) }
        #expect(throws: EncodingError.self) { try Self.ours(["x": -Double.infinity]) }
    }

    /// Two lists of the same length, then the first again: each written in its own key order.
    @Test func keyOrdersAreReusedOnlyForTheSameKeys() throws {
        let rows: [[String: Int]] = [["b": 1, "a": 2], ["d": 3, "c": 4], ["b": 5, "a": 6], ["a": 7, "b": 8, "c": 9]]
        #expect(try Self.ours(rows) == (try Self.oracle(rows)))
        let cache = KeyOrderCache()
        let first = JSONObject(), second = JSONObject(), third = JSONObject()
        for (object, keys) in [(first, ["b", "a"]), (second, ["a", "b"]), (third, ["b", "a"])] {
            for key in keys { object.set(key, .null) }
        }
        #expect(cache.order(of: first) == [1, 0])
        #expect(cache.order(of: second) == [0, 1])
        #expect(cache.order(of: third) == [1, 0])
        let repeated = JSONObject()
        for key in ["a", "b", "a"] { repeated.set(key, .null) }
        #expect(repeated.sortedMembers() == [2, 1], "a repeated key keeps its last value")
    }
}

private struct Empty: Codable {}

private struct Hostile: Encodable {
    var strings: [String]
    var numbers: [Int]
    var saturated: Int
    var unsigned: [UInt64]
    var small: [Int8]
    var doubles: [Double]
    var flags: [Bool]
    var missing: String?
    var present: String?
    var empty: [Int]
    var emptyObject: Empty
    var nested: [[[String]]]
    var byKey: [String: Int]
    var times: [Instant]
    var manual: Manual
    var range: Report.Range
    var covered: Report.CoveredTimes
}

/// Every container an `Encoder` hands out, used by hand: nested containers filled after their parent moved
/// on, super encoders, a second keyed container on the same encoder, explicit nulls.
private struct Manual: Encodable {
    enum Keys: String, CodingKey { case zeta, alpha, inner, list, parent, named, single, nothing }

    func encode(to encoder: Encoder) throws {
        var keys = encoder.container(keyedBy: Keys.self)
        var inner = keys.nestedContainer(keyedBy: Keys.self, forKey: .inner)
        var list = keys.nestedUnkeyedContainer(forKey: .list)
        try keys.encode(2, forKey: .zeta)
        try inner.encode("late", forKey: .alpha)
        try inner.encodeNil(forKey: .nothing)
        try list.encode(1.5)
        var deeper = list.nestedContainer(keyedBy: Keys.self)
        try deeper.encode(true, forKey: .single)
        var single = list.superEncoder().singleValueContainer()
        try single.encode("from a super encoder")
        try list.encode(UInt8(7))
        try Instant(seconds: 60).encode(to: keys.superEncoder())
        try "named".encode(to: keys.superEncoder(forKey: .named))
        var again = encoder.container(keyedBy: Keys.self)
        try again.encode(-3, forKey: .alpha)
    }
}
