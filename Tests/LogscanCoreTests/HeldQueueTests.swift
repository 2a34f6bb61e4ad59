import Testing
@testable import LogscanCore

/// `HeldQueue` lets go of a released line at once, while an older line is still open: memory then follows
/// the lines still waiting, not every line since the oldest open one (a burst of attacks held up to 50,000).
@Suite struct HeldQueueTests {
    func held(_ text: String) -> HeldLine {
        var times = TimeResolver(zone: .utc, reference: Instant(seconds: 1_800_000_000))
        return Bytes.with(text) { raw in
            HeldLine(raw: raw, line: SyslogHeaderParser.parse(raw, times: &times), event: nil, lineNumber: 1,
                     unmatchedService: nil, isResolved: false)
        }
    }

    @Test func aReleasedLineIsFreedWhileAnOlderOneWaits() {
        var queue = HeldQueue()
        let open = held("Nov 27 04:50:37 web1 sshd[100]: Invalid user a from 192.0.2.1 port 1")
        weak var settled: HeldLine?
        do {
            let line = held("Nov 27 04:50:38 web1 sshd[101]: Invalid user b from 192.0.2.2 port 2")
            settled = line
            queue.add(open, key: 1)
            queue.add(line, key: 2)
            queue.release(line, .sameAttempt)
        }
        var drained = 0
        queue.drainReleased { if $0.isResolved { drained += 1 } }
        #expect(drained == 1)
        #expect(settled == nil)
        // The open line is still the one to settle first, and the released one's place is skipped after it.
        #expect(queue.nextToSettle(around: nil, all: true)?.line === open)
        #expect(queue.nextToSettle(around: nil, all: true) == nil)
    }
}
