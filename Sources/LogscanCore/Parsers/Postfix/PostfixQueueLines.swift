import CByteScan

/// Lines that start with a queue id: received, delivered, deferred, bounced and removed messages, SASL
/// logins (`client=…, sasl_username=`), and after-queue rejects. The readers write the caller's message in
/// place (`PostfixParser.read`).
enum PostfixQueueLines {
    /// False when the line has no queue id (`parsed` untouched); every line with one is recognised.
    static func parse(_ text: Bytes, into parsed: inout ParsedMessage) -> Bool {
        guard let colon = queueIDEnd(text) else { return false }
        if afterQueueID(text.suffix(from: colon + 2), into: &parsed) {
            parsed.queueID = text.prefix(colon)
        } else {
            parsed = ParsedMessage(.noise)
        }
        return true
    }

    /// What follows the id, told apart by its first letter; false (`parsed` untouched) for a received line
    /// without its size. Each letter has one case, its wordings tested inside it: cases with `where` clauses
    /// were tested one after another (a `message-id=` line, the most frequent of the rest, paid every test).
    @inline(__always)
    private static func afterQueueID(_ rest: Bytes, into parsed: inout ParsedMessage) -> Bool {
        switch rest.first {
        case UInt8(ascii: "f"):
            guard rest.hasPrefix("from=<") else { break }
            guard let size = receivedSize(rest) else { return false }
            parsed = ParsedMessage(.received)
            parsed.size = size
            return true
        case UInt8(ascii: "t"):
            guard rest.hasPrefix("to=<") else { break }
            delivery(rest, into: &parsed)
            return true
        case UInt8(ascii: "r"):
            if rest.equals("removed") {
                parsed = ParsedMessage(.removed)
                return true
            }
            guard rest.hasPrefix("reject: ") else { break }
            rejected(rest, into: &parsed)
            return true
        case UInt8(ascii: "c"):
            guard rest.hasPrefix("client=") else { break }
            login(rest.dropFirst(7), into: &parsed)
            return true
        case UInt8(ascii: "m"):
            guard rest.hasPrefix("milter-reject: ") else { break }
            rejected(rest, into: &parsed)
            return true
        default:
            break
        }
        parsed = ParsedMessage(.noise)
        return true
    }

    /// An after-queue `reject: ` or `milter-reject: ` (cleanup's header and body checks, milters).
    private static func rejected(_ rest: Bytes, into parsed: inout ParsedMessage) {
        PostfixRejects.classified(rest, peer: PostfixClient.afterFrom(rest)?.peer, into: &parsed)
    }

    /// A queue id is 5+ upper-case hex digits (short ids) or 10+ base-52 characters (long ids), then `: `.
    /// Inlined: the first 16 bytes are read by one SSE2 compare at the call (`logscan_queue_id_end`,
    /// CByteScan), which answers whenever a byte other than a letter or digit comes among them; a longer
    /// id, a short text or another CPU goes to the general scan (`PostfixShortcutTests` holds the two to the
    /// same answer). The compare replaced two overlapping word reads: 6.01 M -> 4.46 M instructions in
    /// `parse` on bench/'s mail cut, and the 4,249 lines without an id there no longer call the scan (0.34 M).
    @inline(__always)
    static func queueIDEnd(_ text: Bytes) -> Int? {
        if text.count >= 17 {  // the compare reads 16 bytes, and the byte after a 16th-byte `:`
            let end = logscan_queue_id_end(text.base)
            if end >= 0 { return end }
            if end == Int(LOGSCAN_QUEUE_ID_NONE) { return nil }
        }
        return scannedQueueIDEnd(text)
    }

    /// `queueIDEnd` byte group by byte group: any length, any line.
    @inline(never)
    static func scannedQueueIDEnd(_ text: Bytes) -> Int? {
        var i = 0
        var sawDigit = false
        let limit = min(text.count, 24)
        // Eight bytes at a time while they lie inside the first `limit` bytes (in bounds: i + 8 <= limit);
        // the byte loop below ends the scan.
        while i + 8 <= limit {
            let word = ByteLanes.load(text.base + i)
            let digits = ByteLanes.digits(word)
            let stops = ~(digits | ByteLanes.letters(word)) & ByteLanes.high
            if stops != 0 {
                let idBytes = stops.trailingZeroBitCount >> 3  // letters and digits before the first stop
                if idBytes > 0 && digits & (UInt64.max >> UInt64(64 - idBytes * 8)) != 0 { sawDigit = true }
                i += idBytes
                return queueIDEnd(text, at: i, sawDigit: sawDigit)
            }
            if digits != 0 { sawDigit = true }
            i += 8
        }
        while i < limit {
            let byte = text.base[i]
            // `| 0x20` folds exactly the upper-case letters onto the lower-case ones.
            if isDigit(byte) {
                sawDigit = true
            } else if (byte | 0x20) &- UInt8(ascii: "a") >= 26 {
                break
            }
            i += 1
        }
        return queueIDEnd(text, at: i, sawDigit: sawDigit)
    }

    /// `i`, where the letters and digits end, when `: ` follows an id of 5 or more with a digit.
    @inline(__always)
    private static func queueIDEnd(_ text: Bytes, at i: Int, sawDigit: Bool) -> Int? {
        guard i >= 5, i + 1 < text.count, text[i] == UInt8(ascii: ":"), text[i + 1] == UInt8(ascii: " ") else { return nil }
        // `NOQUEUE`, `warning` and the like are words, not ids: ids have a digit.
        return sawDigit ? i : nil
    }

    /// `to=<R>, [orig_to=<…>, ]relay=H[IP]:port, delay=…, dsn=X.Y.Z, status=sent|deferred|bounced (reason)`.
    /// The status is the last `, status=` of the line: the recipient, which a sender chooses, comes first.
    static func delivery(_ rest: Bytes, into parsed: inout ParsedMessage) {
        guard let statusAt = rest.lastRange(of: ", status=") else {
            parsed = ParsedMessage(.noise)
            return
        }
        let status = rest.suffix(from: statusAt + 9)
        let kind: EventKind
        if status.hasPrefix("sent") {
            kind = .delivered
        } else if status.hasPrefix("deferred") {
            kind = .deferred
        } else if status.hasPrefix("bounced") {
            kind = .bounced
        } else {
            parsed = ParsedMessage(.noise)
            return
        }
        parsed = ParsedMessage(kind)
        // The reply's `(` follows the status word within the first eight bytes.
        if let open = status.firstIndex(nearby: UInt8(ascii: "("), from: 0), status.hasSuffix(")") {
            parsed.detail = status.slice(open + 1, status.count - 1)
        }
        if let relayAt = relayStart(rest, endingBy: statusAt) {
            let relayEnd = rest.firstRange(of: ", ", from: relayAt + 8) ?? statusAt
            parsed.relay = rest.slice(relayAt + 8, relayEnd)
        }
    }

    /// The size of a received line (`from=<S>, size=N, nrcpt=R (queue active)`): the first `, size=`, its
    /// value up to the next space without one trailing comma, when that is all digits. Read in one pass
    /// (`PostfixShortcutTests` holds it to that cut-and-parse): no search for the space, no `decimalValue`.
    @inline(__always)
    static func receivedSize(_ rest: Bytes) -> Int? {
        guard let at = rest.firstRange(of: ", size=") else { return nil }
        var i = at + 7
        guard let size = PostfixDecimal.run(rest, &i) else { return nil }
        if i < rest.count && rest[i] == UInt8(ascii: ",") { i += 1 }
        return i == rest.count || rest[i] == UInt8(ascii: " ") ? size : nil
    }

    /// The last `, relay=` that ends by `end`: the same answer as `lastRange(of:endingBy:)`
    /// (`PostfixShortcutTests`), searched backward for its `r`, which the fields Postfix writes between it
    /// and the status (`conn_use=`, `delay=`, `delays=`, `dsn=`) do not have, where a search for its `,`
    /// stopped at each of them.
    @inline(__always)
    static func relayStart(_ rest: Bytes, endingBy end: Int) -> Int? {
        var limit = end - 5  // the `r` of a literal that ends by `end` is before it
        while limit > 2, let r = rest.lastIndex(of: UInt8(ascii: "r"), before: limit) {
            if r >= 2 && rest.suffix(from: r - 2).hasPrefix(", relay=") { return r - 2 }
            limit = r
        }
        return nil
    }

    /// `client=H[IP][, sasl_method=M, sasl_username=U]`: a login when SASL took part.
    static func login(_ client: Bytes, into parsed: inout ParsedMessage) {
        guard let (peer, _) = PostfixClient.inlinedBracketed(client) else {
            parsed = ParsedMessage(.noise)
            return
        }
        guard let methodAt = client.firstRange(of: ", sasl_method=") else {
            parsed = ParsedMessage(.noise, peer: peer)
            return
        }
        let userAt = client.firstRange(of: ", sasl_username=", from: methodAt)
        let method = client.slice(methodAt + 14, userAt ?? client.count)
        let user = userAt.map { client.suffix(from: $0 + 16) }
        parsed = ParsedMessage(.saslLogin, peer: peer, user: user, validity: .valid, method: method)
    }
}
