import Testing
@testable import LogscanCore

/// The byte and literal searches the parsers use (`firstIndex(nearby:from:)`, which tests a first word before
/// `memchr`; `firstRange(of:)`, `firstRange(of:anchor:from:)` and `lastRange(of:endingBy:)`, inlined) against
/// plain readings written here, at every start around the eight-byte word.
@Suite struct BytesSearchTests {
    private let texts = ["", "[", "unknown[1.2.3.4]", "a[", "abcdefg[", "abcdefgh[", "abcdefghi[x]", "[[[[[[[[[",
                         "no bracket here at all", "0/1 x", " auth=0/12 quit=1", "\u{80}\u{FF}[\u{7F}/", "12345678/"]

    @Test func nearbyAgreesWithMemchr() {
        for text in texts {
            Bytes.with(text) { view in
                for byte in [UInt8(ascii: "["), UInt8(ascii: "/"), UInt8(ascii: " "), 0x80, 0xFF, 0] {
                    for start in 0...(view.count + 1) {
                        #expect(view.firstIndex(nearby: byte, from: start) == view.firstIndex(of: byte, from: start),
                                "\(text) \(byte) \(start)")
                    }
                }
            }
        }
    }

    /// `firstIndex(of:from:)` and `firstIndex(nearby:from:)` (eight bytes tested in place, then `memchr`)
    /// against a byte loop: every start of random texts of 0 to 80 bytes, each byte from a small alphabet or
    /// any value, and starts past the end.
    @Test func byteSearchesAgreeWithAByteLoop() {
        var random = SplitMix64(state: 19)
        let alphabet: [UInt8] = [0x20, 0x5B, 0x00, 0x80, 0xFF, 0x7F, 0xDB, 0x41]
        for length in 0...80 {
            for _ in 0..<8 {
                let text = (0..<length).map { _ in random.next(3) == 0 ? UInt8(random.next(256)) : alphabet[random.next(alphabet.count)] }
                Bytes.with(text) { view in
                    for byte in alphabet {
                        for start in 0...(length + 2) {
                            let plain = start < length ? (start..<length).first { text[$0] == byte } : nil
                            #expect(view.firstIndex(of: byte, from: start) == plain, "\(text) \(byte) \(start)")
                            #expect(view.firstIndex(nearby: byte, from: start) == plain, "\(text) \(byte) \(start)")
                        }
                    }
                }
            }
        }
    }

    /// Where `literal` occurs first at or after `start`, and last ending by `end`, the plain way.
    private func plainFirst(_ text: [UInt8], _ literal: [UInt8], _ start: Int) -> Int? {
        guard start + literal.count <= text.count else { return nil }
        return (start...(text.count - literal.count)).first { Array(text[$0..<($0 + literal.count)]) == literal }
    }

    private func plainLast(_ text: [UInt8], _ literal: [UInt8], _ end: Int) -> Int? {
        guard literal.count <= end else { return nil }
        return (0...(end - literal.count)).reversed().first { Array(text[$0..<($0 + literal.count)]) == literal }
    }

    @Test func literalSearchesAgreeWithAPlainReading() {
        let hay = ["", " from ", "x from y from z", " fro from", "rip=1, rip=2, lip=3", ", status=sent, status=x",
                   "ab from", "from ", " from"]
        for text in hay {
            let bytes = Array(text.utf8)
            Bytes.with(bytes) { view in
                for start in 0...bytes.count {
                    #expect(view.firstRange(of: " from ", from: start) == plainFirst(bytes, Array(" from ".utf8), start), "\(text) \(start)")
                    #expect(view.firstRange(of: " from ", anchor: 1, from: start) == plainFirst(bytes, Array(" from ".utf8), start), "\(text) \(start)")
                    #expect(view.lastRange(of: "rip=", endingBy: start) == plainLast(bytes, Array("rip=".utf8), start), "\(text) \(start)")
                }
                #expect(view.lastRange(of: ", status=") == plainLast(bytes, Array(", status=".utf8), bytes.count), "\(text)")
            }
        }
    }
}
