import Testing
@testable import LogscanCore

/// `Correlators.classify` decides from a table of flags a kind (`Correlators.flagsTable`): it must decide
/// as the roles' definition does, for every kind and service: a probe for the `probe` role, noise for a role
/// the service's correlator does not handle (`Correlator.handles`), else the correlator's own answer.
@Suite struct CorrelatorsDispatchTests {
    @Test func theTableHoldsTheFlagsOfEveryKind() {
        let expected = String(decoding: EventKind.allCases.map { Correlators.noFlags + Correlators.flags($0) }, as: UTF8.self)
        #expect(Correlators.flagsTable.description == expected, "Correlators.flagsTable should be \"\(expected)\"")
        #expect(Correlators.flagsTable.utf8CodeUnitCount == EventKind.allCases.count)
        for kind in EventKind.allCases {
            #expect(Correlators.flagsTable.utf8Start[kind.index] &- Correlators.noFlags == Correlators.flags(kind),
                    "\(kind)")
        }
    }

    @Test func theDispatchDecidesAsTheRoles() {
        Bytes.with("mx1 postfix/smtpd message") { text in
            let line = SyslogLine(time: Instant(seconds: 1_800_000_000), host: text.prefix(3),
                                  program: text.slice(4, 17), pid: 4242, message: text.suffix(from: 18), repeatCount: 2)
            for service in Service.allCases {
                for kind in EventKind.allCases {
                    var dispatched = Correlators(lines: HeldLines())
                    var reference = Correlators(lines: HeldLines())
                    var event = Event(service: service, line: line, parsed: ParsedMessage(kind), verdict: .noise,
                                      lineNumber: 1)
                    let outcome = dispatched.classify(&event, service: service)
                    let expected = Self.definition(&reference, &event, service: service)
                    #expect(String(describing: outcome) == String(describing: expected), "\(service) \(kind)")
                }
            }
        }
    }

    /// The outcome as the roles define it, the correlator called directly.
    static func definition(_ correlators: inout Correlators, _ event: inout Event,
                           service: Service) -> CorrelationOutcome {
        let role = event.parsed.kind.roleBySwitch
        if role == .probe { return .decided(.probe) }
        let count = event.parsed.count.repeated(event.line.repeatCount)
        switch service {
        case .sshd:
            return SshdCorrelator.handles(role) ? correlators.sshd.classify(&event, role: role, count: count)
                : .decided(.noise)
        case .postfix:
            return PostfixCorrelator.handles(role) ? correlators.postfix.classify(&event, role: role, count: count)
                : .decided(.noise)
        case .dovecot:
            return DovecotCorrelator.handles(role) ? correlators.dovecot.classify(&event, role: role, count: count)
                : .decided(.noise)
        }
    }
}
