import Foundation
import Testing
@testable import LogscanCore

/// `HeldQueue` lets go of a released line at once, while an older line is still open, and `HeldLines` reuses
/// the slot of a delivered line: memory then follows the lines still waiting, not every line since the
/// oldest open one (a burst of attacks held up to 50,000).
@Suite struct HeldQueueTests {
    /// `hasNothingToSettle`, checked before every line's `settleExpired`, must only say so when
    /// `nextToSettle` would find nothing and change nothing: on random queues (lines held a few minutes
    /// apart, some released, at the front or behind it) and times around and beyond their expiry.
    @Test func theInlineCheckNeverHidesALineToSettle() {
        let lines = HeldLines()
        var queue = HeldQueue(lines: lines)
        var open: [Int32] = []
        var state: UInt64 = 11
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var checked = 0, quiet = 0
        for step in 0..<300 {
            if next(3) > 0 || open.isEmpty {
                let minute = step / 3
                let text = String(format: "Nov 27 %02d:%02d:00 web1 sshd[%d]: Invalid user u from 192.0.2.1 port 1",
                                  minute / 60, minute % 60, step)
                let line = keep(text, in: lines)
                queue.add(line, key: UInt64(step))
                open.append(line)
            } else {
                queue.release(open.remove(at: next(open.count)), .sameAttempt)
                // Dropped from the front after the pipeline takes them, released lines cost the check before
                // the next line no call.
                if next(2) == 0 {
                    queue.dropReleasedFront()
                    #expect(queue.hasNothingToSettle(around: nil), "a released line left at the front")
                }
            }
            // As a correlator's lines do now and then: released lines leave the front (nothing settles
            // without a time).
            if next(2) == 0 { #expect(queue.nextToSettle(around: nil) == nil) }
            for now in [nil, 1_800_000_000 + Int64(next(20_000)) - 10_000] as [Int64?] {
                let first = open.first.flatMap { lines[$0].event.line.time?.seconds }
                for around in [now, first.map { $0 + 600 }, first.map { $0 + 601 }, first.map { $0 - 601 }] {
                    var probe = queue
                    checked += 1
                    if queue.hasNothingToSettle(around: around) {
                        quiet += 1
                        #expect(probe.nextToSettle(around: around) == nil)
                    }
                }
            }
        }
        #expect(quiet > 100 && quiet < checked, "both answers must occur: \(quiet) of \(checked)")
    }

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
        #expect(lines.released.count == 1 && lines.released[0] == settled)
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
