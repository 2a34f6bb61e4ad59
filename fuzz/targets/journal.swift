/// The journal path without journalctl: journalctl's export format (text fields, binary fields with a 64-bit
/// length, entries split by blank lines) read from a file by the export reader in a small buffer (so
/// fields straddle refills), each entry written as a syslog line and fed through the pipeline (range,
/// dispatch, parsers, correlators) into an aggregator and the report builder.
@testable import LogscanCore
import Glibc

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let fd = Fuzz.inputFile(data, size)
    let range = size % 2 == 0 ? TimeRange.everything
        : TimeRange(since: Instant(micros: 1_700_000_000_000_000), until: Fuzz.reference)
    var processor = LineProcessor(registry: ParserRegistry(), range: range, zone: .utc, reference: Fuzz.reference,
                                  sink: Aggregator(zone: .utc))
    var reader = ExportEntryReader(capacity: 64)
    var writer = JournalLineWriter()
    defer {
        reader.deallocate()
        writer.deallocate()
    }
    reader.forEachEntry(of: fd) { fields, _ in
        let (line, raw) = writer.line(fields)
        processor.process(line, raw: raw)
    }
    processor.finish()
    let built = ReportBuilder(top: 3).build(processor.sink, run: ScanRun(plan: InputPlan(), range: range),
                                            generatedAt: Fuzz.reference)
    Fuzz.sink = Fuzz.sink &+ built.services.count &+ (reader.damage?.utf8.count ?? 0)
    return 0
}
