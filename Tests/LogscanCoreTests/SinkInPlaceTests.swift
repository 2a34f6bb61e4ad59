import Glibc
import Testing
@testable import LogscanCore
@testable import LogscanRender

/// The sinks take the event `inout` (`EventSink.record`, `open`, `settle`) only so that it is read where the
/// pipeline keeps it, not copied for each call down their chain: they must leave it as it was, since a held
/// line's event is read again after the call (settled, then recorded from the queue).
@Suite struct SinkInPlaceTests {
    /// The fields of an event, comparable: the parse's (`ParseInPlaceTests.Fields`) and the line's views by
    /// address, so a view moved elsewhere counts as a change.
    struct Fields: Equatable {
        let parsed: ParseInPlaceTests.Fields
        let line: [Int]
        let time: Instant?
        let lineNumber: Int
        let verdict: Verdict
        let service: Service

        init(_ event: Event) {
            parsed = ParseInPlaceTests.Fields(event.parsed)
            line = [event.line.host, event.line.program, event.line.message].flatMap { [Int(bitPattern: $0.base), $0.count] }
                + [event.line.repeatCount, Int(event.line.pid)]
            time = event.line.time
            lineNumber = event.lineNumber
            verdict = event.verdict
            service = event.service
        }
    }

    /// Hands every call on to `inner` and counts the events that came back changed.
    struct Checked<Inner: EventSink>: EventSink {
        var inner: Inner
        /// Calls by name (`record`, `open`, `settle`).
        var calls: [String: Int] = [:]
        var changed: [String] = []
        var needsInputOrder: Bool { inner.needsInputOrder }
        var keepsInputOrder: Bool { inner.keepsInputOrder }
        var wantsUnmatched: Bool { inner.wantsUnmatched }

        mutating func record(_ event: inout Event) {
            let before = Fields(event)
            inner.record(&event)
            note(before, event, "record")
        }

        mutating func open(_ event: inout Event) -> Int {
            let before = Fields(event)
            let place = inner.open(&event)
            note(before, event, "open")
            return place
        }

        mutating func settle(_ place: Int, with event: inout Event) {
            let before = Fields(event)
            inner.settle(place, with: &event)
            note(before, event, "settle")
        }

        mutating func unmatched(_ line: SyslogLine, raw: Bytes, service: Service?, lineNumber: Int) {
            inner.unmatched(line, raw: raw, service: service, lineNumber: lineNumber)
        }

        private mutating func note(_ before: Fields, _ event: Event, _ call: String) {
            calls[call, default: 0] += 1
            if Fields(event) != before && changed.count < 5 { changed.append("\(call): line \(event.lineNumber) \(event.parsed.kind)") }
        }
    }

    /// Every parser example twice (the second round meets the connections the first opened, and settles
    /// held lines), through the pipeline into `sink`.
    func run<Sink: EventSink>(_ sink: Sink) -> Checked<Sink> {
        var processor = LineProcessor(registry: ParserRegistry(), range: .everything, zone: .utc,
                                      reference: Instant(seconds: 1_800_000_000), sink: Checked(inner: sink))
        let lines = ParserRegistry.all.flatMap(\.examples).map(\.line)
        for text in lines + lines { Bytes.with(text) { processor.process($0) } }
        processor.finish()
        return processor.sink
    }

    @Test func theReportsSinkLeavesTheEventAsItWas() {
        let checked = run(Aggregator())
        #expect(checked.calls["record", default: 0] > 100, "too few events to tell: \(checked.calls)")
        #expect(checked.changed.isEmpty, "\(checked.changed)")
    }

    @Test func theEventsPrinterLeavesTheEventAsItWas() {
        let devNull = Glibc.open("/dev/null", O_WRONLY)
        defer { close(devNull) }
        let checked = run(OrderedEventPart(index: 0, turns: OutputTurns(), fd: devNull, zone: .utc, includeUnmatched: true))
        var part = checked.inner
        part.finish()
        #expect(checked.calls["record", default: 0] > 100, "too few events to tell: \(checked.calls)")
        #expect(checked.calls["open", default: 0] > 0 && checked.calls["settle", default: 0] > 0,
                "no held line's verdict was open: \(checked.calls)")
        #expect(checked.changed.isEmpty, "\(checked.changed)")
    }
}
