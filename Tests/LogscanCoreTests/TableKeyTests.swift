import Testing
@testable import LogscanCore

/// The keys that hash once or not at all (`ByteString`'s stored hash, `QueueKey`'s words) against the bytes
/// they stand for: keys are equal exactly when the bytes are, and tables of them count each distinct
/// byte string once.
@Suite struct TableKeyTests {
    /// Ids around `QueueKey`'s word boundaries (8, 16 bytes) up to its 24 bytes, ids that differ only in a
    /// trailing NUL or in their last byte.
    private let ids: [[UInt8]] = {
        var ids: [[UInt8]] = [[], [0], [0, 0], Array("ABC".utf8), Array("ABC".utf8) + [0]]
        for length in [7, 8, 9, 10, 14, 15, 16, 17, 20, 23] {
            let id = (0..<length).map { UInt8(ascii: "A") + UInt8($0 % 26) }
            ids.append(id)
            ids.append(Array(id.dropLast()) + [UInt8(ascii: "z")])
            ids.append(id + [0])
        }
        return ids
    }()

    @Test func queueKeysAreEqualExactlyWhenTheBytesAre() {
        for a in ids {
            for b in ids {
                let equal = Bytes.with(a) { x in Bytes.with(b) { y in QueueKey(x) == QueueKey(y) } }
                #expect(equal == (a == b), "\(a) vs \(b)")
            }
        }
        let distinct = Set(ids.flatMap { id in [Bytes.with(id) { QueueKey($0) }, Bytes.with(Array(id)) { QueueKey($0) }] })
        #expect(distinct.count == Set(ids).count)
        #expect(!distinct.contains(nil))
    }

    /// A key holds 24 bytes; the parser reads no longer id, so no postfix line's id goes without a key.
    @Test func queueKeysHoldEveryIdTheParserReads() {
        for length in 20...28 {
            let id = Array(String(repeating: "4FhPPq0sPnz1Ns7", count: 2).utf8.prefix(length))
            let line = Bytes.with(id + Array(": removed".utf8)) { PostfixQueueLines.queueIDEnd($0) }
            let key = Bytes.with(id) { QueueKey($0) }
            #expect((line != nil) == (length <= QueueKey.maximumLength), "length \(length)")
            #expect((key != nil) == (length <= QueueKey.maximumLength), "length \(length)")
        }
    }

    @Test func byteStringsAreEqualExactlyWhenTheBytesAre() {
        for a in ids {
            for b in ids { #expect((ByteString(a) == ByteString(b)) == (a == b), "\(a) vs \(b)") }
        }
        var counts: [ByteString: Int] = [:]
        for id in ids + ids { counts[ByteString(id), default: 0] += 1 }
        #expect(counts.count == Set(ids).count)
        #expect(counts.values.allSatisfy { $0 == 2 })
        #expect(ByteString(Array("root".utf8)) < ByteString(Array("rooz".utf8)))
    }
}
