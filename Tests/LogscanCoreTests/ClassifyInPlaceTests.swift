import Testing
@testable import LogscanCore

/// The correlators take the line's event (its line and parse) `inout` only so that it is read where the
/// pipeline keeps it, not copied for each call (`Correlator.classify`): they must leave both as they were,
/// since the same event then goes to the sink.
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
                    var event = Event(service: parser.service, line: line, parsed: ParsedMessage(.noise),
                                      verdict: .noise, lineNumber: 0)
                    guard parser.parse(line.message, program: line.program, into: &event.parsed) else { continue }
                    let before = ParseInPlaceTests.Fields(event.parsed)
                    _ = correlators.classify(&event, service: parser.service)
                    classified += 1
                    #expect(ParseInPlaceTests.Fields(event.parsed) == before, "\(parser.service): \(text)")
                    #expect(LineFields(event.line) == LineFields(line), "\(parser.service): \(text)")
                }
            }
        }
        #expect(classified > 100, "too few lines classified to tell: \(classified)")
    }

    /// Every field of a line, its views as addresses and lengths.
    struct LineFields: Equatable {
        let views: [[Int]]
        let repeatCount: Int
        let micros: Int64?
        let programIsHeld: Bool
        let pid: Int32

        init(_ line: SyslogLine) {
            views = [line.host, line.program, line.message].map { [Int(bitPattern: $0.base), $0.count] }
            repeatCount = line.repeatCount
            micros = line.time?.micros
            programIsHeld = line.programIsHeld
            pid = line.pid
        }
    }
}
