import CByteScan
import Testing
@testable import LogscanCore

/// The postfix readers' shortcuts against the plain readings they replace: the disconnect counters'
/// `auth=ok/total` and a received line's `size=` read in one pass, a delivery's `, relay=` searched
/// backward by its `r`, the SASL warning's `: SASL ` compared before the port is skipped and its
/// `, sasl_username=` compared at the usual reply's end, and the queue id read by one SSE2 compare, must answer
/// as the cut-and-parse, the search and the scan would on every text, hostile ones too.
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

    /// The plain reading of a SASL warning's client: `name[address]`, a `:port` skipped when digits follow the
    /// `:`, then `: SASL `.
    private func plainSaslClient(_ text: Bytes) -> (peer: Peer, mechanismAt: Int)? {
        guard let (peer, addressEnd) = PostfixClient.bracketed(text) else { return nil }
        var end = addressEnd
        if end < text.count && text[end] == UInt8(ascii: ":") {
            var i = end + 1
            while i < text.count && isDigit(text[i]) { i += 1 }
            if i > end + 1 { end = i }
        }
        return text.suffix(from: end).hasPrefix(": SASL ") ? (peer, end + 7) : nil
    }

    @Test func saslClientAgreesWithSkippingThePortFirst() {
        let clients = ["unknown[192.0.2.7]", "mail.example[192.0.2.7]", "unknown[2001:db8::1]", "x[IPv6:2001:db8::1]",
                       "unknown[192.0.2.300]", "unknown[192.0.2.7", "unknown", ""]
        let ports = ["", ":25", ":587", ":", ":x", "::", ": ", ":25:", ":99999999999999999999"]
        let tails = [": SASL LOGIN authentication failed: x", ": SASL ", ": SASL", ":SASL ", " SASL ", "", ": SASL: SASL "]
        var read = 0
        for client in clients {
            for port in ports {
                for tail in tails {
                    Bytes.with(client + port + tail) { text in
                        let plain = plainSaslClient(text), fast = PostfixSmtpdLines.saslClient(text)
                        #expect(fast?.peer == plain?.peer && fast?.mechanismAt == plain?.mechanismAt, "\(text.string)")
                        if plain != nil { read += 1 }
                    }
                }
            }
        }
        #expect(read >= 40)
    }

    @Test func saslUsernameStartAgreesWithTheSearch() {
        let replies = [": authentication failure", ": UGFzc3dvcmQ6", ": authentication failure, x", ": authentication failur",
                       ": authentication failure,", "", ",", ": a, sasl_username=b", ": authentication failure; x"]
        let users = [", sasl_username=alice", ", sasl_username=", ", sasl_username", ", sasl_username=a, sasl_username=b",
                     "", ", sasl_username=(unavailable)", ",, sasl_username=x"]
        var found = 0
        for reply in replies {
            for user in users {
                Bytes.with(reply + user) { reason in
                    let plain = reason.firstRange(of: ", sasl_username=")
                    #expect(PostfixSmtpdLines.saslUsernameStart(reason) == plain, "\(reason.string)")
                    if plain != nil { found += 1 }
                }
            }
        }
        #expect(found >= 30)
    }

    /// The SSE2 compare's answer (`logscan_queue_id_end`) against the general scan it stands in front of, on
    /// ids of every length, every byte after them and random texts with bytes above 0x7F (the compare is signed).
    @Test func queueIDCompareAgreesWithTheScan() {
        var texts: [[UInt8]] = []
        let alphabet = Array("09AFZafz:: -_@[".utf8) + [0x7F, 0x80, 0xBA, 0xDA, 0xFF, 0x2F, 0x3A, 0x40, 0x60, 0x7B]
        for length in 0...20 {
            for after in Array(": x".utf8) + [0x80, 0x2F, 0x3B, 0x5B] {
                let ids = ["A", "1", "a"].map { String(repeating: $0, count: length) }
                    + [String(repeating: "B", count: max(0, length - 1)) + "7"]
                for id in ids {
                    texts.append(Array(id.utf8) + [after, UInt8(ascii: " ")] + Array("removed, to=<a@b>".utf8))
                    texts.append(Array(id.utf8) + [after] + Array("x removed, to=<a@b>".utf8))
                }
            }
        }
        var random = SplitMix64(state: 13)
        let idBytes = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)
        for _ in 0..<20_000 {
            // half of them an id of 3 to 17 letters and digits and `: ` first, then any bytes
            var text: [UInt8] = []
            if random.next(2) == 0 {
                text = (0..<(3 + random.next(15))).map { _ in idBytes[random.next(idBytes.count)] } + Array(": ".utf8)
            }
            let count = 17 + random.next(16)
            while text.count < count { text.append(alphabet[random.next(alphabet.count)]) }
            texts.append(text)
        }
        var answered = 0, ids = 0
        for text in texts where text.count >= 17 {
            Bytes.with(text) { bytes in
                let scan = PostfixQueueLines.scannedQueueIDEnd(bytes)
                let compare = logscan_queue_id_end(bytes.base)
                if compare != Int(LOGSCAN_QUEUE_ID_FALLBACK) {
                    answered += 1
                    #expect((compare >= 0 ? compare : nil) == scan, "\(text)")
                }
                #expect(PostfixQueueLines.queueIDEnd(bytes) == scan, "\(text)")
                if scan != nil { ids += 1 }
            }
        }
        #expect(answered > 10_000 && ids > 2_000, "\(answered) \(ids)")
    }

    /// `lostConnection`'s search for ` from ` from the prefix's last space against the search from the line's
    /// start, and the command cut at its first space.
    @Test func lostConnectionAgreesWithSearchingFromTheStart() {
        let commands = ["AUTH", "STARTTLS", "END-OF-MESSAGE", "DATA (0 bytes)", "", "from", "from from", "x from", " from ",
                        "f", "CONNECT"]
        let tails = [" from unknown[192.0.2.7]", " from mail.example[192.0.2.7]:25", "from x[1.2.3.4]", " from ", "",
                     " from [2001:db8::1]", " from a from b[192.0.2.8]", " from unknown[192.0.2.300]"]
        var read = 0
        for prefix in ["lost connection after ", "timeout after "] {
            for command in commands {
                for tail in tails {
                    Bytes.with(prefix + command + tail) { text in
                        let rest = text.suffix(from: prefix.utf8.count)
                        var parsed = ParseInPlaceTests.dirty
                        let answer = PostfixSmtpdLines.lostConnection(text, command: rest, into: &parsed)
                        let plain = PostfixClient.afterFrom(text)
                        #expect(answer == (plain != nil), "\(text.string)")
                        if let plain, answer {
                            let end = rest.firstIndex(of: UInt8(ascii: " ")) ?? rest.count
                            #expect(parsed.peer == plain.peer && parsed.detail == rest.prefix(end), "\(text.string)")
                            read += 1
                        }
                    }
                }
            }
        }
        #expect(read >= 60)
    }
}
