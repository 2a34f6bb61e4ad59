/// The syslog header and timestamp parsers (classic, RFC 3339, RFC 5424, TAI64N, variants), one line at a
/// time with one year-inferring resolver, and the `--since`/`--until` parser on the same text.
@testable import LogscanCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    Fuzz.withInput(data, size) { input in
        var times = TimeResolver(zone: .utc, reference: Fuzz.reference)
        Fuzz.forEachLine(input) { raw in
            let line = SyslogHeaderParser.parse(raw, times: &times)
            var sum = line.repeatCount +| Int(line.pid) +| line.message.count
            sum +|= SafeText.from(line.host).utf8.count +| SafeText.from(line.program).utf8.count
            if let time = line.time { sum +|= Int(truncatingIfNeeded: time.micros) }
            if let (stamp, used) = StampParser.iso(raw) { sum +|= Int(truncatingIfNeeded: stamp.wallSeconds) +| used }
            if raw.count < 200, let instant = try? TimeSpec.instant(raw.string, now: Fuzz.reference, zone: .utc) {
                sum +|= Int(truncatingIfNeeded: instant.micros)
            }
            Fuzz.sink = Fuzz.sink &+ sum
        }
    }
    return 0
}
