/// postscreen: `PREGREET 11 after 0.1 from [IP]:port: …`, `DNSBL rank 3 for [IP]:port`, `HANGUP after 1.2
/// from [IP]:port in tests after SMTP handshake`, `COMMAND PIPELINING from [IP]:port …`, `BARE NEWLINE from
/// [IP]:port …`, and the bookkeeping lines (`CONNECT`, `PASS NEW`, `DISCONNECT`, …).
enum PostscreenLines {
    static func parse(_ text: Bytes) -> ParsedMessage? {
        let kind: EventKind
        if text.hasPrefix("PREGREET ") {
            kind = .postscreenPregreet
        } else if text.hasPrefix("DNSBL rank ") {
            kind = .postscreenDNSBL
        } else if text.hasPrefix("HANGUP ") {
            kind = .postscreenHangup
        } else if text.hasPrefix("COMMAND PIPELINING ") {
            kind = .postscreenPipelining
        } else if text.hasPrefix("BARE NEWLINE ") {
            kind = .postscreenBareNewline
        } else if text.hasPrefix("CONNECT from ") || text.hasPrefix("PASS ") || text.hasPrefix("DISCONNECT ")
                    || text.hasPrefix("WHITELISTED ") || text.hasPrefix("ALLOWLISTED ") || text.hasPrefix("COMMAND ")
                    || text.hasPrefix("NON-SMTP COMMAND ") || text.hasPrefix("BLACKLISTED ") || text.hasPrefix("DENYLISTED ") {
            return ParsedMessage(text.hasPrefix("NON-SMTP") ? .nonSMTPCommand : .noise, peer: peer(in: text))
        } else {
            return nil
        }
        guard let peer = peer(in: text) else { return nil }
        return ParsedMessage(kind, peer: peer)
    }

    /// The first `[address]:port`, which postscreen writes before any client text.
    static func peer(in text: Bytes) -> Peer? {
        guard let open = text.firstIndex(of: UInt8(ascii: "[")),
              let close = text.firstIndex(of: UInt8(ascii: "]"), from: open + 1),
              close + 1 < text.count, text[close + 1] == UInt8(ascii: ":"),
              let ip = IPAddress(bytes: text.slice(open + 1, close)) else { return nil }
        return .ip(ip)
    }
}
