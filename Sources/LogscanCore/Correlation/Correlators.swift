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
    /// Inline in the pipeline where the optimiser has room: most lines need no correlator. Not transparent:
    /// forced into `LineProcessor.process` (round five, first pass: -7 / -13 a line on its own branch), it
    /// grew `process` past the inliner's size limit once the other branches were merged, and the syslog
    /// header's parse became a call; always-inline, the report is 21 / 23 instructions a line cheaper on the
    /// auth / mail cut (`events` and `ban` 2-9 dearer), measured on the merged code.
    @inline(__always)
    /// `event` (the line and its parse) is `inout` only to be read in place, by address (see
    /// `Correlator.classify`); it is not changed.
    mutating func classify(_ event: inout Event, service: Service) -> CorrelationOutcome {
        let role = event.parsed.kind.role
        if role == .probe { return .decided(.probe) }
        let count = event.parsed.count.repeated(event.line.repeatCount)
        switch service {
        case .sshd:
            return SshdCorrelator.handles(role) ? sshd.classify(&event, role: role, count: count) : .decided(.noise)
        case .postfix:
            return PostfixCorrelator.handles(role) ? postfix.classify(&event, role: role, count: count) : .decided(.noise)
        case .dovecot:
            return DovecotCorrelator.handles(role) ? dovecot.classify(&event, role: role, count: count) : .decided(.noise)
        }
    }

    mutating func hold(_ line: Int32, key: UInt64, service: Service) {
        switch service {
        case .sshd: sshd.hold(line, key: key)
        case .postfix: postfix.hold(line, key: key)
        case .dovecot: dovecot.hold(line, key: key)
        }
    }

    /// After the pipeline took the released lines: see `HeldQueue.dropReleasedFront`. Inlined into
    /// `LineProcessor.deliverReleasedLines`, its one caller (a call of its own: 28 instructions a delivery).
    @inline(__always)
    mutating func dropReleasedFronts() {
        sshd.heldQueue.dropReleasedFront()
        dovecot.heldQueue.dropReleasedFront()
    }

    mutating func finish() {
        sshd.finish()
        dovecot.finish()
    }
}
