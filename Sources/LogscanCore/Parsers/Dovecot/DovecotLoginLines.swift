/// A login process's verdict on a connection, in the old (up to 2.3.18) and the new (2.3.19+, 2.4) wording:
/// - `Login: user=<U>, method=PLAIN, rip=IP, lip=IP, mpid=N, TLS, session=<…>`
/// - `Disconnected (auth failed, 3 attempts in 12 secs): user=<U>, method=PLAIN, rip=IP, …`
/// - `Aborted login (auth failed, 1 attempts in 2 secs): user=<U>, …`
/// - `Login aborted: Connection closed (auth failed, 3 attempts in 15 secs) (auth_failed): user=<U>, …`
/// - `Disconnected (no auth attempts in 0 secs): user=<>, rip=IP, …` and its new-wording twins.
enum DovecotLoginLines {
    /// Writes `parsed` only when it recognises the line, and says whether it did (`DovecotParser.read`).
    static func parse(_ text: Bytes, protocolName: Bytes, into parsed: inout ParsedMessage) -> Bool {
        guard let fields = fields(text) else {
            guard text.hasPrefix("Maximum number of connections") else { return false }
            parsed = ParsedMessage(.noise)
            return true
        }
        if text.hasPrefix("Login: ") || text.hasPrefix("Logged in: ") {
            parsed = ParsedMessage(.login, peer: fields.peer, user: fields.user, validity: .valid, method: protocolName)
            return true
        }
        let verdict = text.prefix(fields.userAt)
        let marks = VerdictMarks(verdict)
        if let attempts = failedAttempts(verdict, marks) {
            parsed = ParsedMessage(.loginFailed, peer: fields.peer, user: fields.user, method: protocolName, count: attempts)
        } else if marks.noAttempts || verdict.contains("before auth was ready") || verdict.equals("Disconnected: ")
            || verdict.equals("Aborted login: ") {
            parsed = ParsedMessage(.noAuthAttempts, peer: fields.peer)
        } else {
            parsed = ParsedMessage(.noise, peer: fields.peer, user: fields.user)
        }
        return true
    }

    /// The attempts a failed login's verdict reports (at least one), or nil when it reports no failure.
    @inline(__always)
    private static func failedAttempts(_ verdict: Bytes, _ marks: VerdictMarks) -> Int? {
        if let attemptsAt = marks.attemptsAt { return attempts(verdict, at: attemptsAt + 14) }
        if marks.failed { return 1 }
        // Dovecot 1.0: `Aborted login (N authentication attempts)`. Its number follows the `(` at once (the
        // number read below is nil otherwise), so a verdict without a digit there is not searched: the usual
        // `no auth attempts` ones, ~60 instructions a verdict.
        if let open = marks.lastOpen, open + 1 < verdict.count, verdict[open + 1] &- UInt8(ascii: "0") < 10,
           verdict.suffix(from: open).contains(" authentication attempts)"),
           let space = verdict.firstIndex(of: UInt8(ascii: " "), from: open), let attempts = verdict.slice(open + 1, space).decimalValue {
            return max(1, attempts)
        }
        return nil
    }

    /// The number at `start` in `(auth failed, N attempts` (at least one). The usual single digit before its
    /// space is read in place: the search for the space and `decimalValue`'s call cost ~40 instructions.
    @inline(__always)
    static func attempts(_ verdict: Bytes, at start: Int) -> Int {
        if start + 1 < verdict.count, verdict[start] &- UInt8(ascii: "0") < 10, verdict[start + 1] == UInt8(ascii: " ") {
            return max(1, Int(verdict[start] &- UInt8(ascii: "0")))
        }
        return searchedAttempts(verdict, at: start)
    }

    /// `attempts` read up to the number's space.
    static func searchedAttempts(_ verdict: Bytes, at start: Int) -> Int {
        let end = verdict.firstIndex(nearby: UInt8(ascii: " "), from: start) ?? start
        return max(1, verdict.slice(start, end).decimalValue ?? 1)
    }

    /// What a verdict's parenthesised words say, read in one pass over its `(`s (each was searched for
    /// over the whole verdict before: up to seven `memchr` runs on a `no auth attempts` line).
    struct VerdictMarks: Equatable {
        /// The first `(auth failed, N attempts`: it decides, so the pass stops there.
        var attemptsAt: Int?
        /// `(auth_failed)`, `(authorization failed` or `(proxy dest auth failed)`: one failed attempt.
        var failed = false
        /// `(no auth attempts` or `(tried to use disallowed plaintext auth)`.
        var noAttempts = false
        /// The last `(` passed (the whole verdict's last when the pass did not stop).
        var lastOpen: Int?

        /// The usual failed verdicts (their `(auth failed, ` is the first `(`) are compared as literals first:
        /// the pass's `memchr` and compare cost about 60 instructions. Always inlined: the call cost ~15 a verdict
        /// (`bench/callgrind`, mail cut: `DovecotLoginLines.parse` 3.98 M -> 3.89 M, 6,445 verdicts).
        @inline(__always)
        init(_ verdict: Bytes) {
            if let open = VerdictMarks.usualFailureOpen(verdict) {
                self.init(failedAt: open)
            } else if let lastOpen = VerdictMarks.usualNoAttemptsLastOpen(verdict) {
                self.init(noAttemptsLastOpen: lastOpen)
            } else {
                self.init(searching: verdict)
            }
        }

        /// A verdict whose first `(` at `open` is `(auth failed, `.
        private init(failedAt open: Int) {
            attemptsAt = open
            lastOpen = open
        }

        /// Where `(auth failed, ` opens when the verdict starts with one of Dovecot's usual wordings.
        static func usualFailureOpen(_ verdict: Bytes) -> Int? {
            if verdict.hasPrefix("Disconnected (auth failed, ") { return 13 }
            if verdict.hasPrefix("Aborted login (auth failed, ") { return 14 }
            if verdict.hasPrefix("Login aborted: Connection closed (auth failed, ") { return 33 }
            return nil
        }

        /// A verdict that says only `no auth attempts`, its last `(` at `lastOpen`.
        private init(noAttemptsLastOpen lastOpen: Int) {
            noAttempts = true
            self.lastOpen = lastOpen
        }

        /// The last `(` of a verdict that is one of Dovecot's usual `no auth attempts` wordings, whole:
        /// `Disconnected (no auth attempts in N secs): ` or `Login aborted: Connection closed (no auth attempts
        /// in N secs) (no_auth_attempts): `. The pass cost up to three `memchr` runs (~165 a verdict).
        static func usualNoAttemptsLastOpen(_ verdict: Bytes) -> Int? {
            let open: Int
            if verdict.hasPrefix("Disconnected (no auth attempts in ") {
                open = 13
            } else if verdict.hasPrefix("Login aborted: Connection closed (no auth attempts in ") {
                open = 33
            } else {
                return nil
            }
            var end = open + 21
            while end < verdict.count, verdict[end] &- UInt8(ascii: "0") < 10 { end += 1 }
            guard end > open + 21 else { return nil }
            let rest = verdict.suffix(from: end)
            if open == 13 { return rest.equals(" secs): ") ? open : nil }
            return rest.equals(" secs) (no_auth_attempts): ") ? end + 7 : nil
        }

        /// The pass over the verdict's `(`s.
        init(searching verdict: Bytes) {
            var from = 0
            while let open = verdict.firstIndex(of: UInt8(ascii: "("), from: from) {
                lastOpen = open
                let words = verdict.suffix(from: open + 1)
                switch words.first {
                case UInt8(ascii: "a"):
                    if words.hasPrefix("auth failed, ") {
                        attemptsAt = open
                        return
                    }
                    failed = failed || words.hasPrefix("auth_failed)") || words.hasPrefix("authorization failed")
                case UInt8(ascii: "p"): failed = failed || words.hasPrefix("proxy dest auth failed)")
                case UInt8(ascii: "n"): noAttempts = noAttempts || words.hasPrefix("no auth attempts")
                case UInt8(ascii: "t"): noAttempts = noAttempts || words.hasPrefix("tried to use disallowed plaintext auth)")
                default: break
                }
                from = open + 1
            }
        }
    }

    struct Fields {
        var userAt: Int
        var user: Bytes?
        var peer: Peer
    }

    /// `[user=<U>, method=M, ]rip=IP, lip=IP, …`. The user name is the client's, so `rip` is read from the
    /// right: the last `rip=` that `, lip=` follows (everything after it is Dovecot's own). Without `lip`
    /// (a `login_log_format_elements` that leaves it out, or no local address), `rip` ends the line or
    /// Dovecot's own `, TLS`, `, secured`, `, session=<…>` follow it: then only the very last `rip=` of the
    /// line is taken, since the user name comes before it. Always inlined into `parse`, its one caller: the
    /// call and the fields returned through memory cost about 40 instructions a login line (`bench/callgrind`,
    /// mail cut: `DovecotLoginLines.parse` 4.34 M -> 3.98 M in 8,396 calls).
    @inline(__always)
    static func fields(_ text: Bytes) -> Fields? {
        guard let (ripAt, ip) = remoteAddress(text, followedBy: { $0.hasPrefix(", lip=") }, walkingBack: true)
                ?? remoteAddress(text, followedBy: { _ in true }, walkingBack: false) else { return nil }
        guard let userAt = text.firstRange(of: "user=<", anchor: 5), userAt < ripAt else {
            return Fields(userAt: ripAt, user: nil, peer: .ip(ip))
        }
        let userEnd = userEnd(text, before: ripAt)
        let user = userEnd > userAt + 6 ? text.slice(userAt + 6, userEnd) : nil
        return Fields(userAt: userAt, user: user, peer: .ip(ip))
    }

    /// Where the user name ends, before `rip=` at `ripAt`: at the last `>, method=` there, else the last `>`.
    /// The usual `>, method=PLAIN, ` right before `rip=` is compared in place (it holds no other `>`), where
    /// the backward search cost a `memrchr` call and its set-up (~25 instructions).
    @inline(__always)
    static func userEnd(_ text: Bytes, before ripAt: Int) -> Int {
        if ripAt >= 17 && text.slice(ripAt - 17, ripAt).equals(">, method=PLAIN, ") { return ripAt - 17 }
        return searchedUserEnd(text, before: ripAt)
    }

    /// `userEnd` searched for.
    static func searchedUserEnd(_ text: Bytes, before ripAt: Int) -> Int {
        text.lastRange(of: ">, method=", endingBy: ripAt) ?? text.lastRange(of: ">", endingBy: ripAt) ?? ripAt
    }

    /// The last `rip=IP` whose following text passes `isDovecots`; only the line's last `rip=` unless
    /// `walkingBack`. Always inlined into `fields` (its two calls, the second for lines without `lip`): the
    /// call and the address returned through memory cost ~34 a login line (`parse` 3.42 M -> 3.14 M on the mail
    /// cut, 8,396 lines).
    @inline(__always)
    private static func remoteAddress(_ text: Bytes, followedBy isDovecots: (Bytes) -> Bool,
                                      walkingBack: Bool) -> (Int, IPAddress)? {
        var limit = text.count
        while let ripAt = text.lastRange(of: "rip=", endingBy: limit) {
            // The usual address, a dotted quad, is read in place up to its comma.
            let quad = DottedQuad.field(text, from: ripAt + 4, before: UInt8(ascii: ","), orEnd: true)
            let ripEnd = quad?.end ?? text.firstIndex(of: UInt8(ascii: ","), from: ripAt + 4) ?? text.count
            if let ip = quad?.address ?? IPAddress(bytes: text.slice(ripAt + 4, ripEnd)), isDovecots(text.suffix(from: ripEnd)) {
                return (ripAt, ip)
            }
            guard walkingBack else { return nil }
            limit = ripAt + 3
        }
        return nil
    }
}
