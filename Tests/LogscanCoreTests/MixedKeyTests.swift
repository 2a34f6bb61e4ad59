import Testing
@testable import LogscanCore

/// `MixedKey.hash(_:seed:)` hashes names of up to eight bytes inline; it must give what `NameTable.hash`
/// gives for every length, on both sides of the eight-byte boundary.
@Suite struct MixedKeyTests {
    @Test func inlineHashAgreesWithNameTable() {
        let text: [UInt8] = Array("root admin ubuntu-user x\u{1B}[31m 1.2.3.4 é".utf8)
        for seed: UInt64 in [0, 1, 0xDEAD_BEEF_0BAD_F00D, .max] {
            for start in 0..<4 {
                for count in 0...(text.count - start) {
                    let slice = Array(text[start..<(start + count)])
                    Bytes.with(slice) { view in
                        #expect(MixedKey.hash(view, seed: seed) == NameTable.hash(view, seed: seed), "\(count) bytes")
                    }
                }
            }
        }
    }

    /// `ByteLanes.shortWord`'s overlapping loads give the bytes in order, first lowest, zero above, for every
    /// length up to eight and every alignment (the word `NameTable`, `MixedKey` and `QueueKey` hash and compare).
    @Test func shortWordIsTheBytesInOrder() {
        let text: [UInt8] = Array("\u{1}root\0\u{FF}é admin".utf8)
        text.withUnsafeBytes { buffer in
            for start in 0..<(text.count - 8) {
                for count in 0...8 {
                    let raw = buffer.baseAddress! + start
                    let bytes = (0..<count).reduce(UInt64(0)) { $0 | UInt64(text[start + $1]) << UInt64($1 * 8) }
                    #expect(ByteLanes.shortWord(raw, count: count) == bytes, "\(start) \(count)")
                }
            }
        }
    }

    /// The sshd correlator compares users by `identity`, not by hash: two names must compare equal by one
    /// exactly when they do by the other, for every pair of lengths across the eight-byte boundary. Names
    /// with NUL bytes included: `ab` and `` `b\0 `` meet before the mix (the length is folded into the word),
    /// so both must call them the same.
    @Test func identityAgreesWithHashOnEquality() {
        let text: [UInt8] = Array("ab`b\0ab\0\0abaab root rootroot1".utf8)
        var names: [[UInt8]] = []
        for start in 0..<text.count {
            for count in 0...min(12, text.count - start) { names.append(Array(text[start..<(start + count)])) }
        }
        var disagreements: [String] = []
        var collisions = 0
        for seed: UInt64 in [0, 0xDEAD_BEEF_0BAD_F00D] {
            for first in names {
                for second in names where first != second {
                    Bytes.with(first) { a in
                        Bytes.with(second) { b in
                            let sameIdentity = MixedKey.identity(a, seed: seed) == MixedKey.identity(b, seed: seed)
                            let sameHash = MixedKey.hash(a, seed: seed) == MixedKey.hash(b, seed: seed)
                            if sameIdentity != sameHash { disagreements.append("\(first) \(second)") }
                            if sameHash { collisions += 1 }
                        }
                    }
                }
            }
        }
        #expect(disagreements.isEmpty)
        #expect(collisions > 0, "the NUL-byte pair must meet under both")
    }

    @Test func differentNamesDiffer() {
        Bytes.with(Array("mx1".utf8)) { first in
            Bytes.with(Array("mx2".utf8)) { second in
                #expect(MixedKey.hash(first, seed: 7) != MixedKey.hash(second, seed: 7))
            }
        }
    }
}
