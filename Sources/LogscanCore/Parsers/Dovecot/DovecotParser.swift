/// Dovecot: its login processes (`imap-login`, `pop3-login`, `managesieve-login`, `submission-login`),
/// its auth process (`auth`, `auth-worker(N)`, 1.x's `dovecot-auth`), and its delivery agents (`lmtp`,
/// `lda`). They log under `dovecot[pid]: imap-login: …`, under their own names (`imap-login[pid]: …`),
/// or, in Dovecot's own log file (`log_path`), with no host and no syslog tag: `imap-login: Info: …`.
///
/// Classification:
/// - failure: a login process's `auth failed, N attempts` (N attempts) or `proxy dest auth failed` (the
///   proxy's destination refused the user's password: one attempt), and the auth process's
///   `unknown user`, `Password mismatch` and `pam_authenticate() failed` lines, folded into the login line
///   when one reports them (`DovecotCorrelator`);
/// - success: `Login: user=<U>, method=M, rip=IP, …`, per protocol;
/// - probe: disconnects with `no auth attempts` (and before auth was ready);
/// - traffic: lmtp/lda `saved mail to` / `stored mail into mailbox`.
public struct DovecotParser: ServiceParser {
    public var service: Service { .dovecot }
    public var programs: [String] {
        ["dovecot", "imap-login", "pop3-login", "managesieve-login", "submission-login", "auth", "auth-worker",
         "dovecot-auth", "dovecot-lda", "deliver",
         // The mail processes' own names (`imap(U)<pid><session>:`), as Dovecot's own log file writes them.
         "imap", "pop3", "managesieve", "lmtp", "lda", "IMAP", "POP3"]
    }

    public init() {}

    public func parse(_ message: Bytes, program: Bytes, into parsed: inout ParsedMessage) -> Bool {
        DovecotParser.read(message, program: program, into: &parsed)
    }

    /// Reads `message` into `parsed` and says whether it is a line Dovecot writes; `parsed` is written only
    /// then. The readers below write the caller's message in place: a parse returned by value is copied
    /// into each caller's frame on the way up (about 25 instructions a level).
    static func read(_ message: Bytes, program: Bytes, into parsed: inout ParsedMessage) -> Bool {
        var text = DovecotParser.droppingLevel(message)
        var process = program
        // The usual tag, `dovecot`, is tested first.
        if program.equals("dovecot") {
            // Dovecot's own `dovecot: ` prefix inside a syslog line tagged `dovecot:` as well.
            if let inner = text.after("dovecot: ") { text = DovecotParser.droppingLevel(inner) }
            // The auth process's tag may carry the client's user name (2.4), so it is not split off here.
            if text.hasPrefix("auth") { return DovecotAuthLines.parse(text, into: &parsed) }
            if let login = DovecotParser.usualLogin(text) {
                let rest = DovecotParser.droppingLevel(login.rest)
                return DovecotLoginLines.parse(rest, protocolName: login.protocolName, into: &parsed)
            }
            if let colon = text.firstRange(of: ": ", anchor: 0) {
                process = text.prefix(colon)
                text = DovecotParser.droppingLevel(text.suffix(from: colon + 2))
            }
        } else if program.equals("auth") || program.equals("auth-worker") || program.equals("dovecot-auth") {
            return DovecotAuthLines.parse(text, into: &parsed)
        } else if program.hasPrefix("auth(") || program.hasPrefix("auth-worker(") {
            // A tag-less 2.4 log line: `auth(U,IP,sasl:plain)<session>: …` was read as the tag.
            let whole = Bytes(base: program.base, count: message.base + message.count - program.base)
            return DovecotAuthLines.parse(whole, into: &parsed)
        }
        if process.hasSuffix("-login") {
            return DovecotLoginLines.parse(text, protocolName: process.dropLast(6), into: &parsed)
        }
        if process.hasPrefix("lmtp(") || process.hasPrefix("lda(") || program.equals("dovecot-lda")
            || program.equals("deliver") {
            parsed = ParsedMessage(DovecotParser.delivered(text) ? .mailDelivered : .noise)
            return true
        }
        return DovecotNoise.parse(text, process: process, into: &parsed)
    }

    /// Whether a delivery agent's line says it saved the mail. The usual `saved mail to INBOX` ends the line
    /// and is compared there first: the search costs a `memchr` call and its set-up (~35 instructions).
    static func delivered(_ text: Bytes) -> Bool {
        text.hasSuffix("saved mail to INBOX") || searchedDelivered(text)
    }

    /// `delivered` searched for: `saved mail to ` and `stored mail into mailbox ` by their `v` and `x`,
    /// rarer in these lines than their first letter.
    static func searchedDelivered(_ text: Bytes) -> Bool {
        text.firstRange(of: "saved mail to ", anchor: 2) != nil || text.firstRange(of: "stored mail into mailbox ", anchor: 23) != nil
    }

    /// IMAP's and POP3's login processes (most of a mail log's Dovecot lines), compared as literals: the
    /// protocol's name and the text after the process's `: `, which the general route finds by a search for the
    /// first `: ` (a `memchr` call and its set-up) and a test of the name's `-login`: `read` 8.17 M -> 8.10 M on
    /// the mail cut (8,396 login lines).
    static func usualLogin(_ text: Bytes) -> (protocolName: Bytes, rest: Bytes)? {
        guard text.hasPrefix("imap-login: ") || text.hasPrefix("pop3-login: ") else { return nil }
        return (text.prefix(4), text.suffix(from: 12))
    }

    /// Dovecot's own log files put `Info: `, `Warning: `, `Error: `, `Fatal: ` or `Debug: ` first (told
    /// apart by their first letter).
    /// Always inlined: it is called up to twice a line and usually answers at the first byte; the call cost
    /// more than that (`bench/callgrind`, mail cut: 0.70 M instructions in 35,998 calls).
    @inline(__always)
    static func droppingLevel(_ text: Bytes) -> Bytes {
        let level: Bytes?
        switch text.first {
        case UInt8(ascii: "I"): level = text.after("Info: ")
        case UInt8(ascii: "W"): level = text.after("Warning: ")
        case UInt8(ascii: "E"): level = text.after("Error: ")
        case UInt8(ascii: "D"): level = text.after("Debug: ")
        case UInt8(ascii: "F"): level = text.after("Fatal: ")
        default: level = nil
        }
        return level ?? text
    }
}
