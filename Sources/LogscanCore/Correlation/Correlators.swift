/// One correlator per service, chosen by a switch rather than an existential on the hot path.
struct Correlators {
    var sshd = SshdCorrelator()
    var postfix = PostfixCorrelator()
    var dovecot = DovecotCorrelator()

    mutating func classify(_ parsed: ParsedMessage, line: SyslogLine, service: Service) -> CorrelationOutcome {
        switch service {
        case .sshd: return sshd.classify(parsed, line: line)
        case .postfix: return postfix.classify(parsed, line: line)
        case .dovecot: return dovecot.classify(parsed, line: line)
        }
    }

    mutating func hold(_ line: HeldLine, key: UInt64, service: Service) {
        switch service {
        case .sshd: sshd.hold(line, key: key)
        case .postfix: postfix.hold(line, key: key)
        case .dovecot: dovecot.hold(line, key: key)
        }
    }

    mutating func drainReleased(_ body: (HeldLine) -> Void) {
        sshd.drainReleased(body)
        dovecot.drainReleased(body)
    }

    mutating func finish() {
        sshd.finish()
        dovecot.finish()
    }
}
