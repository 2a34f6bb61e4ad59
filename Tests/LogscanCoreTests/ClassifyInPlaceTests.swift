import Testing
@testable import LogscanCore

/// The correlators take the line's parse `inout` only so that it is read where the pipeline keeps it, not
/// copied for each call (`Correlator.classify`): they must leave it as it was, since the same parse then goes
/// into the line's event.
@Suite struct ClassifyInPlaceTests {
    @Test func theCorrelatorsLeaveTheParseAsItWas() {
        let registry = ParserRegistry()
        var correlators = Correlators(lines: HeldLines())
        var classified = 0
        var times = TimeResolver(zone: .utc, reference: Instant(seconds: 1_800_000_000))
        // Every example twice, so the second round meets the connections and sessions the first opened.
        let lines = ParserRegistry.all.flatMap(\.examples).map(\.line)
        for text in lines + lines {
            Bytes.with(text) { raw in
                let line = SyslogHeaderParser.parse(raw, times: &times)
                for parser in registry.parsers {
                    var parsed = ParsedMessage(.noise)
                    guard parser.parse(line.message, program: line.program, into: &parsed) else { continue }
                    let before = ParseInPlaceTests.Fields(parsed)
                    _ = correlators.classify(&parsed, line: line, service: parser.service)
                    classified += 1
                    #expect(ParseInPlaceTests.Fields(parsed) == before, "\(parser.service): \(text)")
                }
            }
        }
        #expect(classified > 100, "too few lines classified to tell: \(classified)")
    }
}
