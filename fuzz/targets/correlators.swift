/// The whole line pipeline fed a sequence of lines: header, dispatch, every parser, the sshd, Postfix and
/// Dovecot correlators (held lines, expiry, ordered release for `events`), the aggregator and the report
/// builder. The first byte picks the sink's ordering and the time range.
@testable import LogscanCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    Fuzz.withInput(data, size) { input in
        guard !input.isEmpty else { return }
        let mode = input[0]
        let lines = input.dropFirst(1)
        let range = mode & 2 == 0 ? TimeRange.everything
            : TimeRange(since: Instant(micros: 1_700_000_000_000_000), until: Fuzz.reference)
        let registry = ParserRegistry()
        var events = LineProcessor(registry: registry, range: range, zone: .utc, reference: Fuzz.reference,
                                   sink: FuzzSink(needsInputOrder: mode & 1 == 0))
        var report = LineProcessor(registry: registry, range: range, zone: .utc, reference: Fuzz.reference,
                                   sink: Aggregator(zone: .utc))
        Fuzz.forEachLine(lines) { line in
            events.process(line)
            report.process(line)
        }
        events.finish()
        report.finish()
        let built = ReportBuilder(top: Int(mode >> 4)).build(report.sink, run: ScanRun(plan: InputPlan(), range: range),
                                                            generatedAt: Fuzz.reference)
        Fuzz.sink = Fuzz.sink &+ events.sink.total &+ built.services.count
    }
    return 0
}
