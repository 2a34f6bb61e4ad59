/// One correlator per service, chosen by a switch rather than an existential on the hot path.
struct Correlators {
    var sshd: SshdCorrelator
    var postfix = PostfixCorrelator()
    var dovecot: DovecotCorrelator

    /// `lines`: where the correlators that hold lines keep them, and list the ones they release.
    init(lines: HeldLines) {
        sshd = SshdCorrelator(lines: lines)
        dovecot = DovecotCorrelator(lines: lines)
    }

    /// Probes and the roles a service's correlator does not count are decided here, for every service.
    /// Inline in the pipeline: most lines need no correlator, and then cost no call. Transparent, as
    /// `LineProcessor.route`: `@inline(__always)` left it a call (`process` is over the inliner's caller-size
    /// limit); measured: -7 instructions a line of the auth cut, -13 of the mail cut (whole runs).
    @_transparent
    mutating func classify(_ parsed: ParsedMessage, line: SyslogLine, service: Service) -> CorrelationOutcome {
        let role = parsed.kind.role
        if role == .probe { return .decided(.probe) }
        let count = parsed.count.repeated(line.repeatCount)
        switch service {
        case .sshd:
            return SshdCorrelator.handles(role) ? sshd.classify(parsed, role: role, count: count, line: line) : .decided(.noise)
        case .postfix:
            return PostfixCorrelator.handles(role) ? postfix.classify(parsed, role: role, count: count, line: line) : .decided(.noise)
        case .dovecot:
            return DovecotCorrelator.handles(role) ? dovecot.classify(parsed, role: role, count: count, line: line) : .decided(.noise)
        }
    }

    mutating func hold(_ line: Int32, key: UInt64, service: Service) {
        switch service {
        case .sshd: sshd.hold(line, key: key)
        case .postfix: postfix.hold(line, key: key)
        case .dovecot: dovecot.hold(line, key: key)
        }
    }

    mutating func finish() {
        sshd.finish()
        dovecot.finish()
    }
}
