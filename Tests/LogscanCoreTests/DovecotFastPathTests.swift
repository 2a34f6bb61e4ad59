import Testing
@testable import LogscanCore

/// Dovecot's fast paths for its usual lines, each against the general reading it stands in front of, on the
/// usual texts and their near misses (texts built from pieces that repeat or break the compared literals).
@Suite struct DovecotFastPathTests {
    /// Every text made of one piece from each list, in order.
    private func texts(_ lists: [String]...) -> [String] {
        lists.reduce([""]) { heads, pieces in heads.flatMap { head in pieces.map { head + $0 } } }
    }

    /// The auth process's tag: `auth: ` compared as a literal, against the byte scan.
    @Test func processTagEndAgreesWithTheScan() {
        let tags = ["auth", "auth-worker", "aut", "authx", "Auth", "", "pam_unix", "auth-worker(1234)", "auth(default)",
                    "auth(u,1.2.3.4)", "auth()", "auth(1 2)"]
        let separators = [": ", ":", " ", ":: ", ": :", "", "(", "): "]
        let rests = ["passwd-file(u,1.2.3.4): unknown user", "pam_unix(dovecot:auth): authentication failure;", "", "x"]
        var literal = 0
        for text in texts(tags, separators, rests) {
            Bytes.with(text) { view in
                #expect(DovecotAuthLines.processTagEnd(view) == DovecotAuthLines.scannedTagEnd(view), "\(text)")
                if view.hasPrefix("auth: ") { literal += 1 }
            }
        }
        #expect(literal >= 4)
    }

    /// A login process's name: `imap-login: ` and `pop3-login: ` compared as literals, against the search
    /// for the first `: `.
    @Test func processNameEndAgreesWithTheSearch() {
        let names = ["imap-login", "pop3-login", "imap-logi", "imap-loginx", "pop3", "imap", "lmtp(a: b)", "master",
                     "submission-login", "", "Imap-login", "imap-login:"]
        let separators = [": ", ":", " ", ":: ", ": :", "", " : "]
        let rests = ["Login: user=<a>, rip=1.2.3.4", "Disconnected: x", "", "a: b"]
        var literal = 0
        for text in texts(names, separators, rests) {
            Bytes.with(text) { view in
                #expect(DovecotParser.processNameEnd(view) == view.firstRange(of: ": "), "\(text)")
                if view.hasPrefix("imap-login: ") || view.hasPrefix("pop3-login: ") { literal += 1 }
            }
        }
        #expect(literal >= 8)
    }

    /// The group's `)` before the reason: the byte before the reason tested first, against the backward
    /// search, at every end of texts with and without parentheses.
    @Test func lastCloseAgreesWithTheBackwardSearch() {
        let pieces = ["passwd-file(u,1.2.3.4,<s>)", "): ", ")", "(", "x", "", ": Password mismatch", "))"]
        for text in texts(pieces, pieces, pieces) {
            Bytes.with(text) { view in
                for end in 0...view.count {
                    #expect(DovecotAuthLines.lastClose(view, before: end) == view.lastIndex(of: UInt8(ascii: ")"), before: end),
                            "\(text) before \(end)")
                }
            }
        }
    }

    /// The auth line's usual reasons compared at the line's end, against the search back over its `: `s.
    @Test func reasonAgreesWithTheSearch() {
        let heads = ["auth: passwd-file(u,1.2.3.4)", "auth: passwd-file(u: Password mismatch,1.2.3.4)", "", "x"]
        let reasons = [": Password mismatch", ": unknown user", ": Password mismatc", "Password mismatch", ":: unknown user",
                       ": Password mismatch: unknown user", ": unknown user: Password mismatch", ": pam_authenticate() failed: x",
                       ": unknown user (given password: x)", ": Password mismatch ", ": unknown user: "]
        var literal = 0
        for text in texts(heads, reasons) {
            Bytes.with(text) { view in
                let (fast, general) = (DovecotAuthLines.reason(view), DovecotAuthLines.searchedReason(view))
                #expect(fast?.0 == general?.0 && fast?.1 == general?.1, "\(text)")
                if view.hasSuffix(": Password mismatch") || view.hasSuffix(": unknown user") { literal += 1 }
            }
        }
        #expect(literal >= 12)
    }

    /// The 2.3 `auth: passwd-file(` compared as a literal, against the search for the passdb's `(`.
    @Test func groupOpenAgreesWithTheSearch() {
        let tags = ["auth: ", "auth:", "auth(", "auth-worker(1): ", "auth(u,1.2.3.4)<s>: ", "", "auth:  "]
        let words = ["passwd-file(", "passwd-fil(", "passwd-file", "(passwd-file(", "pam(", "xpasswd-file(", "passwd(", "file("]
        let rests = ["u,1.2.3.4): unknown user", "", "(", "passwd-file(u,1.2.3.4): x"]
        var literal = 0
        for text in texts(tags, words, rests) {
            Bytes.with(text) { view in
                #expect(DovecotAuthLines.groupOpen(view) == DovecotAuthLines.searchedGroupOpen(view), "\(text)")
                if view.hasPrefix("auth: passwd-file(") { literal += 1 }
            }
        }
        #expect(literal >= 4)
    }

    /// A login verdict's usual `(auth failed, ` compared as a literal, against the pass over its `(`s.
    @Test func verdictMarksAgreeWithThePass() {
        let heads = ["Disconnected ", "Aborted login ", "Login aborted: Connection closed ", "Disconnected", "Login aborted: ",
                     "Disconnected: Aborted login by logging out ", "(", ""]
        let marks = ["(auth failed, 3 attempts in 12 secs)", "(auth failed 3 attempts)", "(no auth attempts in 0 secs)",
                     "(auth_failed)", "(proxy dest auth failed)", "(tried to use disallowed plaintext auth)", "(1 authentication attempts)", ""]
        let tails = ["", ": ", " (auth_failed): ", " (auth failed, 1 attempts in 2 secs): ", " (no auth attempts)"]
        var literal = 0
        for text in texts(heads, marks, tails) {
            Bytes.with(text) { view in
                #expect(DovecotLoginLines.VerdictMarks(view) == DovecotLoginLines.VerdictMarks(searching: view), "\(text)")
                if DovecotLoginLines.VerdictMarks.usualFailureOpen(view) != nil { literal += 1 }
            }
        }
        #expect(literal >= 15)
    }
}
