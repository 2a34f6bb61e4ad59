import Foundation
import LogscanCore
import Testing

/// The JSON report diffs well from day to day: sorted keys, explicit ranges, no internal fields.
@Suite struct JSONStabilityTests {
    static func json(_ arguments: [String], sets: [String]? = nil) throws -> String {
        let run = try Harness.logscan(["--quiet", "--format", "json"] + arguments
                                      + (sets ?? [try Harness.fixtures("debian").path, try Harness.fixtures("mail").path]))
        #expect(run.status == 2, "the truncated auth.log.3.gz")
        return run.out
    }

    static func withoutGeneratedAt(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("  \"generatedAt\"") }
            .joined(separator: "\n")
    }

    @Test func twoRunsGiveTheSameBytesExceptGeneratedAt() throws {
        for arguments in [[], ["--top", "0"], ["--since", "2026-11-20"]] {
            let sets = [try Harness.fixtures("debian").path, try Harness.fixtures("mail").path]
            let first = try Self.json(arguments, sets: sets), second = try Self.json(arguments, sets: sets)
            #expect(first.contains("\"generatedAt\""))
            #expect(Self.withoutGeneratedAt(first) == Self.withoutGeneratedAt(second), "\(arguments)")
            #expect(Self.withoutGeneratedAt(first).count < first.count)
        }
    }

    @Test func everyObjectHasItsKeysSorted() throws {
        let text = try Self.json([])
        // Pretty-printed: the keys of one object are the lines at one indent between its braces.
        var stack: [[String]] = [[]]
        for line in text.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("\""), let colon = trimmed.range(of: "\" : ") {
                stack[stack.count - 1].append(String(trimmed[trimmed.index(after: trimmed.startIndex)..<colon.lowerBound]))
            }
            if trimmed.hasSuffix("{") || trimmed.hasSuffix("[") { stack.append([]) }
            if trimmed.hasPrefix("}") || trimmed.hasPrefix("]") {
                let keys = stack.removeLast()
                #expect(keys == keys.sorted(), "\(keys)")
            }
        }
        #expect(text.contains("\"alerts\" : ["))
    }

    @Test func rangeSaysAllOrBothBounds() throws {
        #expect(try Self.json([]).contains("\n  \"range\" : \"all\",\n"))
        let since = try Self.json(["--since", "2026-11-20"])
        #expect(since.contains("\"range\" : {\n    \"since\" : \"2026-11-20T00:00:00Z\",\n    \"until\" : null\n  }"), "\(since.prefix(2000))")
        let both = try Harness.report(try Harness.logscan(["--quiet", "--format", "json", "--since", "2026-11-20", "--until", "2026-11-21",
                                                           try Harness.fixtures("debian").path]))
        #expect(both.range.since != nil && both.range.until != nil)
        let all = try Harness.report(try Harness.logscan(["--quiet", "--format", "json", try Harness.fixtures("rfc3339").path]))
        #expect(all.range.since == nil && all.range.until == nil)
    }

    @Test func noInternalFields() throws {
        let text = try Self.json([])
        #expect(!text.contains("rawBytes"))
        #expect(text.contains("\"diskBytes\""))
    }
}
