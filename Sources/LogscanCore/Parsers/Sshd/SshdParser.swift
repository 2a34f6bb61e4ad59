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

    public func parse(_ message: Bytes, program: Bytes, into parsed: inout ParsedMessage) -> Bool {
        SshdParser.read(message, into: &parsed)
    }

    /// Reads `message` into `parsed` and says whether it is a line sshd writes; `parsed` is written only
    /// then. The readers below write the caller's message in place: a parse returned by value is copied
    /// into each caller's frame on the way up (about 25 instructions a level).
    static func read(_ message: Bytes, into parsed: inout ParsedMessage) -> Bool {
        let text = droppingSeverity(message)
        let (body, preauth) = droppingPreauth(text)
        guard let first = body.first else { return false }
        let recognised: Bool
        switch first {
        case UInt8(ascii: "F"): recognised = SshdAuthLines.failed(body, into: &parsed)
        case UInt8(ascii: "A"): recognised = SshdAuthLines.accepted(body, into: &parsed)
        case UInt8(ascii: "I"): recognised = SshdAuthLines.invalidUser(body, into: &parsed)
        case UInt8(ascii: "U"):
            recognised = SshdAuthLines.notAllowed(body, into: &parsed) || SshdProbeLines.unableToNegotiate(body, into: &parsed)
        case UInt8(ascii: "R"):
            recognised = SshdAuthLines.rootRefused(body, into: &parsed)
                || SshdProbeLines.receivedDisconnect(body, preauth, into: &parsed)
        case UInt8(ascii: "P"): recognised = SshdPamLines.pamError(body, into: &parsed) || SshdPamLines.pamMore(body, into: &parsed)
        case UInt8(ascii: "0")...UInt8(ascii: "9"): recognised = SshdPamLines.pamMore(body, into: &parsed)
        case UInt8(ascii: "p"), UInt8(ascii: "a"): recognised = SshdPamLines.pamUnixFailure(body, into: &parsed)
        case UInt8(ascii: "m"): recognised = SshdAuthLines.maxAttempts(body, into: &parsed)
        case UInt8(ascii: "D"):
            recognised = SshdProbeLines.disconnecting(body, preauth, into: &parsed)
                || SshdProbeLines.closed(body, preauth, into: &parsed) || SshdProbeLines.noIdentification(body, into: &parsed)
        case UInt8(ascii: "C"): recognised = SshdProbeLines.closed(body, preauth, into: &parsed)
        case UInt8(ascii: "r"): recognised = SshdAuthLines.refusedConnect(body, into: &parsed)
        case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "k"), UInt8(ascii: "T"), UInt8(ascii: "d"),
             UInt8(ascii: "s"):
            recognised = SshdProbeLines.scanner(body, preauth, into: &parsed)
        default: recognised = false
        }
        guard !recognised else { return true }
        guard SshdNoise.isNoise(body) else { return false }
        parsed = ParsedMessage(.noise)
        return true
    }

    /// The message without sshd's ` [preauth]`, and whether it had it. Most lines end in another byte than
    /// `]`, which is all they are tested for (about 7 instructions less an sshd line than the compare, auth cut).
    @inline(__always)
    static func droppingPreauth(_ text: Bytes) -> (Bytes, Bool) {
        guard text.count > 0, text[text.count - 1] == UInt8(ascii: "]") else { return (text, false) }
        return MessageFields.dropping(" [preauth]", from: text)
    }

    /// The message without sshd's `error: ` or `fatal: ` (one of them), told apart by the first byte before
    /// any compare: most lines have neither.
    @inline(__always)
    static func droppingSeverity(_ message: Bytes) -> Bytes {
        switch message.first {
        case UInt8(ascii: "e"): return message.after("error: ") ?? message
        case UInt8(ascii: "f"): return message.after("fatal: ") ?? message
        default: return message
        }
    }
}
