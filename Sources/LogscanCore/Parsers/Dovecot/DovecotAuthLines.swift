/// The auth process's record of one failed attempt (logged with `auth_verbose=yes`):
/// - 2.3: `auth: passwd-file(U,IP[,<session>]): unknown user` / `Password mismatch`,
///   `auth-worker(N): [conn …: auth-worker<N>: ]pam(U,IP): pam_authenticate() failed: …`, `sql(U,IP): …`
/// - 2.4: `auth-worker(U,IP[,sasl:plain])<pid><session>: request [N]: <passdb>: pam_authenticate() failed: …`
/// - `pam_unix(dovecot:auth): authentication failure; … rhost=IP  user=U`
/// - every passdb driver's words: `Password mismatch` (passwd-file, sql, shadow, passwd, bsdauth, …),
///   `unknown user`, `pam_authenticate() failed: …`, ldap's `invalid credentials`, checkpassword's
///   `Login failed (status=N)`
///
/// The user name is the client's and may hold commas, brackets or `): `, and `unknown user` may be followed
/// by the password that was tried. So the password part is cut off first, the reason is the last one of the
/// line, and the `(U,IP…)` group is read from its right end: the address is the last field that parses.
enum DovecotAuthLines {
    /// Writes `parsed` only when it recognises the line, and says whether it did (`DovecotParser.read`).
    static func parse(_ text: Bytes, into parsed: inout ParsedMessage) -> Bool {
        if let record = pamUnixRecord(text) {
            if record.hasPrefix("authentication failure;") {
                PamRecord.parse(.authPAMFailure, record, fixedLength: 23, into: &parsed)
            } else {
                parsed = ParsedMessage(.noise)
            }
            return true
        }
        var clean = text
        if let passwordAt = text.firstRange(of: "given password: ", anchor: 2),
           let open = text.lastIndex(of: UInt8(ascii: "("), before: passwordAt), open > 0 {
            clean = text.prefix(open - 1)
        }
        guard let (reasonAt, kind) = reason(clean),
              let open = groupOpen(clean), let (user, peer) = group(clean, open: open, before: reasonAt) else { return false }
        parsed = ParsedMessage(kind, peer: peer, user: user, validity: kind == .authUnknownUser ? .invalid : .unknown)
        return true
    }

    /// pam_unix's record when it is the message itself: at the start, or right after a process tag that holds
    /// no client text (`auth: `, `auth-worker(1234): `). Never inside a passdb's `(user,…)` group or 2.4's
    /// `auth(user,…)` tag, where the client's name is written: a name that quotes a record cannot forge its
    /// `rhost=`.
    /// The usual tag, `auth: `, is tested first: a text that starts with it cannot start with the record.
    /// Always inlined into `parse`, its one caller (measured with `userAndAddress`).
    @inline(__always)
    static func pamUnixRecord(_ text: Bytes) -> Bytes? {
        if text.hasPrefix("auth: ") { return text.suffix(from: 6).after("pam_unix(dovecot:auth): ") }
        if let record = text.after("pam_unix(dovecot:auth): ") { return record }
        guard let tagEnd = processTagEnd(text) else { return nil }
        return text.suffix(from: tagEnd).after("pam_unix(dovecot:auth): ")
    }

    /// Where a leading `name: ` or `name(id): ` ends: a lower-case name, and an id without a comma, a
    /// parenthesis or a space. The usual tags' names, `auth: ` and `auth-worker(`, are compared as literals
    /// first: the scan costs about 10 instructions a byte.
    static func processTagEnd(_ text: Bytes) -> Int? {
        text.hasPrefix("auth: ") ? 6 : scannedTagEnd(text, nameEnd: text.hasPrefix("auth-worker(") ? 11 : 0)
    }

    /// `processTagEnd` read byte by byte, the name's scan from `nameEnd` (where the caller saw it go on).
    static func scannedTagEnd(_ text: Bytes, nameEnd: Int = 0) -> Int? {
        var i = nameEnd
        while i < text.count, (text[i] &- UInt8(ascii: "a") < 26 || text[i] == UInt8(ascii: "-")) { i += 1 }
        guard i > 0 else { return nil }
        if i < text.count && text[i] == UInt8(ascii: "(") {
            var close = i + 1
            while close < text.count, !isIdEnd(text[close]) { close += 1 }
            guard close < text.count, text[close] == UInt8(ascii: ")") else { return nil }
            i = close + 1
        }
        return text.suffix(from: i).hasPrefix(": ") ? i + 2 : nil
    }

    /// A byte that ends a tag's id: its `)`, or one no pid or name holds.
    private static func isIdEnd(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ")") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: " ")
    }

    /// The reason after one of the last three `: ` of the line (pam's has a `: ` of its own), and where
    /// that `: ` is. The usual reasons that end the line are compared as literals first (the same answer:
    /// neither holds a `: `, and pam's usual line holds one, after the reason's words); the search back costs a
    /// call and about 100 instructions, and two runs of it for pam's line (~160). Always inlined into `parse`,
    /// its one caller: its call cost ~17 a line (`parse` 2.76 M -> 2.65 M on the mail cut, 6,446 lines).
    @inline(__always)
    static func reason(_ text: Bytes) -> (Int, EventKind)? {
        if text.hasSuffix(": Password mismatch") { return (text.count - 19, .authPasswordMismatch) }
        if text.hasSuffix(": unknown user") { return (text.count - 14, .authUnknownUser) }
        // What passdb-pam.c writes for a wrong password (PAM_AUTH_ERR's text and Dovecot's hint).
        let pam: StaticString = ": pam_authenticate() failed: Authentication failure (password mismatch?)"
        if text.hasSuffix(pam) { return (text.count - pam.utf8CodeUnitCount, .authPAMFailure) }
        return searchedReason(text)
    }

    /// `reason` searched back from the line's end.
    static func searchedReason(_ text: Bytes) -> (Int, EventKind)? {
        var limit = text.count
        for _ in 0..<3 {
            guard let at = text.lastRange(of: ": ", endingBy: limit) else { return nil }
            if let kind = reasonKind(text.suffix(from: at + 2)) { return (at, kind) }
            limit = at + 1
        }
        return nil
    }

    /// What a reason's words say, told apart by their first letter.
    private static func reasonKind(_ rest: Bytes) -> EventKind? {
        switch rest.first {
        case UInt8(ascii: "u"): return rest.hasPrefix("unknown user") ? .authUnknownUser : nil
        case UInt8(ascii: "P"): return rest.hasPrefix("Password mismatch") ? .authPasswordMismatch : nil
        case UInt8(ascii: "p"): return rest.hasPrefix("pam_authenticate() failed") ? .authPAMFailure : nil
        // ldap's failed bind, and checkpassword's exit status 1 or 3 (passdb-ldap.c, db-checkpassword.c).
        case UInt8(ascii: "i"): return rest.hasPrefix("invalid credentials") ? .authPasswordMismatch : nil
        case UInt8(ascii: "L"): return rest.hasPrefix("Login failed (status=") ? .authPasswordMismatch : nil
        default: return nil
        }
    }

    /// Where `(` opens the user-and-address group: the 2.4 process tag, or the 2.3 passdb's name. The usual
    /// `auth: passwd-file(` is compared as a literal first (its `(` is the first, after a passdb's name), and
    /// `auth-worker(N): pam(` read in place (the search and its passdb test cost ~170 a line). Always inlined
    /// into `parse`, its one caller: with `workerPamOpen` it became a call of its own (~28 a line).
    @inline(__always)
    static func groupOpen(_ text: Bytes) -> Int? {
        text.hasPrefix("auth: passwd-file(") ? 17 : workerPamOpen(text) ?? searchedGroupOpen(text)
    }

    /// Where `pam(` opens the group in `auth-worker(N): pam(…`, N a pid's digits: nothing in the tag holds a
    /// `(`, a `)` or a comma, so the search would pass over it to the same `(`.
    static func workerPamOpen(_ text: Bytes) -> Int? {
        guard text.hasPrefix("auth-worker(") else { return nil }
        var close = 12
        while close < text.count, text[close] &- UInt8(ascii: "0") < 10 { close += 1 }
        guard close > 12, text.suffix(from: close).hasPrefix("): pam(") else { return nil }
        return close + 6
    }

    /// `groupOpen` searched for from the line's start.
    static func searchedGroupOpen(_ text: Bytes) -> Int? {
        // 2.4's `auth(U,IP…)`; older tags hold a pid (`auth-worker(1234)`) or a name (`auth(default)`), and
        // their `(` is passed over (its word, `auth` or `auth-worker`, names no passdb).
        var from = 0
        if let tagOpen = text.hasPrefix("auth(") ? 4 : text.hasPrefix("auth-worker(") ? 11 : nil {
            if let close = text.firstIndex(of: UInt8(ascii: ")")),
               text.slice(tagOpen + 1, close).firstIndex(of: UInt8(ascii: ",")) != nil {
                return tagOpen
            }
            from = tagOpen + 1
        }
        // The first `(` whose word before it names a passdb.
        while let open = text.firstIndex(of: UInt8(ascii: "("), from: from) {
            if passdbEnds(text, at: open) { return open }
            from = open + 1
        }
        return nil
    }

    /// Whether the word before `open` (back to a space, a colon or the line's start) names a passdb
    /// (`isPassdb`): told apart by its last letter, then compared in place. Walking back over the word
    /// first cost about 9 instructions a byte (~100 a `passwd-file` line under callgrind).
    static func passdbEnds(_ text: Bytes, at open: Int) -> Bool {
        guard open > 0 && open <= text.count else { return false }
        switch text[open - 1] {
        case UInt8(ascii: "m"): return word(text, endingAt: open, is: "pam")
        case UInt8(ascii: "l"): return word(text, endingAt: open, is: "sql")
        case UInt8(ascii: "a"): return word(text, endingAt: open, is: "lua")
        case UInt8(ascii: "p"): return word(text, endingAt: open, is: "ldap") || word(text, endingAt: open, is: "imap")
        case UInt8(ascii: "d"):
            return word(text, endingAt: open, is: "passwd") || word(text, endingAt: open, is: "checkpassword")
        case UInt8(ascii: "w"): return word(text, endingAt: open, is: "shadow")
        case UInt8(ascii: "c"): return word(text, endingAt: open, is: "static")
        case UInt8(ascii: "2"): return word(text, endingAt: open, is: "oauth2")
        case UInt8(ascii: "h"): return word(text, endingAt: open, is: "bsdauth")
        case UInt8(ascii: "e"): return word(text, endingAt: open, is: "passwd-file")
        default: return false
        }
    }

    /// Whether `name` ends at `end` as a whole word: after a space, a colon or the line's start.
    @inline(__always)
    private static func word(_ text: Bytes, endingAt end: Int, is name: StaticString) -> Bool {
        let start = end - name.utf8CodeUnitCount
        guard start >= 0, text.slice(start, end).equals(name) else { return false }
        return start == 0 || text[start - 1] == UInt8(ascii: " ") || text[start - 1] == UInt8(ascii: ":")
    }

    /// Whether `word` names one of Dovecot's passdb drivers, told apart by length first.
    static func isPassdb(_ word: Bytes) -> Bool {
        switch word.count {
        case 3: return word.equals("pam") || word.equals("sql") || word.equals("lua")
        case 4: return word.equals("ldap") || word.equals("imap")
        case 6: return word.equals("passwd") || word.equals("shadow") || word.equals("static") || word.equals("oauth2")
        case 7: return word.equals("bsdauth")
        case 11: return word.equals("passwd-file")
        case 13: return word.equals("checkpassword")
        default: return false
        }
    }

    /// The last `)` before the reason whose group ends with an address: (user, address).
    static func group(_ text: Bytes, open: Int, before limit: Int) -> (Bytes, Peer)? {
        var end = limit
        while let close = lastClose(text, before: end), close > open {
            if let found = userAndAddress(text.slice(open + 1, close)) { return found }
            end = close
        }
        return nil
    }

    /// The last `)` before `end`: the usual one is right before the reason's `: `, so that byte is tested
    /// before a backward search (`lastIndex(of:before:)`'s call and set-up cost about 25 instructions).
    /// Always inlined into `group`, its one caller: `group` 1.44 M -> 1.29 M on the mail cut (6,446 lines; a
    /// call of its own was cheaper in round seven, when `group` was inlined into `parse`).
    @inline(__always)
    static func lastClose(_ text: Bytes, before end: Int) -> Int? {
        end > 0 && text[end - 1] == UInt8(ascii: ")") ? end - 1 : text.lastIndex(of: UInt8(ascii: ")"), before: end)
    }

    /// `U,IP` with optional trailing `<session>`, `sasl:<mech>` and `master` fields. Always inlined into `group`,
    /// its one caller: with `pamUnixRecord` inlined as well, `parse` 2.65 M -> 2.58 M on the mail cut (6,446 lines).
    @inline(__always)
    static func userAndAddress(_ inside: Bytes) -> (Bytes, Peer)? {
        var fields = inside
        while true {
            // The usual address, a dotted quad after the last comma, read backward in place.
            if let (v4, start) = DottedQuad.backward(fields.base, endingAt: fields.count, floor: 0),
               start > 0, fields[start - 1] == UInt8(ascii: ",") {
                return (userField(fields.prefix(start - 1)), .ip(IPAddress(v4: v4)))
            }
            guard let comma = fields.lastIndex(of: UInt8(ascii: ",")) else { return nil }
            let last = fields.suffix(from: comma + 1)
            // Dovecot's own trailing fields, none of which reads as an address.
            if last.hasPrefix("<") || last.hasPrefix("sasl:") || last.equals("master") {
                fields = fields.prefix(comma)
                continue
            }
            guard let ip = IPAddress(bytes: last) else { return nil }
            return (userField(fields.prefix(comma)), .ip(ip))
        }
    }

    /// The user field; Dovecot writes `?` for none.
    private static func userField(_ user: Bytes) -> Bytes { user.equals("?") ? user.prefix(0) : user }
}
