/// The client as Postfix writes it: `name[address]` (smtpd), `[address]:port` (postscreen), with
/// `unknown` for a name that did not resolve and an optional `IPv6:` before an IPv6 address.
enum PostfixClient {
    /// Reads `name[address]` at the start of `text`; returns the peer and where the text after `]` begins.
    /// Postfix accepts only valid host names, so the first `[` ends the name.
    static func bracketed(_ text: Bytes) -> (peer: Peer, end: Int)? { inlinedBracketed(text) }

    /// `bracketed`, inlined into the SASL warning's read (`PostfixSmtpdLines.saslClient`), `afterFrom` and the queue's
    /// `client=` line (`PostfixQueueLines.login`): a call less on 35,026, 10,885 and 5,445 lines of the mail
    /// cut, warning 10.20 M -> 9.39 M instructions, the whole run 178.74 M -> 178.62 M for `login`
    /// (bench/RESULTS.md, round seven: postfix, and its second pass). Inlined into every caller, it made the
    /// optimizer keep `after(_:in:)` as a call that compared its prefix with `bcmp`: dearer.
    @inline(__always)
    static func inlinedBracketed(_ text: Bytes) -> (peer: Peer, end: Int)? {
        // The name is most often `unknown` (one compare), else short: its `[` is within the first word.
        guard let open = text.hasPrefix("unknown[") ? 7 : text.firstIndex(nearby: UInt8(ascii: "["), from: 0) else {
            return nil
        }
        // The usual address, a dotted quad, is read in place up to its `]`.
        if let (ip, close) = DottedQuad.field(text, from: open + 1, before: UInt8(ascii: "]"), orEnd: false) {
            return (.ip(ip), close + 1)
        }
        guard let close = text.firstIndex(of: UInt8(ascii: "]"), from: open + 1) else { return nil }
        var address = text.slice(open + 1, close)
        if let v6 = address.after("IPv6:") { address = v6 }
        guard let ip = IPAddress(bytes: address) else { return nil }
        return (.ip(ip), close + 1)
    }

    /// Where the `:port` that `smtpd_client_port_logging` writes after an address ending at `end` ends: after
    /// its digits, or `end` when none follow.
    @inline(__always)
    static func portEnd(_ text: Bytes, after end: Int) -> Int {
        guard end < text.count && text[end] == UInt8(ascii: ":") else { return end }
        var i = end + 1
        while i < text.count && isDigit(text[i]) { i += 1 }
        return i > end + 1 ? i : end
    }

    /// `name[address]` right after `prefix` at the start of `text`.
    @inline(__always)
    static func after(_ prefix: StaticString, in text: Bytes) -> (peer: Peer, end: Int)? {
        guard let start = text.lengthOfPrefix(prefix), let (peer, end) = bracketed(text.suffix(from: start)) else {
            return nil
        }
        return (peer, start + end)
    }

    /// `name[address]` after the first ` from ` at or after `start` (a fixed place in the line).
    static func afterFrom(_ text: Bytes, from start: Int = 0) -> (peer: Peer, end: Int)? {
        guard let at = text.firstRange(of: " from ", anchor: 1, from: start),
              let (peer, end) = inlinedBracketed(text.suffix(from: at + 6)) else { return nil }
        return (peer, at + 6 + end)
    }
}
