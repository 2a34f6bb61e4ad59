import Testing
@testable import LogscanCore

/// `HeldQueue` lets go of a released line at once, while an older line is still open, and `HeldLines` reuses
/// the slot of a delivered line: memory then follows the lines still waiting, not every line since the
/// oldest open one (a burst of attacks held up to 50,000).
@Suite struct HeldQueueTests {
    /// Keeps `text` (an sshd line) from a buffer that is freed as soon as it is kept.
    func keep(_ text: String, in lines: HeldLines) -> Int32 {
        var times = TimeResolver(zone: .utc, reference: Instant(seconds: 1_800_000_000))
        return Bytes.with(text) { raw in
            let line = SyslogHeaderParser.parse(raw, times: &times)
            let parsed = SshdParser().parse(line.message, program: line.program)!
            let event = Event(service: .sshd, line: line, parsed: parsed, verdict: .noise, lineNumber: 1)
            return lines.keep(raw, event: event, isResolved: false)
        }
    }

    @Test func aReleasedLineIsFreedWhileAnOlderOneWaits() {
        let lines = HeldLines()
        var queue = HeldQueue(lines: lines)
        let open = keep("Nov 27 04:50:37 web1 sshd[100]: Invalid user a from 192.0.2.1 port 1", in: lines)
        let settled = keep("Nov 27 04:50:38 web1 sshd[101]: Invalid user b from 192.0.2.2 port 2", in: lines)
        queue.add(open, key: 1)
        queue.add(settled, key: 2)
        queue.release(settled, .sameAttempt)
        #expect(lines.released == [settled])
        #expect(lines[settled].isResolved && lines[settled].event.verdict == .sameAttempt)
        #expect(!lines[open].isResolved)
        lines.free(settled)  // what the pipeline does once the sink has it
        #expect(lines.live == 1)
        // The open line is still the one to settle first, and the released one's place is skipped after it.
        #expect(queue.nextToSettle(around: nil, all: true)?.line == open)
        #expect(queue.nextToSettle(around: nil, all: true) == nil)
    }

    /// A kept line's views point into its own copy, which outlives the read buffer; a freed slot is reused
    /// for the next line, whether that line is shorter or longer than its buffer.
    @Test func aKeptLineOwnsItsCopyAndItsSlotIsReused() {
        let lines = HeldLines()
        let first = keep("Nov 27 04:50:37 web1 sshd[100]: Invalid user alice from 192.0.2.1 port 1", in: lines)
        #expect(lines[first].event.line.host.string == "web1")
        #expect(lines[first].event.parsed.user?.string == "alice")
        #expect(lines[first].raw.string == "Nov 27 04:50:37 web1 sshd[100]: Invalid user alice from 192.0.2.1 port 1")
        lines.free(first)
        let long = String(repeating: "x", count: 3000)
        let second = keep("Nov 27 04:50:38 mail2 sshd[101]: Invalid user \(long) from 192.0.2.2 port 2", in: lines)
        #expect(second == first)
        #expect(lines[second].event.line.host.string == "mail2")
        #expect(lines[second].event.parsed.user?.string == long)
        let third = keep("Nov 27 04:50:39 web3 sshd[102]: Invalid user carol from 192.0.2.3 port 3", in: lines)
        #expect(third != second)
        #expect(lines[third].event.parsed.user?.string == "carol" && lines[second].event.parsed.user?.string == long)
        #expect(lines.live == 2)
    }
}
