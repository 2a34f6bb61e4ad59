/// Field readers shared by the service parsers. Attacker-controlled text (user names, client banners)
/// sits inside messages, so addresses are read from the position the daemon writes them, usually anchored
/// at the end of the message, never by searching for the first thing that looks like an address.
enum MessageFields {
    /// Reads `H` or `H port P` at the very end of `text` and returns the peer and the index where `H` starts.
    /// Inlined: the usual peer, a dotted quad after a space, is read backward in place at the call (it is
    /// then the whole token that `trailingToken` would cut out at the last space and parse).
    @inline(__always)
    static func trailingPeer(_ text: Bytes, portRequired: Bool = false) -> (peer: Peer, start: Int)? {
        var end = text.count
        if let portAt = trailingPort(text) {
            end = portAt
        } else if portRequired {
            return nil
        }
        if let (v4, start) = DottedQuad.backward(text.base, endingAt: end, floor: 0),
           start == 0 || text[start - 1] == UInt8(ascii: " ") {
            return (.ip(IPAddress(v4: v4)), start)
        }
        return trailingToken(text, end: end)
    }

    /// The peer in the token that ends at `end` and starts after the last space before it.
    static func trailingToken(_ text: Bytes, end: Int) -> (peer: Peer, start: Int)? {
        let start = (text.lastIndex(of: UInt8(ascii: " "), before: end)).map { $0 + 1 } ?? 0
        guard end > start, let peer = Peer(bytes: text.slice(start, end)) else { return nil }
        return (peer, start)
    }

    /// Where ` port <digits>` starts, when `text` ends with it. The digits of the last eight bytes are
    /// counted at once (`ByteLanes`), so a port costs no loop unless it is longer.
    @inline(__always)
    static func trailingPort(_ text: Bytes) -> Int? {
        var i = text.count
        if i >= 8 {
            // The last byte is the top lane: the run of digit lanes from the top is the port's tail.
            let nonDigits = ~ByteLanes.digits(ByteLanes.load(text.base + (i - 8))) & ByteLanes.high
            i -= nonDigits.leadingZeroBitCount >> 3
        }
        while i > 0 && isDigit(text[i - 1]) { i -= 1 }
        guard i < text.count, i >= 6, text.slice(i - 6, i).equals(" port ") else { return nil }
        return i - 6
    }

    /// The text between `prefixLength` and a ` from ` that ends right where the peer starts. The prefix
    /// ends with a space, which an empty user name shares with ` from `.
    @inline(__always)
    static func user(before peerStart: Int, in text: Bytes, after prefixLength: Int) -> Bytes? {
        let fromStart = peerStart - 6
        guard fromStart >= prefixLength - 1, text.slice(fromStart, peerStart).equals(" from ") else { return nil }
        return text.slice(min(prefixLength, fromStart), fromStart)
    }

    /// The value of `key` (such as `rhost=`) up to the next space, searched from `start`. Use it only for a
    /// field that comes before any attacker-controlled one. `anchor`, when given, is the index of a byte of
    /// `key` that is rare in `text`, for the search to look for (`Bytes.firstRange(of:anchor:from:)`).
    static func keyValue(_ key: StaticString, in text: Bytes, from start: Int = 0,
                         anchor: Int? = nil) -> (value: Bytes, end: Int)? {
        let found = anchor.map { text.firstRange(of: key, anchor: $0, from: start) } ?? text.firstRange(of: key, from: start)
        guard let at = found else { return nil }
        let valueStart = at + key.utf8CodeUnitCount
        let valueEnd = text.firstIndex(of: UInt8(ascii: " "), from: valueStart) ?? text.count
        return (text.slice(valueStart, valueEnd), valueEnd)
    }

    /// Drops `suffix` from the end of `text` when it is there. Inlined, so the literal's compare is a load
    /// or two.
    @inline(__always)
    static func dropping(_ suffix: StaticString, from text: Bytes) -> (Bytes, Bool) {
        text.hasSuffix(suffix) ? (text.dropLast(suffix.utf8CodeUnitCount), true) : (text, false)
    }
}
