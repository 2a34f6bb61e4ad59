/// OpenSSH's sshd, including `sshd-session` and `sshd-auth` (OpenSSH 9.8 and later log most lines under
/// those names) and the `sshd(pam_unix)` tag of older /var/log/messages.
///
/// Classification, written down once:
/// - failure: the server rejected an authentication attempt (`Failed …`, `Invalid user`, PAM failures,
///   `not allowed`, tcp wrappers' `refused connect`); `SshdCorrelator` folds the lines of one attempt.
/// - key probe: a public key refused for a *valid* user, which every client with several keys causes.
/// - probe: a connection that never tried to authenticate (scanners, banner grabbers, kex failures).
/// - success: `Accepted …`.
/// - noise: known lines that say nothing about attacks; anything else is unmatched.
///
/// Every address comes from the place sshd writes it, read from the end of the message where a user name
/// (which the client chooses) comes before it.
public struct SshdParser: ServiceParser {
    public var service: Service { .sshd }
    public var programs: [String] { ["sshd", "sshd-session", "sshd-auth", "sshd(pam_unix)"] }

    public init() {}

    public func parse(_ message: Bytes, program: Bytes, into result: inout ParsedMessage) -> Bool {
        let text = message.after("error: ") ?? message.after("fatal: ") ?? message
        let (body, preauth) = MessageFields.dropping(" [preauth]", from: text)
        guard let first = body.first else { return false }
        // Each line's parse is written into `result` where it is made (one copy of it, not two).
        let recognised: Bool
        switch first {
        case UInt8(ascii: "F"): recognised = result.take(SshdAuthLines.failed(body))
        case UInt8(ascii: "A"): recognised = result.take(SshdAuthLines.accepted(body))
        case UInt8(ascii: "I"): recognised = result.take(SshdAuthLines.invalidUser(body))
        case UInt8(ascii: "U"): recognised = result.take(SshdAuthLines.notAllowed(body) ?? SshdProbeLines.unableToNegotiate(body))
        case UInt8(ascii: "R"): recognised = result.take(SshdAuthLines.rootRefused(body) ?? SshdProbeLines.receivedDisconnect(body, preauth))
        case UInt8(ascii: "P"): recognised = result.take(SshdPamLines.pamError(body) ?? SshdPamLines.pamMore(body))
        case UInt8(ascii: "0")...UInt8(ascii: "9"): recognised = result.take(SshdPamLines.pamMore(body))
        case UInt8(ascii: "p"), UInt8(ascii: "a"): recognised = result.take(SshdPamLines.pamUnixFailure(body))
        case UInt8(ascii: "m"): recognised = result.take(SshdAuthLines.maxAttempts(body))
        case UInt8(ascii: "D"): recognised = result.take(SshdProbeLines.disconnecting(body, preauth)
            ?? SshdProbeLines.closed(body, preauth) ?? SshdProbeLines.noIdentification(body))
        case UInt8(ascii: "C"): recognised = result.take(SshdProbeLines.closed(body, preauth))
        case UInt8(ascii: "r"): recognised = result.take(SshdAuthLines.refusedConnect(body))
        case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "k"), UInt8(ascii: "T"), UInt8(ascii: "d"),
             UInt8(ascii: "s"):
            recognised = result.take(SshdProbeLines.scanner(body, preauth))
        default: recognised = false
        }
        if recognised { return true }
        guard SshdNoise.isNoise(body) else { return false }
        result = ParsedMessage(.noise)
        return true
    }
}
