import Testing
@testable import LogscanCore

/// Dovecot's fast paths for its usual lines, each against the general reading it stands in front of, on the
/// usual texts and their near misses (texts built from pieces that repeat or break the compared literals).
@Suite struct DovecotFastPathTests {
    /// Runs `agree` (which expects the fast path's answer to be the general reading's) on every text made of
    /// one piece of each list, in order, and expects the fast path to answer by itself (`usual`) on at least
    /// `minimum` of them.
    private func expectAgreement(_ lists: [String]..., usualAtLeast minimum: Int, usual: (Bytes) -> Bool,
                                 _ agree: (String, Bytes) -> Void) {
        let texts = lists.reduce([""]) { heads, pieces in heads.flatMap { head in pieces.map { head + $0 } } }
        let answered = texts.reduce(0) { count, text in
            count + Bytes.with(text) { view in
                agree(text, view)
                return usual(view) ? 1 : 0
            }
        }
        #expect(answered >= minimum)
    }

    /// The auth process's tag: `auth: ` and `auth-worker(` compared as literals, against the byte scan.
    @Test func processTagEndAgreesWithTheScan() {
        let tags = ["auth", "auth-worker", "aut", "authx", "Auth", "", "pam_unix", "auth-worker(1234)",
                    "auth-worker(", "auth(default)", "auth(u,1.2.3.4)", "auth()", "auth(1 2)"]
        let rests = ["passwd-file(u,1.2.3.4): unknown user", "pam_unix(dovecot:auth): authentication failure;", "", "x"]
        expectAgreement(tags, [": ", ":", " ", ":: ", ": :", "", "(", "): "], rests, usualAtLeast: 16,
                        usual: { $0.hasPrefix("auth: ") || $0.hasPrefix("auth-worker(") }) { text, view in
            #expect(DovecotAuthLines.processTagEnd(view) == DovecotAuthLines.scannedTagEnd(view), "\(text)")
        }
    }

    /// A login process's name: `imap-login: ` and `pop3-login: ` compared as literals, against the search
    /// for the first `: `.
    @Test func processNameEndAgreesWithTheSearch() {
        let names = ["imap-login", "pop3-login", "imap-logi", "imap-loginx", "pop3", "imap", "lmtp(a: b)", "master",
                     "submission-login", "", "Imap-login", "imap-login:"]
        let rests = ["Login: user=<a>, rip=1.2.3.4", "Disconnected: x", "", "a: b"]
        expectAgreement(names, [": ", ":", " ", ":: ", ": :", "", " : "], rests, usualAtLeast: 8,
                        usual: { $0.hasPrefix("imap-login: ") || $0.hasPrefix("pop3-login: ") }) { text, view in
            #expect(DovecotParser.processNameEnd(view) == view.firstRange(of: ": "), "\(text)")
        }
    }

    /// The group's `)` before the reason: the byte before the reason tested first, against the backward
    /// search, at every end of texts with and without parentheses.
    @Test func lastCloseAgreesWithTheBackwardSearch() {
        let pieces = ["passwd-file(u,1.2.3.4,<s>)", "): ", ")", "(", "x", "", ": Password mismatch", "))"]
        expectAgreement(pieces, pieces, pieces, usualAtLeast: 100, usual: { $0.hasSuffix(")") }) { text, view in
            for end in 0...view.count {
                let general = view.lastIndex(of: UInt8(ascii: ")"), before: end)
                #expect(DovecotAuthLines.lastClose(view, before: end) == general, "\(text) before \(end)")
            }
        }
    }

    /// The auth line's usual reasons compared at the line's end, against the search back over its `: `s.
    @Test func reasonAgreesWithTheSearch() {
        let heads = ["auth: passwd-file(u,1.2.3.4)", "auth: passwd-file(u: Password mismatch,1.2.3.4)", "", "x"]
        let reasons = [": Password mismatch", ": unknown user", ": Password mismatc", "Password mismatch",
                       ":: unknown user", ": Password mismatch: unknown user", ": unknown user: Password mismatch",
                       ": pam_authenticate() failed: x", ": unknown user (given password: x)", ": Password mismatch ",
                       ": unknown user: "]
        expectAgreement(heads, reasons, usualAtLeast: 12,
                        usual: { $0.hasSuffix(": Password mismatch") || $0.hasSuffix(": unknown user") }) { text, view in
            let (fast, general) = (DovecotAuthLines.reason(view), DovecotAuthLines.searchedReason(view))
            #expect(fast?.0 == general?.0 && fast?.1 == general?.1, "\(text)")
        }
    }

    /// The 2.3 `auth: passwd-file(` compared as a literal, against the search for the passdb's `(`.
    @Test func groupOpenAgreesWithTheSearch() {
        let tags = ["auth: ", "auth:", "auth(", "auth-worker(1): ", "auth(u,1.2.3.4)<s>: ", "", "auth:  "]
        let words = ["passwd-file(", "passwd-fil(", "passwd-file", "(passwd-file(", "pam(", "xpasswd-file(", "passwd(",
                     "file("]
        let rests = ["u,1.2.3.4): unknown user", "", "(", "passwd-file(u,1.2.3.4): x"]
        expectAgreement(tags, words, rests, usualAtLeast: 4, usual: { $0.hasPrefix("auth: passwd-file(") }) { text, view in
            #expect(DovecotAuthLines.groupOpen(view) == DovecotAuthLines.searchedGroupOpen(view), "\(text)")
        }
    }

    /// A login verdict's usual `(auth failed, ` compared as a literal, against the pass over its `(`s.
    @Test func verdictMarksAgreeWithThePass() {
        let heads = ["Disconnected ", "Aborted login ", "Login aborted: Connection closed ", "Disconnected",
                     "Login aborted: ", "Disconnected: Aborted login by logging out ", "(", ""]
        let marks = ["(auth failed, 3 attempts in 12 secs)", "(auth failed 3 attempts)", "(no auth attempts in 0 secs)",
                     "(auth_failed)", "(proxy dest auth failed)", "(tried to use disallowed plaintext auth)",
                     "(1 authentication attempts)", ""]
        let tails = ["", ": ", " (auth_failed): ", " (auth failed, 1 attempts in 2 secs): ", " (no auth attempts)"]
        expectAgreement(heads, marks, tails, usualAtLeast: 15,
                        usual: { DovecotLoginLines.VerdictMarks.usualFailureOpen($0) != nil }) { text, view in
            #expect(DovecotLoginLines.VerdictMarks(view) == DovecotLoginLines.VerdictMarks(searching: view), "\(text)")
        }
    }

    /// A delivery's usual `saved mail to INBOX` compared at the line's end, against the search for the words.
    @Test func deliveredAgreesWithTheSearch() {
        let heads = ["msgid=<a@b>: ", "msgid=<saved mail to INBOX>: ", "", "x"]
        let verbs = ["saved mail to ", "saved mail to", "stored mail into mailbox ", "saved mail ", "Saved mail to ", ""]
        let boxes = ["INBOX", "'INBOX'", "INBOX ", "Archive", "", "NBOX"]
        expectAgreement(heads, verbs, boxes, usualAtLeast: 4, usual: { $0.hasSuffix("saved mail to INBOX") }) { text, view in
            #expect(DovecotParser.delivered(view) == DovecotParser.searchedDelivered(view), "\(text)")
        }
    }
}
