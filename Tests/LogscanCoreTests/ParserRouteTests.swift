import Testing
@testable import LogscanCore

/// The parser route the pipeline keeps in its name caches (`ParserRoute`: built-in parser, service, index)
/// against the registry's own answers: for registries holding the built-in parsers in any order and parsers
/// of other types, the route of every claimed program names the service `service(at:)` names and parses every
/// example as the claiming parser itself does.
@Suite struct ParserRouteTests {
    /// A parser of another type (so called through the existential), claiming its own program name for a
    /// service its wrapped parser does not have.
    struct Relabelled: ServiceParser {
        let wrapped: any ServiceParser
        let service: Service
        let name: String
        var programs: [String] { [name] }
        var examples: [ParserExample] { [] }
        func parse(_ message: Bytes, program: Bytes, into parsed: inout ParsedMessage) -> Bool {
            wrapped.parse(message, program: program, into: &parsed)
        }
    }

    static let registries: [ParserRegistry] = [
        ParserRegistry(),
        ParserRegistry(parsers: [DovecotParser(), Relabelled(wrapped: SshdParser(), service: .postfix, name: "ssh-relabelled"),
                                 SshdParser(), PostfixParser()]),
        ParserRegistry(parsers: [Relabelled(wrapped: DovecotParser(), service: .sshd, name: "imap-relabelled"), PostfixParser(),
                                 Relabelled(wrapped: PostfixParser(), service: .dovecot, name: "mta-relabelled"), DovecotParser(),
                                 SshdParser()]),
    ]

    @Test(arguments: registries.indices)
    func aRouteAnswersAsTheRegistrysArraysDo(_ which: Int) {
        let registry = Self.registries[which]
        let messages = ParserRegistry.all.flatMap(\.examples).map(\.line)
        var compared = 0
        for (index, parser) in registry.parsers.enumerated() {
            for program in parser.programs {
                Bytes.with(program) { name in
                    guard let route = registry.route(for: name), let claimed = registry.parserIndex(for: name) else {
                        Issue.record("\(program): no route"); return
                    }
                    #expect(claimed == index, "\(program)")
                    #expect(ParserRegistry.service(route: route) == registry.service(at: claimed), "\(program)")
                    #expect(ParserRegistry.service(route: route) == parser.service, "\(program)")
                    for message in messages {
                        var times = TimeResolver(zone: .utc, reference: Instant(seconds: 1_800_000_000))
                        Bytes.with(message) { raw in
                            let text = SyslogHeaderParser.parse(raw, times: &times).message
                            var byRoute = ParseInPlaceTests.dirty, byParser = ParseInPlaceTests.dirty
                            let routeAnswer = registry.parse(route: route, text, program: name, into: &byRoute)
                            let parserAnswer = parser.parse(text, program: name, into: &byParser)
                            #expect(routeAnswer == parserAnswer, "\(program): \(message)")
                            #expect(ParseInPlaceTests.Fields(byRoute) == ParseInPlaceTests.Fields(byParser),
                                    "\(program): \(message)")
                            compared += 1
                        }
                    }
                }
            }
        }
        #expect(compared > 100)
        #expect(Bytes.with("cron") { registry.route(for: $0) } == nil)
    }
}
