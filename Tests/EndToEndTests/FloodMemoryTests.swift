import Foundation
import Testing

/// The flood of issue #11 at test scale (Tests/Scripts/make_flood.py: 200,000 addresses, 50,000 user
/// names): `--top 0` in every format writes its tables row by row, so its peak memory stays near the
/// default report's, which shows 10 rows; holding the rows or the document costs well over 100 MB more
/// here (the full-scale numbers are in docs/robustness.md).
@Suite(.serialized) struct FloodMemoryTests {
    static let addresses = 200_000
    /// What one row at a time may add to the default report's peak (a scratch row, output buffers).
    static let allowanceKB = 40_000

    static func make() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("logscan-flood-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let python = try RealTool.require("python3", package: "python3")
        let made = try Harness.run(URL(fileURLWithPath: python),
                                   [Harness.packageRoot.appendingPathComponent("Tests/Scripts/make_flood.py").path,
                                    dir.appendingPathComponent("flood.log").path, String(addresses), "50000"])
        try #require(made.status == 0, "\(made.err)")
        return dir
    }

    /// logscan with its output in `flood.out` (not in this process), under `timeout` and `/usr/bin/time`:
    /// the exit status and the peak RSS in KB.
    static func run(_ arguments: [String], in dir: URL) throws -> (status: Int32, maxKB: Int) {
        let time = try RealTool.require("time", package: "time")
        let run = try Harness.run(URL(fileURLWithPath: "/bin/sh"),
                                  ["-c", "exec \"$@\" > flood.out", "sh", "/usr/bin/timeout", "300", time, "-f", "maxrss=%M",
                                   Harness.binary.path, "--quiet"] + arguments + ["flood.log"], in: dir)
        #expect(run.status != 124, "logscan \(arguments) did not finish in 300 s")
        let marker = try #require(run.err.split(separator: "\n").last { $0.hasPrefix("maxrss=") })
        return (run.status, Int(marker.dropFirst(7)) ?? .max)
    }

    /// Lines of `flood.out` that match `pattern` (grep -c).
    static func count(_ pattern: String, in dir: URL) throws -> Int {
        let grep = try Harness.run(URL(fileURLWithPath: "/bin/grep"), ["-c", "-E", pattern, "flood.out"], in: dir)
        return Int(grep.out.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    @Test func topZeroStreamsItsRowsInEveryFormat() throws {
        let dir = try Self.make()
        let base = try Self.run([], in: dir)
        #expect(base.status == 0)
        #expect(try Self.count("^  2001:db8:", in: dir) == 10)
        let formats: [(arguments: [String], rows: String)] = [
            (["--format", "text"], "^  2001:db8:"),
            (["--format", "html"], "monospace;white-space:nowrap;\">2001:db8:"),
            (["--format", "json"], "\"ip\" : \"2001:db8:"),
            // The text part's rows, quoted-printable (plain ASCII at the start of the line).
            (["--format", "email", "--mailto", "root@localhost"], "^  2001:db8:"),
        ]
        for format in formats {
            let run = try Self.run(format.arguments + ["--top", "0"], in: dir)
            #expect(run.status == 0)
            #expect(try Self.count(format.rows, in: dir) == Self.addresses, "\(format.arguments): every row is written")
            #expect(run.maxKB < base.maxKB + Self.allowanceKB,
                    "\(format.arguments) --top 0: \(run.maxKB) KB, the default report \(base.maxKB) KB")
        }
        try? FileManager.default.removeItem(at: dir)
    }
}
