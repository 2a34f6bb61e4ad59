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

    /// IMAP's and POP3's login processes compared as literals, against the general route: the process is the
    /// text before the first `: `, a login process's name ends with `-login`, its protocol is the name without it.
    @Test func usualLoginAgreesWithTheGeneralRoute() {
        let names = ["imap-login", "pop3-login", "imap-logi", "imap-loginx", "pop3", "imap", "lmtp(a: b)", "master",
                     "submission-login", "", "Imap-login", "imap-login:"]
        let rests = ["Login: user=<a>, rip=1.2.3.4", "Disconnected: x", "", "a: b"]
        expectAgreement(names, [": ", ":", " ", ":: ", ": :", "", " : "], rests, usualAtLeast: 8,
                        usual: { DovecotParser.usualLogin($0) != nil }) { text, view in
            guard let login = DovecotParser.usualLogin(view) else { return }
            let colon = view.firstRange(of: ": ") ?? view.count
            let process = view.prefix(colon)
            #expect(process.hasSuffix("-login"), "\(text)")
            #expect(login.protocolName.base == process.base && login.protocolName.count == process.count - 6, "\(text)")
            #expect(login.rest.base == view.suffix(from: colon + 2).base && login.rest.count == view.count - colon - 2,
                    "\(text)")
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
        let heads = ["auth: passwd-file(u,1.2.3.4)", "auth: passwd-file(u: Password mismatch,1.2.3.4)", "", "x",
                     "auth-worker(9): pam(u,1.2.3.4)", "auth-worker(9): pam(u: pam_authenticate() failed,1.2.3.4)"]
        let pam = ": pam_authenticate() failed: Authentication failure (password mismatch?)"
        let reasons = [": Password mismatch", ": unknown user", ": Password mismatc", "Password mismatch",
                       ":: unknown user", ": Password mismatch: unknown user", ": unknown user: Password mismatch",
                       ": pam_authenticate() failed: x", ": unknown user (given password: x)", ": Password mismatch ",
                       ": unknown user: ", pam, String(pam.dropFirst()), String(pam.dropLast()), pam + " ",
                       ": unknown user" + pam, pam + ": unknown user", ": x" + pam, pam + ")",
                       ": pam_authenticate() failed:: Authentication failure (password mismatch?)",
                       ": pam_authenticate() failed: Authentication failure",
                       ": pam_authenticate(): failed: Authentication failure (password mismatch?)"]
        let usual: (Bytes) -> Bool = {
            $0.hasSuffix(": Password mismatch") || $0.hasSuffix(": unknown user") || $0.hasSuffix(
                ": pam_authenticate() failed: Authentication failure (password mismatch?)")
        }
        expectAgreement(heads, reasons, usualAtLeast: 30, usual: usual) { text, view in
            let (fast, general) = (DovecotAuthLines.reason(view), DovecotAuthLines.searchedReason(view))
            #expect(fast?.0 == general?.0 && fast?.1 == general?.1, "\(text)")
        }
    }

    /// The 2.3 `auth: passwd-file(` compared as a literal and `auth-worker(N): pam(` read in place, against
    /// the search for the passdb's `(`.
    @Test func groupOpenAgreesWithTheSearch() {
        let tags = ["auth: ", "auth:", "auth(", "auth-worker(1): ", "auth(u,1.2.3.4)<s>: ", "", "auth:  ",
                    "auth-worker(934): ", "auth-worker(): ", "auth-worker(9", "auth-worker(1,2): ", "auth-worker(1):  ",
                    "auth-worker(1) : ", "auth-worker(1)): ", "auth-worker(a): ", "auth-worker((1): ", "auth-worker(1)"]
        let words = ["passwd-file(", "passwd-fil(", "passwd-file", "(passwd-file(", "pam(", "xpasswd-file(", "passwd(",
                     "file(", "pam", "xpam(", "pa(", "pam)(", "pam((", ""]
        let rests = ["u,1.2.3.4): unknown user", "", "(", "passwd-file(u,1.2.3.4): x", "pam(u,1.2.3.4): x"]
        expectAgreement(tags, words, rests, usualAtLeast: 20,
                        usual: { $0.hasPrefix("auth: passwd-file(") || DovecotAuthLines.workerPamOpen($0) != nil }) { text, view in
            #expect(DovecotAuthLines.groupOpen(view) == DovecotAuthLines.searchedGroupOpen(view), "\(text)")
        }
    }

    /// A login verdict's usual `(auth failed, ` compared as a literal, against the pass over its `(`s.
    @Test func verdictMarksAgreeWithThePass() {
        let heads = ["Disconnected ", "Aborted login ", "Login aborted: Connection closed ", "Disconnected",
                     "Login aborted: ", "Disconnected: Aborted login by logging out ", "(", ""]
        let marks = ["(auth failed, 3 attempts in 12 secs)", "(auth failed 3 attempts)", "(no auth attempts in 0 secs)",
                     "(auth_failed)", "(proxy dest auth failed)", "(tried to use disallowed plaintext auth)",
                     "(1 authentication attempts)", "", "(no auth attempts in 12 secs)", "(no auth attempts in  secs)",
                     "(no auth attempts in 1x secs)", "(no auth attempts in 3 sec)", "(no auth attempts in 3 secs"]
        let tails = ["", ": ", " (auth_failed): ", " (auth failed, 1 attempts in 2 secs): ", " (no auth attempts)",
                     " (no_auth_attempts): ", " (no_auth_attempts):", " (no_auth_attempts): (", "): ", " (x): "]
        let usual: (Bytes) -> Bool = {
            DovecotLoginLines.VerdictMarks.usualFailureOpen($0) != nil
                || DovecotLoginLines.VerdictMarks.usualNoAttemptsLastOpen($0) != nil
        }
        expectAgreement(heads, marks, tails, usualAtLeast: 30, usual: usual) { text, view in
            #expect(DovecotLoginLines.VerdictMarks(view) == DovecotLoginLines.VerdictMarks(searching: view), "\(text)")
        }
    }

    /// A failed login's usual one-digit number of attempts read in place, against the search for its space, at
    /// every start of texts with numbers, near misses and no number.
    @Test func attemptsAgreeWithTheSearch() {
        let heads = ["(auth failed, ", "", "x"]
        let numbers = ["1", "3", "0", "12", "99999999999999999999", "x", " ", "", "9 "]
        let tails = [" attempts in 12 secs)", " attempts", " ", "", "  ", "x attempts", "1 attempts"]
        // The fast path's texts: a digit at 14 (after `(auth failed, `) and a space after it.
        let usual: (Bytes) -> Bool = { $0.count > 15 && $0[14] &- UInt8(ascii: "0") < 10 && $0[15] == UInt8(ascii: " ") }
        expectAgreement(heads, numbers, tails, usualAtLeast: 15, usual: usual) { text, view in
            for start in 0...view.count {
                let general = DovecotLoginLines.searchedAttempts(view, at: start)
                #expect(DovecotLoginLines.attempts(view, at: start) == general, "\(text) at \(start)")
            }
        }
    }

    /// The user name's usual end, `>, method=PLAIN, ` right before `rip=`, compared in place, against the
    /// search back for `>, method=` and `>`, before every position of texts that repeat or break it.
    @Test func userEndAgreesWithTheSearch() {
        let users = ["user=<a>", "user=<>", "user=<a>, method=PLAIN, x", "", "user=<a>>"]
        let methods = [", method=PLAIN, ", ", method=LOGIN, ", "> method=PLAIN, ", ">, method=PLAIN,", ", method=PLAIN",
                       ">, method=PLAIN, >, method=PLAIN, ", ">>, method=PLAIN, ", ""]
        let tails = ["rip=1.2.3.4, lip=5.6.7.8", "", ">"]
        expectAgreement(users, methods, tails, usualAtLeast: 12,
                        usual: { $0.firstRange(of: ">, method=PLAIN, rip=") != nil }) { text, view in
            for ripAt in 0...view.count {
                let general = DovecotLoginLines.searchedUserEnd(view, before: ripAt)
                #expect(DovecotLoginLines.userEnd(view, before: ripAt) == general, "\(text) before \(ripAt)")
            }
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
