import Testing
@testable import LogscanCore

/// The pipeline keeps one `ParsedMessage` and has every line parsed into it in place
/// (`ServiceParser.parse(_:program:into:)`), so a parser must write the whole parse when it recognises a line
/// and leave it alone when it does not: nothing of an earlier line may show through.
@Suite struct ParseInPlaceTests {
    /// A parse with every field set to something no parser writes.
    static var dirty: ParsedMessage {
        var parsed = ParsedMessage(.daemonPanic, peer: .hostname(Bytes("stale.example")), user: Bytes("stale-user"),
                                   validity: .invalid, method: Bytes("stale-method"), count: 987,
                                   detail: Bytes("stale-detail"))
        parsed.rejectClass = .milter
        parsed.relay = Bytes("stale-relay")
        parsed.queueID = Bytes("STALE0")
        parsed.size = 654_321
        return parsed
    }

    /// Every field, the views as where they point and how long they are.
    struct Fields: Equatable {
        let peer: Peer?
        let kind: EventKind
        let validity: UserValidity
        let rejectClass: RejectClass?
        let views: [[Int]?]
        let count: Int
        let size: Int

        init(_ parsed: ParsedMessage) {
            peer = parsed.peer
            kind = parsed.kind
            validity = parsed.userValidity
            rejectClass = parsed.rejectClass
            views = [parsed.user, parsed.method, parsed.detail, parsed.relay, parsed.queueID]
                .map { $0.map { [Int(bitPattern: $0.base), $0.count] } }
            count = parsed.count
            size = parsed.size
        }
    }

    @Test func aParserWritesTheWholeParseOrNothing() {
        let registry = ParserRegistry()
        var recognised = 0, refused = 0
        for example in ParserRegistry.all.flatMap(\.examples) {
            var times = TimeResolver(zone: .utc, reference: Instant(seconds: 1_800_000_000))
            Bytes.with(example.line) { raw in
                let line = SyslogHeaderParser.parse(raw, times: &times)
                for parser in registry.parsers {
                    var fresh = ParsedMessage(.noise)
                    var reused = ParseInPlaceTests.dirty
                    let freshAnswer = parser.parse(line.message, program: line.program, into: &fresh)
                    let reusedAnswer = parser.parse(line.message, program: line.program, into: &reused)
                    #expect(freshAnswer == reusedAnswer, "\(parser.service): \(example.line)")
                    if reusedAnswer {
                        recognised += 1
                        #expect(Fields(reused) == Fields(fresh), "\(parser.service): \(example.line)")
                    } else {
                        refused += 1
                        #expect(Fields(reused) == Fields(ParseInPlaceTests.dirty), "\(parser.service): \(example.line)")
                    }
                }
            }
        }
        #expect(recognised > 50 && refused > 50, "both answers must occur: \(recognised) recognised, \(refused) refused")
    }
}
