import Testing
@testable import LogscanCore

/// An input's line and byte counts (`LineProcessor.stats`): the processor derives the lines from the line
/// number and adds each line's end from them, so they must be what counting each recorded line gives: every
/// line, empty ones too, each with its bytes and its end; not the lines before a chunk (`lineNumber` set from
/// outside) nor the context lines read while `recording` is false.
@Suite struct FileStatsCountsTests {
    static let lines = ["Nov 27 04:50:37 mx1 sshd[1]: Connection closed by 192.0.2.1 port 22", "",
                        "Nov 27 04:49:00 mx1 CRON[2]: (root) CMD (true)", "no header at all",
                        "Nov 27 05:10:00 mx1 postfix/qmgr[3]: 4AB12: removed"]

    /// The stats after `lines`, each recorded when `recorded` says so, from line number `start`.
    func stats(_ recorded: [Bool], start: Int) -> FileStats {
        var processor = LineProcessor(registry: ParserRegistry(), range: .everything, zone: .utc,
                                      reference: FileStatsTimesTests.reference, sink: FileStatsTimesTests.Discard())
        processor.lineNumber = start
        for (line, recording) in zip(Self.lines, recorded) {
            processor.recording = recording
            Bytes.with(line) { processor.process($0) }
        }
        processor.recording = true
        processor.finish()
        #expect(processor.lineNumber == start + Self.lines.count, "every line is numbered")
        return processor.stats
    }

    @Test(arguments: [0, 7])
    func theCountsAreThoseOfTheRecordedLines(start: Int) {
        for mask in 0..<(1 << Self.lines.count) {
            let recorded = Self.lines.indices.map { mask & (1 << $0) != 0 }
            let counted = zip(Self.lines, recorded).filter(\.1).map(\.0)
            let stats = stats(recorded, start: start)
            #expect(stats.lines == counted.count, "\(recorded)")
            #expect(stats.bytes == counted.map { $0.utf8.count + 1 }.reduce(0, +), "\(recorded)")
        }
    }
}
