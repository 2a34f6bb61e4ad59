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

    public func parse(_ message: Bytes, program: Bytes, into parsed: inout ParsedMessage) -> Bool {
        PostfixParser.read(message, into: &parsed)
    }

    /// Reads `message` into `parsed` and says whether it is a line Postfix writes; `parsed` is written only
    /// then. The readers below write the caller's message in place: a parse returned by value is copied
    /// into each caller's frame on the way up (about 25 instructions a level).
    static func read(_ message: Bytes, into parsed: inout ParsedMessage) -> Bool {
        guard let first = message.first else { return false }
        if PostfixParser.beforeQueueID(message, first: first, into: &parsed) { return true }
        if PostfixQueueLines.parse(message, into: &parsed) { return true }
        switch first {
        case UInt8(ascii: "w"): return false  // a `warning: ` line was read before the queue-id test
        case UInt8(ascii: "f"), UInt8(ascii: "p"): return PostfixSmtpdLines.daemonProblem(message, into: &parsed)
        case UInt8(ascii: "N"): return PostfixRejects.parse(message, into: &parsed) || PostscreenLines.parse(message, into: &parsed)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"):
            // postscreen's lines were read before the queue-id test (`beforeQueueID`).
            return PostfixNoise.parse(message, into: &parsed)
        // smtpd's session lines (`a`–`v`) were read before the queue-id test too.
        default: return PostfixNoise.parse(message, into: &parsed)
        }
    }

    /// smtpd's most frequent lines (`connect from`, `disconnect from`, `warning:`, `NOQUEUE:`) and postscreen's
    /// (`CONNECT from`, `PASS OLD`, `PREGREET`…), read before the queue-id test that every other line needs.
    /// None of them can be a queue line: a queue id is letters and digits with a digit among them, then `: `,
    /// and each of these starts with a word without a digit that a space or `-` ends (or `warning`,
    /// `NOQUEUE`). `false` sends the line on to the queue-id test. Reading postscreen here spares its lines
    /// the queue-id scan (~110 instructions each, 4 a line on the mail cut; `PostfixDispatchOrderTests`).
    @inline(__always)
    static func beforeQueueID(_ message: Bytes, first: UInt8, into parsed: inout ParsedMessage) -> Bool {
        switch first {
        case UInt8(ascii: "a")...UInt8(ascii: "v"):
            return PostfixSmtpdLines.session(message, into: &parsed)
        case UInt8(ascii: "w"):
            guard let rest = message.after("warning: ") else { return false }
            PostfixSmtpdLines.warning(after: rest, into: &parsed)
            return true
        case UInt8(ascii: "N"):
            return message.hasPrefix("NOQUEUE: ")
                && (PostfixRejects.parse(message, into: &parsed) || PostscreenLines.parse(message, into: &parsed))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return PostscreenLines.parse(message, into: &parsed)
        default:
            return false
        }
    }
}
