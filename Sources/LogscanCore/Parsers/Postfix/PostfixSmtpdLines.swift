/// smtpd's lines about one SMTP session: SASL failures and logins, disconnect tallies, probes. Each reader
/// writes `parsed` only when it recognises the line, and says whether it did (`PostfixParser.read`).
enum PostfixSmtpdLines {
    /// `warning: H[IP]: SASL <MECH> authentication failed: <reason>[, sasl_username=U]` (smtpd_sasl_glue.c);
    /// a mechanism the server does not offer is a client error, counted apart as a probe. Other warnings
    /// are daemon problems. `rest` is the text after `warning: `, which the dispatch has read
    /// (`PostfixParser.beforeQueueID`); every warning is recognised.
    static func warning(after rest: Bytes, into parsed: inout ParsedMessage) {
        // The search starts at the mechanism, so `SASL authentication failed` (no mechanism) cannot give it a
        // negative length (found by fuzz/targets/postfix.swift).
        if let (peer, mechanismAt) = saslClient(rest),
           let failedAt = authenticationFailed(rest, afterMechanismAt: mechanismAt) {
            let reason = rest.suffix(from: failedAt + 22)
            // The SASL server's reply comes first; a user name after it cannot pass for it. Its third byte
            // tells the two replies below from the usual base64 prompt before their long compares.
            let replyLetter = reason.count > 2 ? reason[2] : 0
            if replyLetter == UInt8(ascii: "C"), reason.hasPrefix(": Connection lost to authentication server") {
                parsed = ParsedMessage(.daemonWarning, peer: peer, detail: reason)
                return
            }
            // The Dovecot SASL backend's reply to a mechanism it does not offer (xsasl_dovecot_server.c).
            if replyLetter == UInt8(ascii: "I"), reason.hasPrefix(": Invalid authentication mechanism") {
                parsed = ParsedMessage(.saslBadMechanism, peer: peer, method: rest.slice(mechanismAt, failedAt))
                return
            }
            parsed = ParsedMessage(.saslFailed, peer: peer, method: rest.slice(mechanismAt, failedAt))
            if let userAt = saslUsernameStart(reason) {
                let user = reason.suffix(from: userAt + 16)
                parsed.user = user.equals("(unavailable)") ? nil : user
            }
            return
        }
        if let (peer, end) = PostfixClient.after("non-SMTP command from ", in: rest) {
            parsed = ParsedMessage(.nonSMTPCommand, peer: peer, detail: rest.suffix(from: min(end + 2, rest.count)))
        } else if rest.hasPrefix("hostname ") || rest.hasPrefix("Illegal address syntax from ") {
            parsed = ParsedMessage(.noise)
        } else {
            parsed = ParsedMessage(.daemonWarning, detail: rest)
        }
    }

    /// `H[IP][:port]: SASL ` at the start of `rest`: the peer and where the mechanism starts. The usual line
    /// has no port, so `: SASL ` is compared at the address's end before a port is looked for: the same answer
    /// as skipping the port first (`PostfixShortcutTests`), since a `:` followed by a space starts no port.
    @inline(__always)
    static func saslClient(_ rest: Bytes) -> (peer: Peer, mechanismAt: Int)? {
        guard let (peer, addressEnd) = PostfixClient.inlinedBracketed(rest) else { return nil }
        if rest.suffix(from: addressEnd).hasPrefix(": SASL ") { return (peer, addressEnd + 7) }
        let end = PostfixClient.portEnd(rest, after: addressEnd)
        return end > addressEnd && rest.suffix(from: end).hasPrefix(": SASL ") ? (peer, end + 7) : nil
    }

    /// Where ` authentication failed` starts, searched from the mechanism's first byte: the usual mechanism
    /// (`LOGIN`, `PLAIN`) is a word within the next eight bytes, so the first space is looked at before any
    /// search. The literal starts with a space, so no occurrence comes before that first space: the same
    /// answer as the search (`DottedQuadTests`). `LOGIN`, the mechanism password-guessing clients use, is
    /// compared with the literal in one piece first: 20 instructions less a LOGIN warning than the word
    /// search for its space (0.68 M on bench/'s mail cut), about 6 more on any other.
    @inline(__always)
    static func authenticationFailed(_ rest: Bytes, afterMechanismAt start: Int) -> Int? {
        if rest.suffix(from: start).hasPrefix("LOGIN authentication failed") { return start + 5 }
        if let space = rest.firstIndex(nearby: UInt8(ascii: " "), from: start),
           rest.suffix(from: space).hasPrefix(" authentication failed") {
            return space
        }
        return searchedAuthenticationFailed(rest, from: start)
    }

    /// `authenticationFailed`'s search, kept out of line: inlined, its loop had the literal built in registers
    /// on every warning (12 instructions a SASL warning, 0.4 M on bench/'s mail cut) though it runs on almost
    /// none (bench/RESULTS.md, round eight: postfix).
    @inline(never)
    private static func searchedAuthenticationFailed(_ rest: Bytes, from start: Int) -> Int? {
        rest.firstRange(of: " authentication failed", anchor: 1, from: start)
    }

    /// Where the first `, sasl_username=` starts in a SASL failure's reason. The usual failed password's
    /// reply, `: authentication failure` (Cyrus SASL and Dovecot), has it right after, which is compared
    /// first (no comma comes before it); a reason too short to hold it is not searched (Postfix's base64
    /// prompts, `: UGFzc3dvcmQ6`). The same answer as the search (`PostfixShortcutTests`).
    @inline(__always)
    static func saslUsernameStart(_ reason: Bytes) -> Int? {
        if reason.hasPrefix(": authentication failure, sasl_username=") { return 24 }
        return reason.count >= 16 ? reason.firstRange(of: ", sasl_username=") : nil
    }

    /// `fatal: …` and `panic: …`.
    static func daemonProblem(_ text: Bytes, into parsed: inout ParsedMessage) -> Bool {
        if let rest = text.after("fatal: ") {
            parsed = ParsedMessage(.daemonFatal, detail: rest)
        } else if let rest = text.after("panic: ") {
            parsed = ParsedMessage(.daemonPanic, detail: rest)
        } else {
            return false
        }
        return true
    }

    /// The session lines smtpd writes in lower case, told apart by their first letter. Inlined into the
    /// dispatch (`PostfixParser.beforeQueueID`): a call level less on the 43,173 lines of the mail cut that
    /// start with `a`–`v`, 1.5 M instructions of its 187 M (bench/RESULTS.md, round seven: postfix). The
    /// warning reader, marked so too, stayed a call (the optimizer declined it) and is left unmarked.
    @inline(__always)
    static func session(_ text: Bytes, into parsed: inout ParsedMessage) -> Bool {
        guard let first = text.first else { return false }
        switch first {
        case UInt8(ascii: "c"):
            guard let (peer, _) = PostfixClient.after("connect from ", in: text) else { return false }
            parsed = ParsedMessage(.noise, peer: peer)
        case UInt8(ascii: "d"):
            guard let (peer, end) = PostfixClient.after("disconnect from ", in: text) else { return false }
            disconnect(text.suffix(from: end), peer: peer, into: &parsed)
        case UInt8(ascii: "t"):
            guard let (peer, _) = PostfixClient.after("too many errors after AUTH from ", in: text) else {
                return lostConnection(text, command: text.after("timeout after "), into: &parsed)
            }
            parsed = ParsedMessage(.tooManyAuthErrors, peer: peer)
        case UInt8(ascii: "l"):
            return lostConnection(text, command: text.after("lost connection after "), into: &parsed)
        case UInt8(ascii: "i"):
            guard text.hasPrefix("improper command pipelining after "), let (peer, _) = PostfixClient.afterFrom(text) else {
                return false
            }
            parsed = ParsedMessage(.improperPipelining, peer: peer)
        case UInt8(ascii: "n"):
            guard let (peer, end) = PostfixClient.after("non-SMTP command from ", in: text) else { return false }
            parsed = ParsedMessage(.nonSMTPCommand, peer: peer, detail: text.suffix(from: min(end + 2, text.count)))
        default:
            return false
        }
        return true
    }

    /// `lost connection after CMD from H[IP]` and `timeout after CMD from H[IP]`, given the text after the
    /// prefix. No ` from ` can start in the prefix before its last space, so the search starts there (from the
    /// line's start it stopped at the `f` of `after` first), and the command's space, usually within eight
    /// bytes, is looked for as a word before `memchr`: the same answers (`PostfixShortcutTests`).
    static func lostConnection(_ text: Bytes, command: Bytes?, into parsed: inout ParsedMessage) -> Bool {
        guard let command, let (peer, _) = PostfixClient.afterFrom(text, from: text.count - command.count - 1) else {
            return false
        }
        let end = command.firstIndex(nearby: UInt8(ascii: " "), from: 0) ?? command.count
        parsed = ParsedMessage(.lostConnection, peer: peer, detail: command.prefix(end))
        return true
    }

    /// The session's end with its peer, a summary of its failed AUTH commands: their number when the counters
    /// report some, else 0 (all succeeded, none was tried, or a Postfix before 3.0 wrote no counters). Every
    /// `disconnect` ends the session for `PostfixCorrelator`, so the next session of the same smtpd process
    /// starts afresh and the correlator's table holds only open sessions.
    @inline(__always)
    static func disconnect(_ counters: Bytes, peer: Peer, into parsed: inout ParsedMessage) {
        parsed = ParsedMessage(.disconnectSummary, peer: peer, count: failedAuthCommands(counters) ?? 0)
    }

    /// ` ehlo=1 auth=0/2 quit=1 commands=2/4`: `auth=ok/total` (or `auth=N` when all succeeded) tells the
    /// failed AUTH commands (Postfix 3.0 and later); nil when none failed.
    @inline(__always)
    static func failedAuthCommands(_ counters: Bytes) -> Int? {
        // Searched for by its `u`: of the other counters only `quit` and `unknown` have one.
        guard let at = counters.firstRange(of: " auth=", anchor: 2) else { return nil }
        // `ok/total` read in one pass, digits then `/` then digits up to the counter's space or the end
        // (no search for either, no `decimalValue` calls: the numbers are one or two digits;
        // `PostfixShortcutTests`).
        var i = at + 6
        guard let ok = PostfixDecimal.run(counters, &i), i < counters.count, counters[i] == UInt8(ascii: "/") else {
            return nil
        }
        i += 1
        guard let total = PostfixDecimal.run(counters, &i), i == counters.count || counters[i] == UInt8(ascii: " "),
              total > ok else { return nil }
        return total - ok
    }
}
