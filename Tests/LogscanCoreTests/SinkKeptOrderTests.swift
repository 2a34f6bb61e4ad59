import Testing
@testable import LogscanCore

/// A sink that keeps input order itself (`EventSink.keepsInputOrder`, the `events` printer) gets every line
/// at once and an open line's verdict later: put in order, what it ends with must equal what the pipeline's
/// own queue gives an ordered sink, line for line and verdict for verdict.
@Suite struct SinkKeptOrderTests {
    typealias Seen = SshdCorrelatorTests.Seen

    /// Keeps a place per line; an open line's place is filled when its verdict comes.
    struct PlaceKeeper: EventSink {
        var places: [Seen?] = []
        var openNow = 0
        /// Lines recorded while an open line was before them: the case this sink exists for.
        var recordedBehindOpen = 0
        var needsInputOrder: Bool { true }
        var keepsInputOrder: Bool { true }

        mutating func record(_ event: inout Event) {
            if openNow > 0 { recordedBehindOpen += 1 }
            places.append(Self.seen(event))
        }

        mutating func unmatched(_ line: SyslogLine, raw: Bytes, service: Service?, lineNumber: Int) {}

        mutating func open(_ event: inout Event) -> Int {
            openNow += 1
            places.append(nil)
            return places.count - 1
        }

        mutating func settle(_ place: Int, with event: inout Event) {
            openNow -= 1
            #expect(places[place] == nil, "a place is settled once")
            places[place] = Self.seen(event)
        }

        static func seen(_ event: Event) -> Seen {
            (event.lineNumber, event.parsed.kind, event.verdict, event.parsed.peer?.key.description)
        }
    }

    /// 400 connections from 40 addresses, interleaved: invalid users who fail, give up or reach the limit,
    /// logins, and probes.
    static let lines: [String] = (0..<400).flatMap { i -> [String] in
        let (pid, ip) = (1000 + i, "192.0.2.\(i % 40)")
        let second = String(format: "%02d", i % 60), minute = String(format: "%02d", i / 60)
        let stamp = "Nov 27 04:\(minute):\(second) web1 sshd[\(pid)]: "
        switch i % 4 {
        case 0: return [stamp + "Invalid user u\(i) from \(ip) port \(pid)",
                        stamp + "Accepted password for root from 198.51.100.\(i % 200) port 22 ssh2",
                        stamp + "Failed password for invalid user u\(i) from \(ip) port \(pid) ssh2"]
        case 1: return [stamp + "Invalid user u\(i) from \(ip) port \(pid)",
                        stamp + "Connection closed by invalid user u\(i) \(ip) port \(pid) [preauth]"]
        case 2: return [stamp + "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=\(ip)  user=root",
                        stamp + "Did not receive identification string from 203.0.113.\(i % 200) port 61000",
                        stamp + "Failed password for root from \(ip) port \(pid) ssh2"]
        default: return [stamp + "Invalid user u\(i) from \(ip) port \(pid)"]
        }
    }

    func run<Sink: EventSink>(_ sink: Sink) -> Sink {
        var processor = LineProcessor(registry: ParserRegistry(), range: .everything, zone: .utc,
                                      reference: Instant(seconds: 1_800_000_000), sink: sink)
        for line in Self.lines { Bytes.with(line) { processor.process($0) } }
        processor.finish()
        return processor.sink
    }

    @Test func placesFilledInOrderEqualThePipelinesOwnOrder() {
        let kept = run(PlaceKeeper())
        let queued = run(SshdCorrelatorTests.Collector(ordered: true)).seen
        #expect(kept.openNow == 0, "every open line is settled by finish()")
        #expect(kept.recordedBehindOpen > 100)
        let places = kept.places.compactMap { $0 }
        #expect(places.count == kept.places.count)
        #expect(places.count == queued.count)
        #expect(places.map(\.line) == queued.map(\.line))
        #expect(places.map(\.verdict) == queued.map(\.verdict))
        #expect(places.map(\.kind) == queued.map(\.kind))
        #expect(places.map(\.ip) == queued.map(\.ip))
        #expect(places.map(\.line) == places.map(\.line).sorted(), "input order")
    }
}
