import Testing
@testable import LogscanCore

/// The report sink's own tables against the `Dictionary` each stands in for: `KeyedTable` (open addressing
/// over `OpenSlots`), `NameTable` (names numbered, hashed a word at a time), `RunningTable` (the current key
/// kept aside) and `RejectTally`'s classes by position. Each is driven with the same operations as a
/// dictionary and must end with the same contents.
@Suite struct SinkTablesTests {
    /// Addresses (IPv4 and IPv6) and host names, some repeated many times, past several growths of the slots.
    private func peers(_ count: Int, distinct: Int) -> [PeerKey] {
        var random = SplitMix64(state: 7)
        return (0..<count).map { _ in
            let n = random.next(distinct)
            switch n % 3 {
            case 0: return .ip(IPAddress(v4: UInt32(n)))
            case 1: return .ip(IPAddress(high: 0x2001_0DB8_0000_0000, low: UInt64(n)))
            default: return .hostname("host-\(n).example")
            }
        }
    }

    /// Against a dictionary, with no room expected and with room for 1, 1,000 or 5,000 entries made at the
    /// first insertion (`expect`): the first key must be placed in the new slots (placed where the empty
    /// table's look-up said, it is lost), and 3,000 keys grow the table past the smaller rooms. Changes go
    /// through the `default:` subscript and through `update`, new keys and known ones alike.
    @Test(arguments: [0, 1, 1_000, 5_000]) func keyedTableHoldsWhatADictionaryHolds(expected: Int) {
        var table = KeyedTable<PeerKey, Int>()
        table.expect(expected)
        var dictionary: [PeerKey: Int] = [:]
        for (index, peer) in peers(20_000, distinct: 3_000).enumerated() {
            // Every third change through `update`, which changes a new value before appending it.
            if index % 3 == 0 { table.update(peer, orAdd: 0) { $0 += index } } else { table[peer, default: 0] += index }
            dictionary[peer, default: 0] += index
        }
        #expect(table.count == dictionary.count)
        for (peer, value) in dictionary { #expect(table[peer] == value) }
        #expect(Dictionary(uniqueKeysWithValues: table.map { ($0.key, $0.value) }) == dictionary)
        #expect(table[.ip(IPAddress(v4: 0xFFFF_FFFF))] == nil)
        #expect(table[.hostname("absent.example")] == nil)
    }

    @Test func keyedTableKeepsInsertionOrder() {
        var table = KeyedTable<PeerKey, Int>()
        let order = peers(500, distinct: 100_000)
        var firstSeen: [PeerKey] = []
        for peer in order {
            if table[peer] == nil { firstSeen.append(peer) }
            table[peer, default: 0] += 1
        }
        #expect(table.keys == firstSeen)
    }

    /// `NameTable.same` (one, two or four words in place up to 32 bytes) answers as `Bytes.equals` (`memcmp`)
    /// for every length up to 40 and a difference at every position, or none.
    @Test func nameTableSameIsBytesEquals() {
        for length in 0...40 {
            let name = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
            var others = [name, name + [0], Array(name.dropLast())]
            for position in 0..<length {
                var other = name
                other[position] ^= 0x20
                others.append(other)
            }
            for other in others {
                Bytes.with(name) { a in
                    Bytes.with(other) { b in
                        #expect(NameTable.same(a, b) == a.equals(b), "\(name) \(other)")
                        #expect(NameTable.same(b, a) == b.equals(a), "\(other) \(name)")
                    }
                }
            }
        }
    }

    /// Names of every length around the word size (the short-word and the word-at-a-time hash), names
    /// that differ only in their last byte or a trailing NUL, and the empty name.
    @Test func nameTableNumbersEqualBytesAlike() {
        var names: [[UInt8]] = [[], [0], [0, 0]]
        for length in 1...24 {
            let name = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
            names += [name, Array(name.dropLast()) + [UInt8(ascii: "Z")], name + [0]]
        }
        var table = NameTable()
        var ids: [[UInt8]: Int] = [:]
        for round in 0..<3 {
            for name in names {
                let id = Bytes.with(name) { table.id(of: $0) }
                if round == 0 && ids[name] == nil { ids[name] = id }
                #expect(id == ids[name], "\(name)")
                #expect(table[id].bytes == name)
            }
        }
        #expect(table.count == Set(names).count)
        #expect(Set(ids.values).count == ids.count)
        #expect(table.id(of: ByteString(names[10])) == ids[names[10]])
    }

    /// `NameTable.id`'s shortcut (`recent`, by a place from the name's first and last words and count)
    /// against a dictionary's numbering: names of 24 bytes that differ only in their middle word share a
    /// place (checked here), so a shortcut that trusted its place without comparing the bytes would give one
    /// name the other's number; more names than places, in a random order, each asked many times.
    @Test func nameTableRecentNumbersAreTheTablesNumbers() {
        let middles: [[UInt8]] = (0..<40).map { n in
            var name = [UInt8](repeating: UInt8(ascii: "x"), count: 24)
            name[12] = UInt8(ascii: "a") + UInt8(n)
            return name
        }
        Bytes.with(middles[0]) { a in
            Bytes.with(middles[1]) { b in #expect(NameTable.recentPlace(a) == NameTable.recentPlace(b)) }
        }
        let others = (0..<200).map { Array("user\($0)@example.org".utf8.prefix(4 + $0 % 30)) }
        let names = middles + others
        var random = SplitMix64(state: 29)
        var table = NameTable()
        var ids: [[UInt8]: Int] = [:]
        for _ in 0..<20_000 {
            let name = names[random.next(names.count)]
            let id = Bytes.with(name) { table.id(of: $0) }
            let expected = ids[name] ?? ids.count
            ids[name] = expected
            #expect(id == expected, "\(name)")
        }
        #expect(table.count == ids.count)
    }

    /// Addresses' user names (the first inline in `PeerFailures`, the others chained in one `PeerUserPairs`)
    /// against a dictionary of dictionaries: many addresses, some trying one name and some hundreds, with
    /// names repeated and the pair table grown many times.
    @Test func peerUserPairsHoldWhatDictionariesHold() {
        var random = SplitMix64(state: 13)
        var failures = [ServiceTally.PeerFailures](repeating: .init(), count: 400)
        var pairs = PeerUserPairs()
        var reference = [[Int: Int]](repeating: [:], count: failures.count)
        var last = (peer: 0, user: 0)
        for step in 0..<30_000 {
            // About half the steps repeat the step before: `PeerUserPairs.add`'s last-pair shortcut.
            if step == 0 || random.next(2) == 0 {
                let peer = random.next(failures.count)
                last = (peer, random.next(peer % 4 == 0 ? 1 : 1 + peer * 3))
            }
            let (peer, user) = last
            failures[peer].add(1 + step % 3, user: user, at: nil, position: peer, others: &pairs)
            reference[peer][user, default: 0] += 1 + step % 3
        }
        for (peer, expected) in reference.enumerated() {
            var found: [Int: Int] = [:]
            if failures[peer].firstUser != PeerUserPairs.none {
                found[Int(failures[peer].firstUser)] = failures[peer].firstUserAttempts
            }
            pairs.forEach(from: failures[peer].newestOtherUser) { user, n in
                #expect(found[user] == nil, "name listed twice")
                found[user] = n
            }
            #expect(found == expected)
            #expect(failures[peer].distinctUsers == expected.count)
        }
        // Every pair is one address's second or later name.
        let others = reference.indices.flatMap { peer in reference[peer].keys.filter { $0 != Int(failures[peer].firstUser) } }
        #expect(pairs.count == others.count)
        #expect(pairs.names.sorted() == others.sorted())
    }

    /// The report's failures by address and user, through the whole pipeline, against a count of the lines
    /// fed: runs of one address (the tally's last-address shortcut) or host name, switches to new and earlier
    /// addresses, addresses trying one name and addresses trying many (`PeerUserPairs`).
    @Test func failuresByAddressMatchACountOfTheLines() throws {
        var random = SplitMix64(state: 17)
        var processor = LineProcessor(registry: ParserRegistry(), range: .everything, zone: .utc,
                                      reference: Instant(seconds: 1_795_000_000), sink: Aggregator(zone: .utc))
        var expected: [String: [String: Int]] = [:]
        var address = 0
        for pid in 1...6_000 {
            if random.next(4) == 0 { address = random.next(300) }
            // Some addresses are host names (sshd with `UseDNS yes`): they take no last-address shortcut.
            let ip = address % 7 == 3 ? "host-\(address).example" : "198.51.\(address / 256).\(address % 256)"
            let user = "user\(random.next(address % 5 == 0 ? 1 : 40))"
            Bytes.with("Nov 27 04:50:37 web1 sshd[\(pid)]: Failed password for \(user) from \(ip) port 1 ssh2") {
                processor.process($0)
            }
            expected[ip, default: [:]][user, default: 0] += 1
        }
        processor.finish()
        let tally = try #require(processor.sink.services[.sshd])
        var found: [String: [String: Int]] = [:]
        for (peer, failures) in tally.failuresByPeer {
            let users = tally.users(of: failures).map { (String(decoding: $0.0.bytes, as: UTF8.self), $0.1) }
            found[peer.description] = Dictionary(uniqueKeysWithValues: users)
            #expect(failures.distinctUsers == users.count)
            #expect(failures.attempts.count == users.reduce(0) { $0 + $1.1 })
        }
        #expect(found == expected)
        #expect(tally.failedAttempts == 6_000)
    }

    @Test func runningTableHoldsWhatADictionaryHolds() {
        var random = SplitMix64(state: 11)
        var table = RunningTable(empty: 0)
        var dictionary: [Int64: Int] = [:]
        // Mostly in key order, as days come, with some keys out of order and revisited.
        var key: Int64 = 100
        for step in 0..<2_000 {
            if random.next(10) == 0 { key += 1 }
            let touched = random.next(20) == 0 ? key - Int64(random.next(5)) : key
            table[touched] += step % 7
            dictionary[touched, default: 0] += step % 7
        }
        #expect(table.table == dictionary)
        // A key reached with nothing added still has its entry, as with a dictionary's default.
        table[5] += 0
        dictionary[5, default: 0] += 0
        #expect(table.table == dictionary)
        #expect(table[5] == 0 && table[key] == dictionary[key])
        table.table = [1: 2]
        #expect(table.table == [1: 2])
    }

    @Test func rejectClassPositionsAreTheirPlacesInAllCases() {
        for (index, rejectClass) in RejectClass.allCases.enumerated() { #expect(rejectClass.position == index) }
    }
}
