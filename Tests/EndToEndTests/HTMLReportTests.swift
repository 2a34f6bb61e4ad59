import Foundation
import Testing

/// `--format html` on the fixtures: everything escaped, nothing a mail client would block, valid for tidy,
/// and drawn by a real browser with and without its `<style>` block (what webmail does).
@Suite struct HTMLReportTests {
    func html(_ sets: [String], _ extra: [String] = []) throws -> Harness.Run {
        let dirs = try sets.map { try Harness.fixtures($0).path }
        return try Harness.logscan(["--format", "html", "--top", "0"] + extra + dirs)
    }

    @Test func hostileNamesShowAsTextEscapedOnce() throws {
        let run = try html(["hostile"], ["--detail", "high"])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(run.out.contains("\\x1b[31mred\\x1b[0m"))
        #expect(run.out.contains("\\xff\\xfeadmin"))
        #expect(run.out.contains("\\x1b]0;pwned\\x07"), "the unmatched sample is there, escaped")
        #expect(!run.out.contains("<script"))
        #expect(!run.out.contains("&amp;lt;") && !run.out.contains("&amp;amp;"), "escaped twice")
        #expect(!run.outBytes.contains(0x1B) && !run.outBytes.contains(0x07))
    }

    @Test func emailSafe() throws {
        let run = try html(["debian", "mail"], ["--detail", "high"])
        let lower = run.out.lowercased()
        for banned in ["<script", "<svg", "<img", "<link", "<iframe", "<object", "@import", "@font-face", "http://", "https://",
                       "javascript:", "url("] {
            #expect(!lower.contains(banned), "\(banned)")
        }
        #expect(run.out.components(separatedBy: "<style").count == 2, "one <style> block at most")
        #expect(run.out.contains("Possible compromise"))
        let alert = try #require(run.out.range(of: "Possible compromise"))
        let offenders = try #require(run.out.range(of: "Top offending IPs across services"))
        let firstService = try #require(run.out.range(of: "Top failing IPs"))
        #expect(alert.lowerBound < offenders.lowerBound && offenders.lowerBound < firstService.lowerBound,
                "alerts, then offenders across services, then each service")
        #expect(run.out.contains("Failed attempts per hour") || run.out.contains("Failed attempts per day"))
        #expect(run.out.contains("550 5.1.1 User unknown (in reply to RCPT TO command)"), "reasons in full")
    }

    @Test(arguments: ["debian", "mail", "hostile", "rfc3339"])
    func tidyFindsNothing(set: String) throws {
        let tidy = try RealTool.require("tidy", package: "tidy")
        for detail in ["low", "high"] {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("logscan-\(UUID().uuidString).html")
            try html([set], ["--detail", detail]).outBytes.write(to: file)
            let run = try Self.run(URL(fileURLWithPath: tidy), ["-errors", "-quiet", file.path])
            #expect(run.status == 0 && run.err.isEmpty, "\(set) \(detail): \(run.err)")
        }
    }

    /// The templates are inside the binary: a copy alone in an empty folder renders both reports.
    @Test func aCopiedBinaryWorksAlone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("logscan-copy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let copy = folder.appendingPathComponent("logscan")
        try FileManager.default.copyItem(at: Harness.binary, to: copy)
        let logs = try Harness.fixtures("mail")
        for format in ["html", "text"] {
            let run = try Self.run(copy, ["-q", "--format", format, logs.path], in: folder)
            #expect(run.status == 0)
            #expect(run.out.contains(format == "html" ? "Top offending IPs across services</div>" : "Top offending IPs across services\n"))
        }
    }

    /// Screenshots land in the temporary folder (the path is printed); `docs/report.png` is the first one.
    @Test func chromiumDrawsItWithAndWithoutStyle() throws {
        let chromium = try RealTool.require("chromium", package: "chromium")
        let page = try html(["debian", "mail"]).out
        let stripped = page.replacingOccurrences(of: "<style>[\\s\\S]*?</style>", with: "", options: .regularExpression)
        #expect(!stripped.contains("<style"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("logscan-shots-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in [("report", page), ("report-no-style", stripped)] {
            let source = folder.appendingPathComponent(name + ".html"), shot = folder.appendingPathComponent(name + ".png")
            try text.write(to: source, atomically: true, encoding: .utf8)
            _ = try Self.run(URL(fileURLWithPath: chromium), ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                                              "--screenshot=\(shot.path)", "--window-size=1000,2400", source.absoluteString])
            let png = try Data(contentsOf: shot)
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(name) is a PNG")
            #expect(png.count > 50_000, "\(name): a blank page compresses to a few KB")
            print("screenshot: \(shot.path)")
        }
    }

    /// Runs a program to the end: its status, stdout and stderr.
    static func run(_ program: URL, _ arguments: [String], in folder: URL? = nil) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Drain stderr on its own thread so a chatty program cannot block on a full pipe.
        nonisolated(unsafe) var errData = Data()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}
