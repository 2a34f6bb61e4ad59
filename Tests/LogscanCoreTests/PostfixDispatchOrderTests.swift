import Testing
@testable import LogscanCore

/// `PostfixParser.read` reads postscreen's lines before the queue-id test (`beforeQueueID`); the general
/// order tests the queue id first. The two orders must answer alike on every line that starts with an
/// upper-case letter other than `N`, queue lines whose id starts with a postscreen letter included.
@Suite struct PostfixDispatchOrderTests {
    /// The order before the fast path: the queue-id test, then postscreen, then the known noise.
    static func generalOrder(_ message: Bytes, into parsed: inout ParsedMessage) -> Bool {
        PostfixQueueLines.parse(message, into: &parsed) || PostscreenLines.parse(message, into: &parsed)
            || PostfixNoise.parse(message, into: &parsed)
    }

    static let heads = ["PREGREET 11 after 0.07 from ", "PASS NEW ", "PASS OLD ", "DNSBL rank 3 for ", "DISCONNECT ",
                        "DENYLISTED ", "HANGUP after 0.5 from ", "COMMAND PIPELINING from ", "CONNECT from ", "COMMAND ",
                        "BARE NEWLINE from ", "BLACKLISTED ", "WHITELISTED ", "ALLOWLISTED ", "NON-SMTP COMMAND from ",
                        "Anonymous TLS connection established from ", "Trusted TLS connection established to ",
                        "Connection rate limit exceeded: ", "Host offered STARTTLS: ", "Something else ",
                        // queue ids that start with a postscreen letter, short (hex) and long
                        "C4F2A1B3D5: ", "DA5B21E0F2: ", "BADC0FFEE1: ", "ABCDE: ", "PQ4x1Z2yJz5vBx: ", "HANGUP1: ",
                        "PASS9: ", "WXYZ12345678: ", "PREGREET: ", "P: ", "CONNECT1:", "CONNECTfrom1: "]
    static let tails = ["[203.0.113.13]:51234", "[203.0.113.13]:51234: EHLO x", "[2001:db8::15]:51234 in tests",
                        "unknown", "", "removed", "from=<a@b>, size=12, nrcpt=1 (queue active)",
                        "to=<b@c>, relay=local, delay=0.01, dsn=2.0.0, status=sent (delivered)",
                        "client=unknown[203.0.113.9], sasl_method=LOGIN, sasl_username=u", "[300.1.1.1]:1", "[1.2.3.4]"]

    @Test func postscreenBeforeTheQueueIDAnswersAsTheGeneralOrder() {
        var lines = PostfixDispatchOrderTests.heads.flatMap { head in PostfixDispatchOrderTests.tails.map { head + $0 } }
        var times = TimeResolver(zone: .utc, reference: Instant(seconds: 1_800_000_000))
        for example in PostfixParser().examples {
            lines.append(Bytes.with(example.line) { SyslogHeaderParser.parse($0, times: &times).message.string })
        }
        var upperCase = 0, recognised = 0
        for line in lines {
            // `N` lines (`NOQUEUE: reject:`) keep their own order, rejects first, both before and after.
            guard let first = line.utf8.first, first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z"),
                  first != UInt8(ascii: "N") else { continue }
            upperCase += 1
            Bytes.with(line) { message in
                var fast = ParseInPlaceTests.dirty, general = ParseInPlaceTests.dirty
                let fastAnswer = PostfixParser.read(message, into: &fast)
                let generalAnswer = PostfixDispatchOrderTests.generalOrder(message, into: &general)
                #expect(fastAnswer == generalAnswer, "\(line)")
                #expect(ParseInPlaceTests.Fields(fast) == ParseInPlaceTests.Fields(general), "\(line)")
                if fastAnswer { recognised += 1 }
            }
        }
        #expect(upperCase > 300 && recognised > 100 && recognised < upperCase, "\(recognised) of \(upperCase)")
    }

    /// Why the order does not matter: no line postscreen classifies has a queue id.
    @Test func noPostscreenLineHasAQueueID() {
        for head in PostfixDispatchOrderTests.heads {
            for tail in PostfixDispatchOrderTests.tails {
                Bytes.with(head + tail) { text in
                    if PostscreenLines.classify(text) != nil {
                        #expect(PostfixQueueLines.queueIDEnd(text) == nil, "\(head + tail)")
                    }
                }
            }
        }
    }
}
