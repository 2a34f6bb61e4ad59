import Testing
@testable import LogscanCore

/// The service parsers' readers write the caller's message in place (`SshdParser.read`, `PostfixParser.read`,
/// `DovecotParser.read`): a line they do not recognise must leave that message exactly as it was, however far
/// a reader got before it gave up. Every example line of every parser goes through each reader (so each one
/// also sees the other services' lines) into a message that holds a sentinel parse.
@Suite struct InPlaceParseTests {
    private static let lines = ParserRegistry.all.flatMap(\.examples).map(\.line)

    private static func read(_ service: Service, _ message: Bytes, program: Bytes, into parsed: inout ParsedMessage) -> Bool {
        switch service {
        case .sshd: SshdParser.read(message, into: &parsed)
        case .postfix: PostfixParser.read(message, into: &parsed)
        case .dovecot: DovecotParser.read(message, program: program, into: &parsed)
        }
    }

    @Test(arguments: Service.allCases)
    func anUnrecognisedLineLeavesTheMessageAsItWas(service: Service) {
        var unrecognised = 0
        for text in Self.lines {
            var times = TimeResolver(zone: .utc, reference: Instant(seconds: 1_800_000_000))
            Bytes.with(text) { raw in
                let line = SyslogHeaderParser.parse(raw, times: &times)
                Bytes.with("sentinel") { sentinel in
                    var parsed = ParsedMessage(.reject, user: sentinel, validity: .valid, method: sentinel, count: 987_654,
                                               detail: sentinel)
                    parsed.relay = sentinel
                    parsed.queueID = sentinel
                    parsed.size = 4_321
                    parsed.rejectClass = .policy
                    guard !Self.read(service, line.message, program: line.program, into: &parsed) else { return }
                    unrecognised += 1
                    #expect(parsed.kind == .reject && parsed.peer == nil && parsed.userValidity == .valid
                            && parsed.rejectClass == .policy && parsed.count == 987_654 && parsed.size == 4_321, "\(text)")
                    for field in [parsed.user, parsed.method, parsed.detail, parsed.relay, parsed.queueID] {
                        #expect(field == sentinel, "\(text)")
                    }
                }
            }
        }
        // The other services' lines are mostly not this one's: the false path is exercised, not skipped.
        #expect(unrecognised > 10)
    }
}
