/// OpenSSH 9.8+ PerSourcePenalties: `srclimit_penalise: ipv4: new 192.0.2.7/32 deferred penalty of 30
/// seconds for penalty: failed authentication`. The address is the first `ADDR/BITS` token, which sshd
/// writes from the socket; the reason at the end is sshd's own text.
enum SshdPenalty {
    static func deferred(_ text: Bytes, into parsed: inout ParsedMessage) {
        var start = 19
        while start < text.count {
            // The tokens are short: their delimiters are looked for in a word before `memchr`.
            let end = text.firstIndex(nearby: UInt8(ascii: " "), from: start) ?? text.count
            var token = text.slice(start, end)
            if token.hasSuffix(":") { token = token.dropLast(1) }
            if let slash = token.firstIndex(nearby: UInt8(ascii: "/"), from: 0), token.suffix(from: slash + 1).decimalValue != nil {
                parsed = ParsedMessage(.penaltyDeferred, peer: Peer(bytes: token.prefix(slash)))
                return
            }
            start = end + 1
        }
        parsed = ParsedMessage(.penaltyDeferred)
    }
}
