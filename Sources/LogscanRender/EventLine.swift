import LogscanCore

/// One line of `logscan events`, as the fields it prints: made from a recognised or unmatched line, or read
/// back from an `EventRecordLog`. Byte fields are views (into the log line, or into the record log).
struct EventLine {
    var lineNumber: Int
    var time: Instant?
    var host: Bytes
    var program: Bytes
    /// The `EventFragments` index of the fixed middle: service, kind, failure.
    var fragment: Int
    var peer: Peer?
    var user: Bytes?
    var count: Int
    /// The line's text, for an unmatched line only.
    var text: Bytes?

    /// The bytes of its variable fields: with a fixed allowance, a bound on what it prints or records when
    /// nothing needs escaping.
    var variableBytes: Int {
        var total = host.count + program.count + (user?.count ?? 0) + (text?.count ?? 0)
        if case .hostname(let name)? = peer { total += name.count }
        return total
    }
}

extension EventLine {
    /// A recognised line, with the verdict the report uses. The kind is qualified when the verdict changes
    /// its meaning: a line that reports an attempt already counted is `<kind>.same_attempt`; a close after
    /// an attempt (not a probe) is `<kind>.after_attempt`.
    init(_ event: inout Event) {
        let parsed = event.parsed
        let variant: Int
        switch event.verdict {
        case .sameAttempt: variant = 1
        case .noise where parsed.kind.role == .closing: variant = 2
        default: variant = 0
        }
        let failure: Bool, count: Int
        if case .failure(let attempts) = event.verdict {
            (failure, count) = (true, attempts)
        } else {
            (failure, count) = (false, parsed.count.repeated(event.line.repeatCount))
        }
        self.init(lineNumber: event.lineNumber, time: event.line.time, host: event.line.host,
                  program: event.line.program,
                  fragment: EventFragments.index(service: event.service, kind: parsed.kind, variant: variant,
                                                 failure: failure),
                  peer: parsed.peer, user: parsed.user, count: count, text: nil)
    }

    /// A line that no parser recognised; `service` when a parser claims its program.
    init(unmatched line: SyslogLine, raw: Bytes, service: Service?, lineNumber: Int) {
        self.init(lineNumber: lineNumber, time: line.time, host: line.host, program: line.program,
                  fragment: EventFragments.unmatchedIndex(service: service), peer: nil, user: nil,
                  count: line.repeatCount, text: raw)
    }
}
