import Foundation
import Testing
@testable import LogscanCore

/// State that the report keeps across lines (a message's queue id, what a user name is) must come out the
/// same when a large file is read in chunks by both cores as when it is read whole: a deferred message that
/// qmgr logs again in a later chunk is one message, and its delivery there has its size.
@Suite struct ChunkedStateTests {
    static let messages = 30

    /// A day of mail: every message is deferred once, logged again by qmgr (`from=`) ten minutes later,
    /// then sent and removed; every fifth message is never sent (still in flight at the end). At the start
    /// and at the end a dovecot session fails for `ghost`: its unknown-user line comes before the session's
    /// summary (the failure), so only the second session can tell that `ghost` does not exist.
    static func mailLog() -> (text: String, sizes: [Int]) {
        var lines: [(seconds: Int, text: String)] = []
        var sizes: [Int] = []
        for message in 0..<messages {
            let queueID = String(format: "4B%08X", 0x1000 + message)
            let size = 1000 + 37 * message
            sizes.append(size)
            let start = 3600 + message * 240
            let qmgr = "postfix/qmgr[800]: \(queueID): from=<alice@example.org>, size=\(size), nrcpt=1 (queue active)"
            lines.append((start, qmgr))
            lines.append((start, "postfix/smtp[7002]: \(queueID): to=<carol@example.com>, relay=none, delay=30, delays=0/0/30/0, dsn=4.4.1, status=deferred (connect to mx.example.com[198.51.100.31]:25: Connection timed out)"))
            lines.append((start + 600, qmgr))
            guard message % 5 != 4 else { continue }
            lines.append((start + 601, "postfix/smtp[7002]: \(queueID): to=<carol@example.com>, relay=mx.example.com[198.51.100.31]:25, delay=631, delays=600/0/0.5/0.6, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 9F1E)"))
            lines.append((start + 601, "postfix/qmgr[800]: \(queueID): removed"))
        }
        for session in [0, messages - 1] {
            let at = 3700 + session * 240
            let peer = "198.51.100.\(10 + session)"
            lines.append((at, "dovecot: auth: passwd-file(ghost,\(peer),<s\(session)>): unknown user"))
            lines.append((at + 1, "dovecot: imap-login: Disconnected (auth failed, 1 attempts in 2 secs): user=<ghost>, method=PLAIN, rip=\(peer), lip=192.0.2.25, session=<s\(session)>"))
        }
        let text = lines.enumerated().sorted { ($0.element.seconds, $0.offset) < ($1.element.seconds, $1.offset) }
            .map { entry -> String in
                let s = entry.element.seconds
                return String(format: "Nov 27 %02d:%02d:%02d mx1 ", s / 3600, s / 60 % 60, s % 60) + entry.element.text + "\n"
            }.joined()
        return (text, sizes)
    }

    func file(_ text: String) throws -> InputSource {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("logscan-state-\(UUID().uuidString).log")
        try Data(text.utf8).write(to: path)
        return InputSource(path: path.path, kind: .file, size: Int64(text.utf8.count), modified: Instant(seconds: 1_795_800_000))
    }

    func report(_ source: InputSource, chunkBytes: Int64?) -> Report {
        let chunking = chunkBytes.map { (Int64(1), $0) } ?? (Int64.max, Int64.max)
        var plan = InputPlan()
        plan.inputs = [source]
        let (aggregate, run) = Scanner(range: .everything, zone: .utc, chunking: chunking).aggregate(plan)
        return ReportBuilder(top: 0).build(aggregate, run: run, generatedAt: Instant(seconds: 0))
    }

    func json(_ report: Report) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }

    @Test func wholeFileCountsEachMessageOnce() throws {
        let (text, sizes) = Self.mailLog()
        let whole = report(try file(text), chunkBytes: nil)
        let traffic = try #require(whole.services.first { $0.service == .postfix }?.traffic)
        #expect(traffic.received == Self.messages)
        #expect(traffic.receivedBytes == sizes.reduce(0, +))
        #expect(traffic.deferred == Self.messages)
        let sent = sizes.indices.filter { $0 % 5 != 4 }
        #expect(traffic.delivered == sent.count)
        #expect(traffic.deliveredBytes == sent.map { sizes[$0] }.reduce(0, +))
        let ghost = try #require(whole.services.first { $0.service == .dovecot }?.users.rows.first { $0.user == "ghost" })
        #expect(ghost.attempts == 2)
        #expect(ghost.exists == .invalid, "the second session says the user is unknown")
    }

    @Test(arguments: [Int64(400), 1_500, 6_000])
    func chunksGiveTheWholeFilesReport(chunkBytes: Int64) throws {
        let source = try file(Self.mailLog().text)
        #expect(FileChunks.boundaries(of: source, chunkBytes: chunkBytes, minimumFileBytes: 1)!.count > 3)
        #expect(try json(report(source, chunkBytes: chunkBytes)) == json(report(source, chunkBytes: nil)))
    }

    /// Separate inputs (rotated files) merge the same way: the two halves of the log as two files give the
    /// counts of one reading, messages deferred across the cut and `ghost`'s validity included.
    @Test func twoFilesCountLikeOneReading() throws {
        let (text, sizes) = Self.mailLog()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { $0 + "\n" }
        let first = try file(lines.prefix(lines.count / 2).joined()), second = try file(lines.suffix(from: lines.count / 2).joined())
        var plan = InputPlan()
        plan.inputs = [first, second]
        let (aggregate, run) = Scanner(range: .everything, zone: .utc).aggregate(plan)
        let report = ReportBuilder(top: 0).build(aggregate, run: run, generatedAt: Instant(seconds: 0))
        let ghost = try #require(report.services.first { $0.service == .dovecot }?.users.rows.first { $0.user == "ghost" })
        #expect(ghost.exists == .invalid)
        let traffic = try #require(report.services.first { $0.service == .postfix }?.traffic)
        #expect(traffic.received == Self.messages)
        #expect(traffic.receivedBytes == sizes.reduce(0, +))
        #expect(traffic.deliveredBytes == sizes.indices.filter { $0 % 5 != 4 }.map { sizes[$0] }.reduce(0, +))
    }
}
