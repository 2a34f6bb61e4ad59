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

    @Test func differentNamesDiffer() {
        Bytes.with(Array("mx1".utf8)) { first in
            Bytes.with(Array("mx2".utf8)) { second in
                #expect(MixedKey.hash(first, seed: 7) != MixedKey.hash(second, seed: 7))
            }
        }
    }
}
