import Testing
@testable import LogscanCore

/// Runs every example of every registered parser through the real pipeline (header, dispatch, parser).
/// A failure points at the example's own line in the parser's file.
@Suite struct ParserExampleTests {
    static let examples: [ParserExample] = ParserRegistry.all.flatMap(\.examples)

    @Test func everyParserCarriesMatchingAndUnmatchedExamples() {
        for parser in ParserRegistry.all {
            let examples = parser.examples
            #expect(examples.contains { if case .event = $0.expectation { true } else { false } },
                    "\(parser.service) has no matching examples")
            #expect(examples.contains { $0.expectation == .unmatched }, "\(parser.service) has no unmatched examples")
        }
    }

    @Test(arguments: examples)
    func example(_ example: ParserExample) {
        let location = SourceLocation(fileID: "LogscanCore/" + (example.file.split(separator: "/").last.map(String.init) ?? ""),
                                      filePath: example.file, line: example.lineInSource, column: 1)
        let registry = ParserRegistry()
        var times = TimeResolver(zone: .utc, reference: Instant(seconds: 1_800_000_000))
        let outcome: ParserExample.Expectation = Bytes.with(example.line) { raw in
            let line = SyslogHeaderParser.parse(raw, times: &times)
            guard let index = registry.parserIndex(for: line.program),
                  let parsed = registry.parsers[index].parse(line.message, program: line.program) else { return .unmatched }
            let ip: String?
            switch parsed.peer {
            case .ip(let address)?: ip = address.description
            case .hostname(let name)?: ip = name.string
            case nil: ip = nil
            }
            return .event(parsed.kind, ip: ip, user: parsed.user.map(\.string), count: parsed.count * line.repeatCount)
        }
        #expect(outcome == example.expectation, "\(example.line)", sourceLocation: location)
    }
}

extension ParserExample: CustomTestStringConvertible {
    public var testDescription: String { line }
}
