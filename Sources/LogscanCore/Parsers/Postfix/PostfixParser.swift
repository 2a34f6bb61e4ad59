/// Postfix: smtpd (and its `submission`/`smtps` masters), postscreen, the queue manager, cleanup and the
/// delivery agents, under any `syslog_name` of the `postfix` family (`postfix/smtpd`,
/// `postfix/submission/smtpd`, `postfix-out/smtp`, `postfix/smtp-25/smtpd`).
///
/// Classification:
/// - failure: `SASL … authentication failed` (one attempt), and AUTH failures that only the session's
///   `disconnect … auth=ok/total` reports (`PostfixCorrelator`);
/// - success: `client=…, sasl_method=…, sasl_username=…`;
/// - probe: postscreen's tests (PREGREET, DNSBL, HANGUP, pipelining, bare newline), `improper command
///   pipelining`, `non-SMTP command`, and `lost connection`/`timeout` when the session never tried AUTH;
/// - reject: `NOQUEUE: reject:` and `milter-reject:`, grouped by reason;
/// - traffic: received (`qmgr … from=, size=`), delivered, deferred, bounced, removed;
/// - daemon problems: `warning:`, `fatal:`, `panic:` that say nothing about a client.
///
/// The client address is read from the `H[IP]` (or postscreen's `[IP]:port`) that Postfix writes at a fixed
/// place; HELO names, envelope addresses and SASL user names come later in the line and cannot move it.
public struct PostfixParser: ServiceParser {
    public var service: Service { .postfix }
    public var programs: [String] { [] }
    public var programFamilies: [String] { ["postfix"] }

    public init() {}

    /// Each `take` writes its line's parse into `parsed` where it is made (one copy of it, not two).
    public func parse(_ message: Bytes, program: Bytes, into parsed: inout ParsedMessage) -> Bool {
        guard let first = message.first else { return false }
        if PostfixParser.beforeQueueID(message, first: first, into: &parsed) { return true }
        if parsed.take(PostfixQueueLines.parse(message)) { return true }
        switch first {
        case UInt8(ascii: "w"): return parsed.take(PostfixSmtpdLines.warning(message))
        case UInt8(ascii: "f"), UInt8(ascii: "p"): return parsed.take(PostfixSmtpdLines.daemonProblem(message))
        case UInt8(ascii: "N"): return parsed.take(PostfixRejects.parse(message) ?? PostscreenLines.parse(message))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return parsed.take(PostscreenLines.parse(message) ?? PostfixNoise.parse(message))
        default: return parsed.take(PostfixSmtpdLines.session(message) ?? PostfixNoise.parse(message))
        }
    }

    /// smtpd's most frequent lines (`connect from`, `disconnect from`, `warning:`, `NOQUEUE:`), read before
    /// the queue-id test that every other line needs. None of them can be a queue line: a queue id is letters
    /// and digits with a digit among them, then `: `, and each of these starts with a word without a digit
    /// that a space or `-` ends (or `warning`, `NOQUEUE`). False sends the line on to the queue-id test.
    @inline(__always)
    static func beforeQueueID(_ message: Bytes, first: UInt8, into parsed: inout ParsedMessage) -> Bool {
        switch first {
        case UInt8(ascii: "a")...UInt8(ascii: "v"):
            return parsed.take(PostfixSmtpdLines.session(message))
        case UInt8(ascii: "w"):
            return message.hasPrefix("warning: ") && parsed.take(PostfixSmtpdLines.warning(message))
        case UInt8(ascii: "N"):
            return message.hasPrefix("NOQUEUE: ") && parsed.take(PostfixRejects.parse(message) ?? PostscreenLines.parse(message))
        default:
            return false
        }
    }
}
