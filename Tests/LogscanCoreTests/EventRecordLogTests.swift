import Testing
@testable import LogscanCore
@testable import LogscanRender

/// `EventRecordLog` as the queue `events` keeps its waiting lines in: records read back as they were
/// written, across many blocks; reading stops before a line whose verdict is open and goes on once it is
/// settled; blocks are unmapped as they are read, so memory follows what waits.
@Suite struct EventRecordLogTests {
    /// An `EventLine`'s fields as values, to compare.
    struct Fields: Equatable {
        var lineNumber: Int, micros: Int64?, host: [UInt8], program: [UInt8], fragment: Int
        var peer: String?, user: [UInt8]?, count: Int, text: [UInt8]?

        init(_ line: EventLine) {
            lineNumber = line.lineNumber
            micros = line.time?.micros
            host = line.host.array
            program = line.program.array
            fragment = line.fragment
            switch line.peer {
            case .ip(let ip)?: peer = ip.description
            case .hostname(let name)?: peer = "name:" + String(decoding: name.array, as: UTF8.self)
            case nil: peer = nil
            }
            user = line.user?.array
            count = line.count
            text = line.text?.array
        }
    }

    /// The test lines' bytes, kept until the test ends.
    final class Texts {
        private var storage: [UnsafeMutablePointer<UInt8>] = []

        func bytes(_ text: String) -> Bytes {
            let utf8 = Array(text.utf8)
            let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, utf8.count))
            copy.initialize(from: utf8, count: utf8.count)
            storage.append(copy)
            return Bytes(base: copy, count: utf8.count)
        }

        deinit { storage.forEach { $0.deallocate() } }
    }

    /// Line `i` of a varied run: hosts and programs change every few lines, times go back now and then,
    /// every kind of peer, users, and long texts (so the records fill many 1 MB blocks).
    func line(_ i: Int, _ texts: Texts) -> EventLine {
        let peer: Peer?
        switch i % 4 {
        case 0: peer = .ip(IPAddress(v4: UInt32(truncatingIfNeeded: i &* 2_654_435_761)))
        case 1: peer = .ip(IPAddress(high: 0x2001_0db8_0000_0000 | UInt64(i), low: UInt64(i) << 3))
        case 2: peer = .hostname(texts.bytes("host-\(i % 97).example.net"))
        default: peer = nil
        }
        return EventLine(lineNumber: 10 + i * 3 - (i % 5 == 0 ? 2 : 0),
                         time: i % 11 == 0 ? nil : Instant(micros: 1_795_800_000_000_000 + Int64(i % 7 == 0 ? -i : i) * 1_000_000),
                         host: texts.bytes("web\(i / 13 % 4)"), program: texts.bytes(["sshd", "postfix/smtpd", "dovecot"][i / 5 % 3]),
                         fragment: i % 200, peer: peer, user: i % 3 == 0 ? nil : texts.bytes("user\(i % 50)"),
                         count: i % 9 == 0 ? 1 + i : 1,
                         text: i % 6 == 0 ? texts.bytes(String(repeating: "x", count: 100 + i % 300)) : nil)
    }

    @Test func readingStopsBeforeAnOpenLineAndGoesOnOnceItIsSettled() {
        let texts = Texts()
        let log = EventRecordLog()
        var read: [Fields] = []
        log.append(line(1, texts))
        let open = log.appendOpen(EventLine(lineNumber: 99, time: nil, host: texts.bytes("web1"), program: texts.bytes("sshd"),
                                            fragment: 0, peer: nil, user: nil, count: 0, text: nil))
        log.append(line(2, texts))
        log.drain { read.append(Fields($0)) }
        #expect(read == [Fields(line(1, texts))])
        #expect(!log.isEmpty)
        var settled = line(3, texts)
        settled.lineNumber = 99
        log.settle(open.place, settled)
        log.drain { read.append(Fields($0)) }
        #expect(read.map(\.lineNumber) == [line(1, texts).lineNumber, 99, line(2, texts).lineNumber])
        #expect(read[1].fragment == settled.fragment && read[1].count == settled.count && read[1].user == settled.user.map(\.array))
        #expect(log.isEmpty)
    }

    @Test func recordsReadBackAsWrittenAcrossBlocksWithOpenLinesSettledOutOfOrder() {
        let texts = Texts()
        let log = EventRecordLog()
        var expected: [Fields] = [], read: [Fields] = []
        var open: [(place: Int, line: EventLine)] = []
        var mappedMost = 0
        for i in 0..<60_000 {
            let full = line(i, texts)
            expected.append(Fields(full))
            if i % 17 == 0 {
                // Opened with a placeholder fragment and count, as the pipeline does before the verdict.
                var placeholder = full
                (placeholder.fragment, placeholder.count) = (0, 0)
                open.append((log.appendOpen(placeholder).place, full))
            } else {
                log.append(full)
            }
            mappedMost = max(mappedMost, log.mappedBytes)
            // Every 500 lines, settle the open lines but the newest two, newest first, and read on.
            if i % 500 == 499 {
                for (place, full) in open.dropLast(2).reversed() { log.settle(place, full) }
                open = Array(open.suffix(2))
                log.drain { read.append(Fields($0)) }
                #expect(read.count < expected.count, "the newest open lines hold the rest back")
            }
        }
        for (place, full) in open.reversed() { log.settle(place, full) }
        log.drain { read.append(Fields($0)) }
        #expect(read.count == expected.count)
        let firstDifference = zip(read, expected).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(firstDifference == nil, "line \(firstDifference?.offset ?? -1) read back differently")
        #expect(log.isEmpty)
        // About 8 MB of records in all, never more than a few hundred lines waiting: blocks are unmapped as
        // they are read (two at most at once), and one is kept for the next lines.
        #expect(mappedMost == 2 << 20)
        #expect(log.mappedBytes == 1 << 20)
    }
}
