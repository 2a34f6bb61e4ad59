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
    /// `event` (the line and its parse) is `inout` only to be read in place, by address (see
    /// `Correlator.classify`); it is not changed.
    @inline(__always)
    mutating func classify(_ event: inout Event, service: Service) -> CorrelationOutcome {
        let kind = event.parsed.kind
        // `@` sets none of the flags' bits, so the table's byte is read as it is.
        let flags = Correlators.flagsTable.utf8Start[kind.index]
        guard flags & (1 &<< UInt8(truncatingIfNeeded: service.index)) != 0 else {
            return .decided(flags & Correlators.probeFlag != 0 ? .probe : .noise)
        }
        let role = kind.role
        let count = event.parsed.count.repeated(event.line.repeatCount)
        switch service {
        case .sshd: return sshd.classify(&event, role: role, count: count)
        case .postfix: return postfix.classify(&event, role: role, count: count)
        case .dovecot: return dovecot.classify(&event, role: role, count: count)
        }
    }

    /// `flags` read from a table of one byte a kind (`noFlags` + the flags) in a string literal, as
    /// `EventKind.role` reads its role: one load tells whether the line's service needs its correlator and
    /// whether it is a probe, where the role's load, the probe's compare, the service's switch and its
    /// `handles` cost about 8 instructions a mail line more (measured, round eight). `CorrelatorsDispatchTests`
    /// holds the table against `flags` for every kind, and prints the table to write when a kind or a
    /// correlator's `handles` changes.
    @inline(__always)
    static var flagsTable: StaticString { "CCCACAAAAAAACCAAAGHH@HHHH@C@CCBGCHHBHHHHH@@@@@@@@@DDDDGH@" }

    /// The table's byte for no flags (`@`, 0x40); bit `Service.index` is set when that service's correlator
    /// handles the kind's role, and `probeFlag` when the role is `probe`.
    static var noFlags: UInt8 { UInt8(ascii: "@") }
    static var probeFlag: UInt8 { 8 }

    /// The definition `flagsTable` is read from.
    static func flags(_ kind: EventKind) -> UInt8 {
        let role = kind.roleBySwitch
        var flags: UInt8 = role == .probe ? probeFlag : 0
        if SshdCorrelator.handles(role) { flags |= 1 << UInt8(Service.sshd.index) }
        if PostfixCorrelator.handles(role) { flags |= 1 << UInt8(Service.postfix.index) }
        if DovecotCorrelator.handles(role) { flags |= 1 << UInt8(Service.dovecot.index) }
        return flags
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
