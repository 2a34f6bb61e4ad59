import Foundation
import LogscanCore
import Testing

/// The hostile and broken inputs of issue #11, made at test time by Tests/Scripts/make_hostile.py (FIFOs,
/// sockets, symlink loops, names that are not UTF-8, NUL holes, long lines, damaged gzip, a bomb), run
/// through the built binary: no crash, no hang, bounded memory, nothing lost silently, nothing raw out.
@Suite(.serialized) struct HostileFilesTests {
    static func make() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("logscan-hostile-\(UUID().uuidString)")
        let python = try RealTool.require("python3", package: "python3")
        let made = try Harness.run(URL(fileURLWithPath: python),
                                   [Harness.packageRoot.appendingPathComponent("Tests/Scripts/make_hostile.py").path, dir.path])
        try #require(made.status == 0, "\(made.err)")
        return dir
    }

    /// logscan under `timeout` (a hang fails the test instead of stalling the suite) and `/usr/bin/time`.
    static func bounded(_ arguments: [String], in dir: URL, seconds: Int = 60) throws -> (run: Harness.Run, maxKB: Int) {
        let time = try RealTool.require("time", package: "time")
        let run = try Harness.run(URL(fileURLWithPath: "/usr/bin/timeout"),
                                  [String(seconds), time, "-f", "maxrss=%M", Harness.binary.path] + arguments, in: dir)
        #expect(run.status != 124, "logscan \(arguments) did not finish in \(seconds) s")
        let marker = try #require(run.err.split(separator: "\n").last { $0.hasPrefix("maxrss=") })
        return (run, Int(marker.dropFirst(7)) ?? .max)
    }

    @Test func countsPastIntMaxSaturate() throws {
        let dir = try Self.make()
        let (json, _) = try Self.bounded(["--format", "json", "--top", "0", "counts.log"], in: dir)
        #expect(json.status == 0)
        let report = try Harness.report(json)
        #expect(report.sshd?.failedAttempts == Int.max)
        #expect(report.services.map(\.service).sorted() == [.dovecot, .postfix, .sshd])
        // A saturated count is shown as the lower bound it is.
        let text = try Self.bounded(["counts.log"], in: dir).run
        #expect(text.status == 0)
        #expect(text.out.contains("Failed attempts: ≥9,223,372,036,854,775,807 from"), "\(text.out)")
        let html = try Self.bounded(["--format", "html", "counts.log"], in: dir).run
        #expect(html.out.contains(">≥9,223,372,036,854,775,807<"))
        #expect(try Self.bounded(["--format", "email", "--mailto", "root@localhost", "counts.log"], in: dir).run.status == 0)
        let events = try Self.bounded(["events", "counts.log"], in: dir).run
        #expect(events.status == 0)
        #expect(try Harness.events(events).count == 16)
        #expect(try Self.bounded(["--top", "4611686018427387872", "counts.log"], in: dir).run.status == 0)
    }

    @Test func specialFilesNeverBlockAndAreRefused() throws {
        let dir = try Self.make()
        let (run, _) = try Self.bounded(["--format", "json", "lonely.fifo", "/dev/zero", "/dev/urandom",
                                         "special/socket.log", "crlf.log"], in: dir, seconds: 30)
        #expect(run.status == 2)
        let report = try Harness.report(run)
        #expect(report.sshd?.failedAttempts == 1, "the good file is read whatever the others are")
        for name in ["lonely.fifo: a FIFO that gave no data", "/dev/zero: not read: it is a character device",
                     "/dev/urandom: not read: it is a character device", "special/socket.log: not read: it is a socket"] {
            #expect(report.inputs.warnings.contains { $0.hasPrefix(name) }, "\(name)")
        }
    }

    @Test func aFIFOWithAWriterIsRead() throws {
        let dir = try Self.make()
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "cat crlf.log nul.log > lonely.fifo"]
        writer.currentDirectoryURL = dir
        try writer.run()
        let (run, _) = try Self.bounded(["--format", "json", "lonely.fifo"], in: dir, seconds: 30)
        writer.waitUntilExit()
        #expect(run.status == 0)
        #expect(try Harness.report(run).sshd?.failedAttempts == 3)
    }

    @Test func scannedDirectoryListsWhatItCouldNotRead() throws {
        let dir = try Self.make()
        let (run, _) = try Self.bounded(["--format", "json", "special"], in: dir, seconds: 30)
        #expect(run.status == 2)
        let report = try Harness.report(run)
        #expect(report.inputs.files.map(\.path) == ["special/auth.log"])
        #expect(Set(report.inputs.skipped.map(\.path)) == ["special/fifo.log", "special/socket.log"])
        #expect(report.inputs.warnings.contains("special/dangling.log: a dangling symbolic link"))
        #expect(report.inputs.warnings.filter { $0.contains("Too many levels of symbolic links") }.count == 2)
    }

    @Test func linesPastTheCapAndNULHolesCostNoMemory() throws {
        let dir = try Self.make()
        let (run, maxKB) = try Self.bounded(["--format", "json", "nul.log", "long.log", "nonewline.log", "bomb.log.gz"], in: dir)
        #expect(run.status == 0)
        #expect(maxKB < 80_000, "52 MB without a newline, a 1 MB line, a 3 MB NUL hole and a 288 MB bomb: \(maxKB) KB")
        let report = try Harness.report(run)
        let files = Dictionary(uniqueKeysWithValues: report.inputs.files.map { ($0.path, $0.stats) })
        #expect(files["long.log"]?.cutLines == 1)
        #expect(files["nonewline.log"]?.cutLines == 1)
        #expect(files["bomb.log.gz"]?.cutLines == 1)
        #expect(files["nul.log"]?.cutLines == 0)
        let users = Set(report.sshd?.users.rows.map(\.user) ?? [])
        #expect(users == ["alice", "bob", "root", "dave"], "lines behind NULs and after a cut line count")
        let text = try Self.bounded(["nonewline.log", "long.log"], in: dir).run
        #expect(text.out.contains("nonewline.log: 1 line longer than 64 KiB, cut there"))
    }

    @Test func damagedGzipMembersFeedNothing() throws {
        let dir = try Self.make()
        let (run, _) = try Self.bounded(["--format", "json", "--top", "0", "crc.log.gz", "truncated.log.gz",
                                         "trailing.log.gz", "plain.log.gz"], in: dir)
        #expect(run.status == 2)
        let report = try Harness.report(run)
        let sshd = try #require(report.sshd)
        #expect(!sshd.ips.rows.contains { $0.ip.hasPrefix("198.51.100.") }, "no address from the member that failed its CRC")
        #expect(sshd.users.rows.first { $0.user == "mallory" } == nil)
        #expect(report.inputs.warnings.contains {
            $0.hasPrefix("crc.log.gz: gzip member 2 (lines 11–78) failed its integrity check") && $0.contains("68 lines were not counted")
        })
        #expect(report.inputs.warnings.contains { $0.hasPrefix("trailing.log.gz: trailing garbage after gzip member 1") })
        #expect(report.inputs.warnings.contains { $0.hasPrefix("truncated.log.gz: truncated") })
        let events = try Self.bounded(["events", "crc.log.gz"], in: dir).run
        #expect(events.status == 2)
        #expect(events.err.contains("crc.log.gz: gzip member 2 (lines 11–78)"))
    }

    @Test func fileNamesAreBytesAndShownEscaped() throws {
        let dir = try Self.make()
        let (run, _) = try Self.bounded(["--format", "json", "names"], in: dir)
        #expect(run.status == 0)
        let report = try Harness.report(run)
        #expect(Set(report.inputs.files.map(\.path)) == [#"names/dovecot-bad\xff\xfe.log"#, #"names/dovecot-esc\x1b[31m\x0aname.log"#])
        #expect(report.sshd?.failedAttempts == 2)
        let text = try Self.bounded(["names"], in: dir).run
        #expect(!text.outBytes.contains(0x1B) && !text.err.utf8.contains(0x1B))
        #expect(text.out.contains(#"names/dovecot-bad\xff\xfe.log"#))
        let events = try Self.bounded(["events", "names"], in: dir).run
        #expect(!events.outBytes.contains(0x1B))
        #expect(try Harness.events(events).count == 2, "still one JSON object per line")
        // Named on the command line (the runtime cannot hold the bytes in a String).
        let shell = try Harness.run(URL(fileURLWithPath: "/bin/sh"),
                                    ["-c", "\"$0\" --format json \"$(printf 'names/dovecot-bad\\377\\376.log')\"", Harness.binary.path], in: dir)
        #expect(shell.status == 0, "\(shell.err)")
        #expect(try Harness.report(shell).sshd?.failedAttempts == 1)
    }

    @Test func impossibleTimesAreUntimed() throws {
        let dir = try Self.make()
        let (run, _) = try Self.bounded(["--format", "json", "times.log"], in: dir)
        let report = try Harness.report(run)
        #expect(report.inputs.files.first?.stats.untimed == 4)
        #expect(report.sshd?.ips.rows.map(\.ip).contains("203.0.113.34") == true)
        for since in ["2026-02-30", "2026-11-31T10:00", "2026-11-27T10:00+24:00", "2026-11-27T10:00:00+99:99"] {
            let refused = try Self.bounded(["--since", since, "times.log"], in: dir).run
            #expect(refused.status == 1, "--since \(since)")
            #expect(refused.err.contains("cannot read '\(since)' as a time"))
        }
    }

    @Test func unreadableInputsWarnForAnOrdinaryUser() throws {
        let dir = try Self.make()
        let setpriv = try RealTool.require("setpriv", package: "util-linux")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("locked"), withIntermediateDirectories: true)
        try Data("x\n".utf8).write(to: dir.appendingPathComponent("locked/auth.log"))
        try Data("x\n".utf8).write(to: dir.appendingPathComponent("secret.log"))
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: dir.appendingPathComponent("locked").path)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: dir.appendingPathComponent("secret.log").path)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
        let run = try Harness.run(URL(fileURLWithPath: setpriv),
                                  ["--reuid=65534", "--regid=65534", "--clear-groups", Harness.binary.path,
                                   "--format", "json", "locked", "secret.log", "crlf.log"], in: dir)
        #expect(run.status == 2)
        let report = try Harness.report(run)
        #expect(report.sshd?.failedAttempts == 1)
        #expect(report.inputs.warnings.contains("locked: cannot read the directory: Permission denied"))
        #expect(report.inputs.warnings.contains("secret.log: cannot read: Permission denied"))
    }

    @Test func emptySelectionSaysSo() throws {
        let dir = try Self.make()
        let empty = try Self.bounded(["--since", "2020-01-01", "--until", "2020-01-02", "crlf.log"], in: dir).run
        #expect(empty.status == 0)
        #expect(empty.out.contains("No lines in the range (1 line read, all outside it)."))
        let nothing = try Self.bounded(["missing.log", "lonely.fifo"], in: dir).run
        #expect(nothing.status == 2)
        #expect(nothing.out.contains("No input could be read in full"))
    }
}
