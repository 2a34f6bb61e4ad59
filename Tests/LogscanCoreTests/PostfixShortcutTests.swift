import Testing
@testable import LogscanCore

/// The postfix readers' shortcuts against the plain readings they replace: the disconnect counters'
/// `auth=ok/total` and a received line's `size=` read in one pass, and a delivery's `, relay=` searched
/// backward by its `r`, must answer as the cut-and-parse and the search would on every text, hostile ones too.
@Suite struct PostfixShortcutTests {
    /// The plain reading of ` auth=ok/total`: the value cut at the next space, split at its `/`, each side
    /// parsed whole.
    private func plainFailedAuthCommands(_ counters: Bytes) -> Int? {
        guard let at = counters.firstRange(of: " auth=") else { return nil }
        let value = counters.suffix(from: at + 6)
        let cut = value.prefix(value.firstIndex(of: UInt8(ascii: " ")) ?? value.count)
        guard let slash = cut.firstIndex(of: UInt8(ascii: "/")), let ok = cut.prefix(slash).decimalValue,
              let total = cut.suffix(from: slash + 1).decimalValue, total > ok else { return nil }
        return total - ok
    }

    @Test func failedAuthCommandsAgreesWithCuttingTheValue() {
        let values = ["0/1", "1/1", "2/1", "0/12", "12/345", "3", "/2", "1/", "0/1/2", "0//1", "a/1", "1/b", "0/1x", " 0/1",
                      "0 /1", "0/ 1", "99999999999999999999/99999999999999999999", "0/99999999999999999999", "", "01/02"]
        let heads = [" ehlo=1 auth=", " ehlo=1 starttls=1 auth=", " auth=", " quit=1 unknown=0/1 auth=", " xauth=1 auth=",
                     " auth=0/1 auth="]
        let after = ["", " quit=1 commands=2/3", " commands=1", "x", "/1"]
        var counted = 0
        for head in heads {
            for value in values {
                for tail in after {
                    Bytes.with(head + value + tail) { counters in
                        let plain = plainFailedAuthCommands(counters)
                        #expect(PostfixSmtpdLines.failedAuthCommands(counters) == plain, "\(counters.string)")
                        if plain != nil { counted += 1 }
                    }
                }
            }
        }
        #expect(counted > 20)
    }

    @Test func relayStartAgreesWithTheSearch() {
        let relays = [", relay=mx1[private/dovecot-lmtp]", ", relay=local", ", relay=mail.example.org[192.0.2.7]:25", ", relay=",
                      ", relay=none", ", relay=rr[r]", ""]
        let middles = [", delay=0.2, delays=0.1/0.01/0.03/0.06, dsn=2.0.0", ", conn_use=2, delay=1, delays=1/0/0/1, dsn=4.4.1",
                       "", ", relay=x, relay=y", ", rela", "r"]
        let heads = ["to=<alice@example.org>", "to=<\", relay=evil\"@example.org>", "to=<r@r>, orig_to=<relay@x>", "", "r, relay="]
        var found = 0
        for head in heads {
            for relay in relays {
                for middle in middles {
                    Bytes.with(head + relay + middle + ", status=sent (250 2.0.0 Ok)") { text in
                        for end in 0...text.count {
                            let plain = text.lastRange(of: ", relay=", endingBy: end)
                            #expect(PostfixQueueLines.relayStart(text, endingBy: end) == plain, "\(text.string) \(end)")
                            if plain != nil { found += 1 }
                        }
                    }
                }
            }
        }
        #expect(found > 1000)
    }

    @Test func receivedSizeAgreesWithCuttingTheValue() {
        let values = ["1234", "1234,", "1234,,", ",", "", "12a", "a12", "0", "99999999999999999999,", "12 ", "1,2", "12,x"]
        let tails = [" nrcpt=1 (queue active)", "", " ", ",", "x"]
        let heads = ["from=<a@example.org>", "from=<\", size=1,\"@x>", "from=<>, size=5x", "from=<s>, size="]
        var read = 0
        for head in heads {
            for value in values {
                for tail in tails {
                    Bytes.with(head + ", size=" + value + tail) { rest in
                        // The plain reading: the value up to the next space, one trailing comma dropped, all digits.
                        var plain: Int? = nil
                        if let at = rest.firstRange(of: ", size=") {
                            let after = rest.suffix(from: at + 7)
                            var cut = after.prefix(after.firstIndex(of: UInt8(ascii: " ")) ?? after.count)
                            if cut.hasSuffix(",") { cut = cut.dropLast(1) }
                            plain = cut.decimalValue
                        }
                        #expect(PostfixQueueLines.receivedSize(rest) == plain, "\(rest.string)")
                        if plain != nil { read += 1 }
                    }
                }
            }
        }
        #expect(read >= 15)
    }
}
