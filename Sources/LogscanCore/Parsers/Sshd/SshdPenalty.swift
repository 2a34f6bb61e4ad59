/// OpenSSH 9.8+ PerSourcePenalties: `srclimit_penalise: ipv4: new 192.0.2.7/32 deferred penalty of 30
/// seconds for penalty: failed authentication`. The address is the first `ADDR/BITS` token, which sshd
/// writes from the socket; the reason at the end is sshd's own text.
enum SshdPenalty {
    static func deferred(_ text: Bytes, into parsed: inout ParsedMessage) {
        if let ip = usualAddress(text) {
            parsed = ParsedMessage(.penaltyDeferred, peer: .ip(ip))
            return
        }
        parsed = ParsedMessage(.penaltyDeferred, peer: firstAddressToken(text))
    }

    /// The usual line's address, `srclimit_penalise: ipv4: new A.B.C.D/BITS `, read in place (a dotted quad
    /// up to its `/`, then the digits up to a space or the end): it is then the first `ADDR/BITS` token, as
    /// the words before it hold no `/`. `nil` when the line is not of that shape (`firstAddressToken` reads it).
    /// About 100 instructions a line instead of about 480 for the token walk (callgrind, auth cut).
    @inline(__always)
    static func usualAddress(_ text: Bytes) -> IPAddress? {
        guard text.hasPrefix("srclimit_penalise: ipv4: new "),
              let (ip, slash) = DottedQuad.field(text, from: 29, before: UInt8(ascii: "/"), orEnd: false) else {
            return nil
        }
        var end = slash + 1
        while end < text.count && isDigit(text[end]) { end += 1 }
        guard end > slash + 1, end == text.count || text[end] == UInt8(ascii: " ") else { return nil }
        return ip
    }

    /// The peer of the first `ADDR/BITS` token after `srclimit_penalise: ` (a token's trailing `:` dropped).
    static func firstAddressToken(_ text: Bytes) -> Peer? {
        var start = 19
        while start < text.count {
            // The tokens are short: their delimiters are looked for in a word before `memchr`.
            let end = text.firstIndex(nearby: UInt8(ascii: " "), from: start) ?? text.count
            var token = text.slice(start, end)
            if token.hasSuffix(":") { token = token.dropLast(1) }
            if let slash = token.firstIndex(nearby: UInt8(ascii: "/"), from: 0), token.suffix(from: slash + 1).decimalValue != nil {
                return Peer(bytes: token.prefix(slash))
            }
            start = end + 1
        }
        return nil
    }
}
