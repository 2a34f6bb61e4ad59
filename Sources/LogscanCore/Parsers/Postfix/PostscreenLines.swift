/// postscreen: `PREGREET 11 after 0.1 from [IP]:port: …`, `DNSBL rank 3 for [IP]:port`, `HANGUP after 1.2
/// from [IP]:port in tests after SMTP handshake`, `COMMAND PIPELINING from [IP]:port …`, `BARE NEWLINE from
/// [IP]:port …`, and the bookkeeping lines (`CONNECT`, `PASS NEW`, `DISCONNECT`, …).
enum PostscreenLines {
    static func parse(_ text: Bytes, into parsed: inout ParsedMessage) -> Bool {
        guard let (kind, isTest) = classify(text) else { return false }
        let peer = peer(in: text)
        // A failed test names its client; a bookkeeping line may not.
        guard peer != nil || !isTest else { return false }
        parsed = ParsedMessage(kind, peer: peer)
        return true
    }

    /// The line's kind, and whether it reports a failed test (which needs an address); the wordings are
    /// told apart by their first letter.
    static func classify(_ text: Bytes) -> (EventKind, isTest: Bool)? {
        switch text.first {
        case UInt8(ascii: "P"):
            if text.hasPrefix("PREGREET ") { return (.postscreenPregreet, true) }
            return text.hasPrefix("PASS ") ? (.noise, false) : nil
        case UInt8(ascii: "D"):
            if text.hasPrefix("DNSBL rank ") { return (.postscreenDNSBL, true) }
            return text.hasPrefix("DISCONNECT ") || text.hasPrefix("DENYLISTED ") ? (.noise, false) : nil
        case UInt8(ascii: "H"):
            return text.hasPrefix("HANGUP ") ? (.postscreenHangup, true) : nil
        case UInt8(ascii: "C"):
            if text.hasPrefix("COMMAND PIPELINING ") { return (.postscreenPipelining, true) }
            return text.hasPrefix("CONNECT from ") || text.hasPrefix("COMMAND ") ? (.noise, false) : nil
        case UInt8(ascii: "B"):
            if text.hasPrefix("BARE NEWLINE ") { return (.postscreenBareNewline, true) }
            return text.hasPrefix("BLACKLISTED ") ? (.noise, false) : nil
        case UInt8(ascii: "W"):
            return text.hasPrefix("WHITELISTED ") ? (.noise, false) : nil
        case UInt8(ascii: "A"):
            return text.hasPrefix("ALLOWLISTED ") ? (.noise, false) : nil
        case UInt8(ascii: "N"):
            return text.hasPrefix("NON-SMTP COMMAND ") ? (.nonSMTPCommand, false) : nil
        default:
            return nil
        }
    }

    /// The first `[address]:port`, which postscreen writes before any client text.
    static func peer(in text: Bytes) -> Peer? {
        guard let open = text.firstIndex(of: UInt8(ascii: "[")) else { return nil }
        // The usual address, a dotted quad, is read in place up to its `]`.
        if let (ip, close) = DottedQuad.field(text, from: open + 1, before: UInt8(ascii: "]"), orEnd: false) {
            return close + 1 < text.count && text[close + 1] == UInt8(ascii: ":") ? .ip(ip) : nil
        }
        guard let close = text.firstIndex(of: UInt8(ascii: "]"), from: open + 1),
              close + 1 < text.count, text[close + 1] == UInt8(ascii: ":"),
              let ip = IPAddress(bytes: text.slice(open + 1, close)) else { return nil }
        return .ip(ip)
    }
}
