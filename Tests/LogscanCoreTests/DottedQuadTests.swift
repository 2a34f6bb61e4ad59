import Testing
@testable import LogscanCore

/// The in-place dotted-quad readers (`DottedQuad`) and the parser fast paths built on them, against plain
/// readings written here: a quad read forward or backward inside a longer text must be the token the general
/// path would cut out at its delimiter, with the same value, at every offset (the bounds-checked and the
/// unchecked copies both run), and the fast `trailingPeer`, `PostfixClient.bracketed` and `PamRecord` paths
/// must give what cutting at the delimiter and parsing gives.
@Suite struct DottedQuadTests {
    /// A dotted quad the plain way: four dot-separated decimal octets, 0...255, no leading zero.
    private func plainV4(_ token: Substring) -> UInt32? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy({ $0 >= "0" && $0 <= "9" }),
                  part.count == 1 || part.first != "0", let octet = UInt32(part), octet <= 255 else { return nil }
            value = value << 8 | octet
        }
        return value
    }

    /// Deterministic texts of bytes quads are made of, and of what surrounds them.
    private func texts(count: Int, seed: UInt64) -> [String] {
        let alphabet = Array("0123456789....  ]],x:")
        let pieces = ["1.2.3.4", "255.255.255.255", "10.0.0.1", "0.0.0.0", "192.168.100.200", "01.2.3.4", "1.2.3.04",
                      "256.1.1.1", "1.2.3.4567", "1234.1.1.1", "1.2.3", "1.2.3.4.5", " port 22", "rhost=", "[", "]"]
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { _ in
            var text = ""
            for _ in 0..<next(6) {
                if next(2) == 0 { text += pieces[next(pieces.count)] }
                else { for _ in 0..<next(5) { text.append(alphabet[next(alphabet.count)]) } }
            }
            return text
        }
    }

    @Test func forwardReadsOnlyWholeQuadsWithTheirValue() {
        for text in texts(count: 3000, seed: 1) + ["1.2.3.4", "255.255.255.255", "x 10.20.30.40 y"] {
            let bytes = Array(text.utf8)
            Bytes.with(bytes) { view in
                for start in 0...bytes.count {
                    guard let (value, end) = DottedQuad.forward(view.base, from: start, limit: bytes.count) else { continue }
                    let token = Substring(String(decoding: bytes[start..<end], as: UTF8.self))
                    #expect(plainV4(token) == value, "\(text) from \(start)")
                    // A quad that continues with a digit would be a different token: the caller's delimiter check
                    // rules it out, and `IPAddress` agrees.
                    #expect(IPAddress(bytes: view.slice(start, end))?.v4Value == value, "\(text) from \(start)")
                }
            }
        }
    }

    @Test func backwardReadsOnlyWholeQuadsWithTheirValue() {
        for text in texts(count: 3000, seed: 2) {
            let bytes = Array(text.utf8)
            Bytes.with(bytes) { view in
                for end in 0...bytes.count {
                    guard let (value, start) = DottedQuad.backward(view.base, endingAt: end, floor: 0) else { continue }
                    let token = Substring(String(decoding: bytes[start..<end], as: UTF8.self))
                    #expect(plainV4(token) == value, "\(text) to \(end)")
                }
            }
        }
    }

    /// Every valid quad, right after a short or a long run of other bytes, is found (the fast path is the
    /// usual one, not a rare one).
    @Test(arguments: [0, 3, 14, 15, 16, 40])
    func findsQuadsInContext(padding: Int) {
        for quad in ["1.2.3.4", "255.255.255.255", "10.0.0.1", "0.0.0.0", "100.20.3.199"] {
            let text = String(repeating: "a", count: padding) + " " + quad
            Bytes.with(text) { view in
                let quadStart = padding + 1
                #expect(DottedQuad.forward(view.base, from: quadStart, limit: view.count)?.end == view.count)
                #expect(DottedQuad.backward(view.base, endingAt: view.count, floor: 0)?.start == quadStart)
                #expect(DottedQuad.backward(view.base, endingAt: view.count, floor: 0)?.value == plainV4(Substring(quad)))
            }
        }
    }

    // MARK: the parsers' fast paths against cutting and parsing

    /// `trailingPeer` the general way: the token between the last space and ` port N` (or the end).
    private func plainTrailingPeer(_ text: Bytes) -> (Peer, Int)? {
        let end = MessageFields.trailingPort(text) ?? text.count
        let start = text.lastIndex(of: UInt8(ascii: " "), before: end).map { $0 + 1 } ?? 0
        guard end > start, let peer = Peer(bytes: text.slice(start, end)) else { return nil }
        return (peer, start)
    }

    @Test func trailingPeerAgreesWithCuttingAtTheLastSpace() {
        let lines = texts(count: 3000, seed: 3).map { "Failed password for u from " + $0 }
            + texts(count: 1000, seed: 4).map { $0 + " port 5" } + texts(count: 1000, seed: 5)
        for line in lines {
            Bytes.with(line) { text in
                let fast = MessageFields.trailingPeer(text)
                let plain = plainTrailingPeer(text)
                #expect(fast?.peer == plain?.0 && fast?.start == plain?.1, "\(line)")
            }
        }
    }

    @Test(arguments: ["", "7", "65535", "123456789", "12345678901234567890", "x", "8 "])
    func trailingPortCountsDigitsAcrossTheWord(port: String) {
        for padding in 0...10 {
            let line = String(repeating: "h", count: padding) + " port " + port
            Bytes.with(line) { text in
                var i = text.count
                while i > 0 && isDigit(text[i - 1]) { i -= 1 }
                let plain = i < text.count && i >= 6 && text.slice(i - 6, i).equals(" port ") ? i - 6 : nil
                #expect(MessageFields.trailingPort(text) == plain, "\(line)")
            }
        }
    }

    /// sshd's usual methods, compared in place, give the ` for ` that the search finds; other texts go to
    /// the search.
    @Test func usualMethodAgreesWithTheSearchForFor() {
        let methods = ["password", "publickey", "none", "keyboard-interactive/pam", "passwordx", "pass", "publickeys",
                       "keyboard-interactive", "nonE", "hostbased", "", "p", "k", "n"]
        let tails = [" for root from 1.2.3.4 port 22 ssh2", " for invalid user x from 1.2.3.4", " for", " for ",
                     "  for x", "for x", " fo", ""]
        for method in methods {
            for tail in tails {
                let line = "Failed " + method + tail
                Bytes.with(line) { text in
                    let search = text.firstRange(of: " for ", from: 7)
                    let fast = SshdAuthLines.forAfterUsualMethod(text, 7)
                    if let fast { #expect(fast == search, "\(line)") }
                    let usual = ["password", "publickey"].contains(method)
                    #expect((fast != nil) == (usual && tail.hasPrefix(" for ")), "\(line)")
                }
            }
        }
    }

    /// smtpd's ` authentication failed` after the mechanism, looked for at the first space, against the search.
    @Test func authenticationFailedAgreesWithTheSearch() {
        let mechanisms = ["LOGIN", "PLAIN", "CRAM-MD5", "DIGEST-MD5", "", "x y", "LOGIN  ", "authentication"]
        let tails = [" authentication failed: UGFzc3dvcmQ6", " authentication failed", "authentication failed",
                     " authentication faile", " x authentication failed", ""]
        for mechanism in mechanisms {
            for tail in tails {
                let line = "unknown[1.2.3.4]: SASL " + mechanism + tail
                Bytes.with(line) { text in
                    for start in 0...(text.count + 1) {
                        #expect(PostfixSmtpdLines.authenticationFailed(text, afterMechanismAt: start)
                                == text.firstRange(of: " authentication failed", from: start), "\(line) \(start)")
                    }
                }
            }
        }
    }

    @Test func bracketedAgreesWithCuttingAtTheBracket() {
        for tail in texts(count: 3000, seed: 6) {
            let line = "mail.example[" + tail
            Bytes.with(line) { text in
                var plain: (Peer, Int)? = nil
                if let open = text.firstIndex(of: UInt8(ascii: "[")),
                   let close = text.firstIndex(of: UInt8(ascii: "]"), from: open + 1) {
                    var address = text.slice(open + 1, close)
                    if let v6 = address.after("IPv6:") { address = v6 }
                    plain = IPAddress(bytes: address).map { (.ip($0), close + 1) }
                }
                let fast = PostfixClient.bracketed(text)
                #expect(fast?.peer == plain?.0 && fast?.end == plain?.1, "\(line)")
            }
        }
    }

    /// The host cut at its space, and the user after the first ` user=` from there, trailing spaces dropped.
    @Test func pamRecordAgreesWithCuttingAtTheSpace() {
        let users = ["  user=root", " user=root ", " user=", "user=x", "   user=a user=b", ""]
        for (index, host) in texts(count: 3000, seed: 7).enumerated() {
            let line = "authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=" + host + users[index % users.count]
            Bytes.with(line) { text in
                let parsed = PamRecord.parse(.pamUnixFailure, text, fixedLength: 23)
                let at = text.firstRange(of: " rhost=")! + 7
                let end = text.firstIndex(of: UInt8(ascii: " "), from: at) ?? text.count
                #expect(parsed.peer == Peer(bytes: text.slice(at, end)), "\(line)")
                var user: Bytes? = nil
                if let userAt = text.firstRange(of: " user=", from: end) {
                    var userEnd = text.count
                    while userEnd > userAt + 6 && text[userEnd - 1] == UInt8(ascii: " ") { userEnd -= 1 }
                    user = text.slice(userAt + 6, userEnd)
                }
                #expect(parsed.user == user, "\(line)")
            }
        }
    }
}
