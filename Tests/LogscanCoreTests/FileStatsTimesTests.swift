import Testing
@testable import LogscanCore

/// An input's first and last time (`LineProcessor.stats`): the earliest and the latest line time, whatever
/// the order the lines come in, and none for an input without a timed line.
@Suite struct FileStatsTimesTests {
    struct Discard: EventSink {
        mutating func record(_ event: inout Event) {}
        mutating func unmatched(_ line: SyslogLine, raw: Bytes, service: Service?, lineNumber: Int) {}
    }

    static let reference = Instant(seconds: 1_800_000_000)

    func stats(_ lines: [String]) -> FileStats {
        var processor = LineProcessor(registry: ParserRegistry(), range: .everything, zone: .utc,
                                      reference: Self.reference, sink: Discard())
        for line in lines { Bytes.with(line) { processor.process($0) } }
        processor.finish()
        return processor.stats
    }

    /// The line's own time, read by the header parser alone.
    func time(_ line: String) -> Instant? {
        var times = TimeResolver(zone: .utc, reference: Self.reference)
        return Bytes.with(line) { SyslogHeaderParser.parse($0, times: &times).time }
    }

    static let lines = ["Nov 27 04:50:37 mx1 sshd[1]: Connection closed by 192.0.2.1 port 22",
                        "Nov 27 04:49:00 mx1 CRON[2]: (root) CMD (true)",
                        "Nov 27 05:10:00 mx1 postfix/qmgr[3]: 4AB12: removed",
                        "Nov 27 04:55:00 mx1 dovecot: imap-login: Disconnected",
                        "no stamp on this line"]

    @Test func firstAndLastAreTheEarliestAndLatestInEveryOrder() {
        let times = Self.lines.compactMap(time)
        #expect(times.count == 4)
        var order = Array(Self.lines.indices)
        for rotation in 0..<order.count {
            for reversed in [false, true] {
                let lines = (reversed ? order.reversed() : order).map { Self.lines[$0] }
                let stats = stats(lines)
                #expect(stats.firstTime == times.min(), "\(lines)")
                #expect(stats.lastTime == times.max(), "\(lines)")
                #expect(stats.lines == lines.count)
            }
            order.append(order.removeFirst())
            if rotation == 1 { order.swapAt(0, 2) }
        }
    }

    @Test func oneTimedLineIsBothAndNoneIsNeither() {
        let one = stats([Self.lines[2]])
        #expect(one.firstTime != nil && one.firstTime == one.lastTime && one.firstTime == time(Self.lines[2]))
        let untimed = stats([Self.lines[4], "neither is this"])
        #expect(untimed.firstTime == nil && untimed.lastTime == nil)
    }
}
