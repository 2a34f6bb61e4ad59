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

    public func parse(_ message: Bytes, program: Bytes) -> ParsedMessage? {
        let text = SshdParser.droppingSeverity(message)
        let (body, preauth) = MessageFields.dropping(" [preauth]", from: text)
        guard let first = body.first else { return nil }
        let parsed: ParsedMessage?
        switch first {
        case UInt8(ascii: "F"): parsed = SshdAuthLines.failed(body)
        case UInt8(ascii: "A"): parsed = SshdAuthLines.accepted(body)
        case UInt8(ascii: "I"): parsed = SshdAuthLines.invalidUser(body)
        case UInt8(ascii: "U"): parsed = SshdAuthLines.notAllowed(body) ?? SshdProbeLines.unableToNegotiate(body)
        case UInt8(ascii: "R"): parsed = SshdAuthLines.rootRefused(body) ?? SshdProbeLines.receivedDisconnect(body, preauth)
        case UInt8(ascii: "P"): parsed = SshdPamLines.pamError(body) ?? SshdPamLines.pamMore(body)
        case UInt8(ascii: "0")...UInt8(ascii: "9"): parsed = SshdPamLines.pamMore(body)
        case UInt8(ascii: "p"), UInt8(ascii: "a"): parsed = SshdPamLines.pamUnixFailure(body)
        case UInt8(ascii: "m"): parsed = SshdAuthLines.maxAttempts(body)
        case UInt8(ascii: "D"): parsed = SshdProbeLines.disconnecting(body, preauth)
            ?? SshdProbeLines.closed(body, preauth) ?? SshdProbeLines.noIdentification(body)
        case UInt8(ascii: "C"): parsed = SshdProbeLines.closed(body, preauth)
        case UInt8(ascii: "r"): parsed = SshdAuthLines.refusedConnect(body)
        case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "k"), UInt8(ascii: "T"), UInt8(ascii: "d"),
             UInt8(ascii: "s"):
            parsed = SshdProbeLines.scanner(body, preauth)
        default: parsed = nil
        }
        if let parsed { return parsed }
        return SshdNoise.isNoise(body) ? ParsedMessage(.noise) : nil
    }

    /// The message without sshd's `error: ` or `fatal: `, told apart by the first byte before any compare
    /// (most lines have neither).
    @inline(__always)
    static func droppingSeverity(_ message: Bytes) -> Bytes {
        switch message.first {
        case UInt8(ascii: "e"): return message.after("error: ") ?? message
        case UInt8(ascii: "f"): return message.after("fatal: ") ?? message
        default: return message
        }
    }
}
