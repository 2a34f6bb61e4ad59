import Testing
@testable import LogscanCore

/// sshd's fast paths for its usual lines, each against the general reading it stands in front of: where a
/// fast path answers, the general one must answer the same, on the usual lines and on near misses (other
/// reasons, other address forms, hostile user names that repeat the fixed words).
@Suite struct SshdFastPathTests {
    /// Every line made of one piece from each list, in order.
    private func lines(_ lists: [String]...) -> [String] {
        lists.reduce([""]) { heads, pieces in heads.flatMap { head in pieces.map { head + $0 } } }
    }

    /// Runs `check` on each line (its text and its bytes), which says whether the fast path answered there
    /// (and expects the general reading's answer when it did); returns how many lines it answered.
    private func fastAnswers(_ lines: [String], _ check: (String, Bytes) -> Bool) -> Int {
        lines.reduce(0) { count, line in count + (Bytes.with(line) { check(line, $0) } ? 1 : 0) }
    }

    /// `srclimit_penalise: ipv4: new A.B.C.D/BITS …` read in place, against the walk over the tokens.
    @Test func penaltyAddressAgreesWithTheTokenWalk() {
        let heads = ["srclimit_penalise: ipv4: new ", "srclimit_penalise: ipv6: new ", "srclimit_penalise: ipv4: new  ",
                     "srclimit_penalise: ipv4: ", "srclimit_penalise: "]
        let addresses = ["203.0.113.85", "1.2.3.4", "255.255.255.255", "256.1.1.1", "01.2.3.4", "1.2.3", "2001:db8::1",
                         "host.example", ""]
        let tails = ["/32 deferred penalty of 30 seconds for penalty: failed authentication", "/32", "/", "/x deferred",
                     "/32: activating ipv4 penalty", "/32x deferred", " /32 deferred", "/24 deferred", "/3a"]
        let answered = fastAnswers(lines(heads, addresses, tails)) { line, text in
            guard let fast = SshdPenalty.usualAddress(text) else { return false }
            #expect(Peer.ip(fast) == SshdPenalty.firstAddressToken(text), "\(line)")
            return true
        }
        // The usual line and its neighbours do take the fast path.
        #expect(answered >= 6)
    }

    /// The peer before `port P: Too many authentication failures`, against the search for each ` port `.
    @Test func tooManyFailuresPeerAgreesWithTheSearch() {
        let users = ["", "authenticating user root ", "invalid user pi ", "invalid user x port 22: ",
                     "invalid user 1.2.3.4 port 5 ", "user a port 1 "]
        let peers = ["203.0.113.9", "2001:db8::9", "host.example", "1.2.3", "x", ""]
        let ports = [" port 52814", " port ", " port x", "", " port 1 port 2", " port 0"]
        let reasons = [": Too many authentication failures", ": Too many authentication failure", ": Bye",
                       ":: Too many authentication failures", " Too many authentication failures"]
        let answered = fastAnswers(lines(["Disconnecting "], users, peers, ports, reasons)) { line, text in
            guard let fast = SshdProbeLines.peerBeforeTooManyFailures(text) else { return false }
            let general = SshdProbeLines.peerBeforeLastPortColon(text)
            #expect(general?.0 == fast.0 && general?.1 == fast.1 && general?.2 == fast.2, "\(line)")
            return true
        }
        #expect(answered >= 12)
    }

    /// pam_unix's record read with sshd's usual fixed words skipped, against the record read after
    /// `authentication failure;` alone.
    @Test func pamRecordAfterTheFixedWordsAgreesWithTheSearch() {
        let middles = [" logname= uid=0 euid=0 tty=ssh ruser= rhost=", " logname= uid=0 euid=0 tty=ssh ruser=x rhost=",
                       " logname= uid=0 euid=0 tty=ssh ruser= rhost= rhost=", " logname= uid=0 euid=0 tty=ssh ruser=",
                       " logname= uid=0 euid=0 tty=ssh ruser=  rhost=", " logname= uid=1 euid=0 tty=ssh ruser= rhost=",
                       " rhost="]
        let hosts = ["203.0.113.7", "2001:db8::7", "host.example", "", "1.2.3.4 rhost=5.6.7.8"]
        let users = ["", "  user=root", " user=root", "  user= rhost=9.9.9.9", "  user=a b  "]
        let answered = fastAnswers(lines(["authentication failure;"], middles, hosts, users)) { line, text in
            let fixed = SshdPamLines.fixedWords(text, upTo: 23)
            let fast = PamRecord.parse(.pamUnixFailure, text, fixedLength: fixed)
            let general = PamRecord.parse(.pamUnixFailure, text, fixedLength: 23)
            #expect(fast.peer == general.peer && fast.user == general.user, "\(line)")
            return fixed != 23
        }
        // The lines with the usual words, and only they, skip them.
        #expect(answered == 5 * hosts.count * users.count)
    }

    /// The usual noise line recognised before the table, against the table itself.
    @Test func unknownUserCheckIsNoiseByTheTable() {
        let samples = ["pam_unix(sshd:auth): check pass; user unknown", "pam_unix(sshd:auth): check pass; user unknown x",
                       "pam_unix(sshd:auth): check pass; user unknow", "pam_unix(sshd:auth): check pass;",
                       "pam_unix(sshd:auth): check pass", "pam_unix(sshd:auth): check pass: user unknown",
                       "pam_unix(sshd:auth): authentication failure;", "check pass; user unknown", ""]
        for line in samples {
            Bytes.with(line) { text in
                let byTable = SshdNoise.prefixes.contains { text.hasPrefix($0) }
                if SshdNoise.isUnknownUserCheck(text) { #expect(byTable, "\(line)") }
                #expect(SshdNoise.isNoise(text) == byTable, "\(line)")
            }
        }
        Bytes.with(samples[0]) { #expect(SshdNoise.isUnknownUserCheck($0)) }
    }

    /// ` [preauth]` dropped after a test of the last byte, against the suffix compare alone.
    @Test func preauthByTheLastByteAgreesWithTheCompare() {
        let samples = ["Connection closed by 1.2.3.4 port 22 [preauth]", "Connection closed by 1.2.3.4 port 22",
                       " [preauth]", "[preauth]", "x [preauth] ", "x [preauth]]", "x [preaut]", "]", "", "x [preauth] [preauth]"]
        for line in samples {
            Bytes.with(line) { text in
                let fast = SshdParser.droppingPreauth(text)
                let general = MessageFields.dropping(" [preauth]", from: text)
                #expect(fast.0 == general.0 && fast.1 == general.1, "\(line)")
            }
        }
    }

    /// ` ssh2` before a public key's type and fingerprint, found from the last two spaces, against the search
    /// for the last ` ssh2` or ` ssh1` that the end or a `:` follows.
    @Test func ssh2BeforeTheKeyAgreesWithTheSearch() {
        let heads = ["Failed publickey for root from 203.0.113.9 port 22", "Failed publickey for x ssh2: a b from 1.2.3.4 port 2",
                     "Accepted publickey for u from 2001:db8::1 port 5", "x", ""]
        let protocols = [" ssh2", " ssh1", " ssh2:", "ssh2", " ssh3", ""]
        let keys = [": RSA SHA256:abcDEF+/0123", ": ED25519 SHA256:x", ": ssh2 SHA256:x", ": RSA ssh2:x", ": RSA  SHA256:x",
                    ":RSA SHA256:x", ": RSA", ": RSA SHA256:x y", " ssh2: RSA SHA256:x", ": ssh2: ssh2", ""]
        let answered = fastAnswers(lines(heads, protocols, keys)) { line, text in
            guard let at = SshdAuthLines.ssh2BeforeKey(text) else { return false }
            #expect(text.prefix(at) == SshdAuthLines.droppingLastProtocol(text), "\(line)")
            return true
        }
        #expect(answered >= 6)
    }
}
