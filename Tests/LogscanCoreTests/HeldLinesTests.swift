import Testing
@testable import LogscanCore

/// `HeldLines.keep` moves the header's views onto the copy without checking where they lie (the header
/// parsers and the journal's line writer make them from the line), and checks the parse's views. Held against
/// the general rule, view by view: a view inside the line moves to the same place in the copy, any other stays.
@Suite struct HeldLinesTests {
    static let syslogLines = [
        "Nov 27 04:50:37 web1 sshd[100]: Invalid user alice from 192.0.2.1 port 1",  // the common header
        "Nov 27 04:50:37 web1 sshd[100]: Failed password for root from 192.0.2.1 port 22 ssh2",
        "Nov 27 04:50:37 web1 sshd[100]: message repeated 3 times: [ Failed password for bob from 192.0.2.1 port 22 ssh2]",
        "Nov 27 04:50:37 web1 sshd[100]: Invalid user carol from 192.0.2.1 port 1   ",  // trailing blanks
        "2026-11-27T04:50:37.123456+00:00 web1 sshd[100]: Invalid user dave from 192.0.2.1 port 1",  // ISO stamp
        "Nov 27 04:50:37 web1 auth.info sshd[100]: Invalid user erin from 192.0.2.1 port 1",  // facility.level
        "Nov 27 04:50:37 sshd[100]: Invalid user frank from 192.0.2.1 port 1",  // no host
        "Nov 27 04:50:37 web1 postfix/smtpd[200]: warning: unknown[192.0.2.9]: SASL LOGIN authentication failed: UGFzc3dvcmQ6",
        "Nov 27 04:50:37 web1 postfix/smtp[201]: 4XyZ1k2Lmnz: to=<a@example.org>, relay=mx.example.org[192.0.2.7]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)",
        "Nov 27 04:50:37 web1 dovecot: imap-login: Disconnected (auth failed, 2 attempts in 4 secs): user=<gina>, method=PLAIN, rip=192.0.2.8, lip=192.0.2.1, session=<abc>",
        "Nov 27 04:50:37 web1 sshd[100]: Connection closed by authenticating user root host.example.org port 22 [preauth]",
    ]

    @Test func keptViewsFollowTheGeneralRule() {
        let registry = ParserRegistry()
        var checked = 0
        for text in HeldLinesTests.syslogLines {
            var times = TimeResolver(zone: .utc, reference: Instant(seconds: 1_800_000_000))
            Bytes.with(text) { raw in
                let line = SyslogHeaderParser.parse(raw, times: &times)
                checked += check(line, raw: raw, registry: registry) ? 1 : 0
            }
        }
        var writer = JournalLineWriter()
        defer { writer.deallocate() }
        Bytes.with("web1") { host in
            Bytes.with("sshd") { program in
                Bytes.with("Invalid user hank from 192.0.2.1 port 1") { message in
                    var fields = JournalFields()
                    fields.hostname = host
                    fields.identifier = program
                    fields.message = message
                    let (line, raw) = writer.line(fields)
                    checked += check(line, raw: raw, registry: registry) ? 1 : 0
                }
            }
        }
        #expect(checked == HeldLinesTests.syslogLines.count + 1, "every line must be recognised")
    }

    /// Keeps `line` (its parse by `registry`) and compares every view of the held event with the rule.
    private func check(_ line: SyslogLine, raw: Bytes, registry: ParserRegistry) -> Bool {
        guard let index = registry.parserIndex(for: line.program),
              let parsed = registry.parsers[index].parse(line.message, program: line.program) else { return false }
        let lines = HeldLines()
        let event = Event(service: registry.service(at: index), line: line, parsed: parsed, verdict: .noise,
                          lineNumber: 7)
        let handle = lines.keep(raw, event: event, isResolved: false)
        let held = lines[handle]
        #expect(held.raw.string == raw.string && held.raw.base != raw.base)
        func expectMoved(_ original: Bytes?, _ kept: Bytes?, _ name: String) {
            guard let original, let kept else { return #expect(original == nil && kept == nil, "\(name)") }
            let start = original.base - raw.base
            let inside = start >= 0 && start + original.count <= raw.count
            let expected = inside ? held.raw.base + start : original.base
            #expect(kept.base == expected && kept.count == original.count, "\(name) of \(raw.string)")
        }
        expectMoved(line.host, held.event.line.host, "host")
        expectMoved(line.program, held.event.line.program, "program")
        expectMoved(line.message, held.event.line.message, "message")
        expectMoved(parsed.user, held.event.parsed.user, "user")
        expectMoved(parsed.method, held.event.parsed.method, "method")
        expectMoved(parsed.detail, held.event.parsed.detail, "detail")
        expectMoved(parsed.relay, held.event.parsed.relay, "relay")
        expectMoved(parsed.queueID, held.event.parsed.queueID, "queueID")
        if case .hostname(let name)? = parsed.peer, case .hostname(let kept)? = held.event.parsed.peer {
            expectMoved(name, kept, "peer")
        } else {
            #expect(held.event.parsed.peer == parsed.peer)
        }
        #expect(held.event.lineNumber == 7 && held.event.service == event.service && held.event.line.time == line.time)
        #expect(held.event.parsed.kind == parsed.kind && held.event.line.pid == line.pid)
        return true
    }
}
