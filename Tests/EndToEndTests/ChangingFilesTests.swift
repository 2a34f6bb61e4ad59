import Foundation
import Testing

/// A file truncated (logrotate's `copytruncate`) or replaced (rotation by rename) while logscan reads it says
/// so, exits 2, and counts the good lines it read (issue #11); one appended to is a live log, read to its new end. Deterministic: `LOGSCAN_TEST_PAUSE_FIFO`
/// (Sources/LogscanCore/Input/TestPause.swift) makes logscan pause after the first 64 KiB of the file, until
/// the test has changed the file and closes the FIFO.
@Suite(.serialized) struct ChangingFilesTests {
    static let headBytes = 64 * 1024

    /// A fresh folder with auth.log: 20,000 failed logins (about 1.8 MB), root from 203.0.113.0–255.
    static func makeLog() throws -> (dir: URL, log: URL, data: Data) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("logscan-changing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let lines = (0..<20_000).map { i in
            "Nov 27 04:\(String(format: "%02d", i / 60 % 60)):\(String(format: "%02d", i % 60)) web1 sshd[\(1000 + i)]: "
                + "Failed password for root from 203.0.113.\(i % 256) port \(40_000 + i) ssh2\n"
        }
        let data = Data(lines.joined().utf8)
        let log = dir.appendingPathComponent("auth.log")
        try data.write(to: log)
        return (dir, log, data)
    }

    /// Runs logscan with `arguments`; once it has paused inside its read of the file, runs `change`, then lets
    /// it go on.
    static func runPaused(_ arguments: [String], in dir: URL, whilePaused change: () throws -> Void) throws -> Harness.Run {
        let fifo = dir.appendingPathComponent("pause.fifo").path
        try #require(mkfifo(fifo, 0o600) == 0)
        defer { unlink(fifo) }
        let process = Process()
        process.executableURL = Harness.binary
        process.arguments = arguments
        process.currentDirectoryURL = dir
        var environment = ProcessInfo.processInfo.environment
        environment["TZ"] = "UTC"
        environment["LOGSCAN_TEST_PAUSE_FIFO"] = fifo
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        // Opening the FIFO for writing succeeds only once logscan has opened it for reading: it is paused.
        var writer: Int32 = -1
        let deadline = Date().addingTimeInterval(60)
        while writer < 0 && process.isRunning && Date() < deadline {
            writer = open(fifo, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
            if writer < 0 { usleep(5_000) }
        }
        try #require(writer >= 0, "logscan did not pause in its read of the file")
        try change()
        close(writer)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Harness.Run(status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
                           err: String(decoding: errData, as: UTF8.self), outBytes: outData)
    }

    @Test func aFileTruncatedWhileReadSaysSoAndCountsWhatWasRead() throws {
        let (dir, log, data) = try Self.makeLog()
        let run = try Self.runPaused(["--format", "json", "auth.log"], in: dir) {
            // copytruncate: copy, then cut the original to nothing; the daemon writes on from 0.
            try FileManager.default.copyItem(at: log, to: dir.appendingPathComponent("auth.log.1"))
            #expect(truncate(log.path, 0) == 0)
        }
        #expect(run.status == 2)
        let report = try Harness.report(run)
        let read = data.prefix(Self.headBytes)
        let complete = read.filter { $0 == 0x0A }.count
        let cut = read.count - (read.lastIndex(of: 0x0A)! + 1)
        #expect(complete > 500 && complete < 20_000)
        #expect(report.sshd?.failedAttempts == complete, "the complete lines read before the cut; the cut one is not a line")
        let incomplete = cut > 0 ? "; the lines before it were read, the incomplete last line (\(cut) bytes) was not" : ""
        #expect(report.inputs.warnings == [
            "auth.log: shrank while being read (from \(data.count) to 0 bytes; truncated by logrotate's copytruncate?): "
                + "lines past the cut were lost" + incomplete])
        let text = try Self.runPaused(["auth.log.1"], in: dir) { #expect(truncate(dir.appendingPathComponent("auth.log.1").path, 1000) == 0) }
        #expect(text.status == 2)
        #expect(text.err.contains("auth.log.1: shrank while being read (from \(data.count) to 1000 bytes"))
    }

    @Test func aFileReplacedWhileReadSaysSoAndIsReadToItsEnd() throws {
        let (dir, log, _) = try Self.makeLog()
        let run = try Self.runPaused(["--format", "json", "auth.log"], in: dir) {
            // Rotation by rename: the open file becomes auth.log.1, a new auth.log is created.
            try FileManager.default.moveItem(at: log, to: dir.appendingPathComponent("auth.log.1"))
            try Data("Nov 27 05:00:00 web1 sshd[9]: Failed password for eve from 198.51.100.1 port 1 ssh2\n".utf8).write(to: log)
        }
        #expect(run.status == 2)
        let report = try Harness.report(run)
        #expect(report.sshd?.failedAttempts == 20_000, "the file that was open is read to its end")
        #expect(report.sshd?.attempts(user: "eve") == nil)
        #expect(report.inputs.warnings == ["auth.log: was replaced while being read (rotated?): the file that was open was read, the new one was not"])
        #expect(report.inputs.files.first?.stats.lines == 20_000)
    }

    @Test func aFileAppendedToWhileReadIsALiveLogReadToItsNewEnd() throws {
        let (dir, log, _) = try Self.makeLog()
        let run = try Self.runPaused(["--format", "json", "auth.log"], in: dir) {
            // The daemon logs on while logscan reads: an ordinary live log, not damage.
            let handle = try FileHandle(forWritingTo: log)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("Nov 27 05:00:00 web1 sshd[9]: Failed password for eve from 198.51.100.1 port 1 ssh2\n".utf8))
            try handle.close()
        }
        #expect(run.status == 0, "\(run.err)")
        let report = try Harness.report(run)
        #expect(report.inputs.warnings.isEmpty)
        #expect(report.sshd?.failedAttempts == 20_001, "the lines written during the read count too")
        #expect(report.sshd?.attempts(user: "eve") == 1)
    }
}
