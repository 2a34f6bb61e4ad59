import CByteScan
import Testing
@testable import LogscanCore

/// The SSSE3 dotted-quad reader (`logscan_dotted_quad`, behind `DottedQuad.forward`) against the scalar
/// reader it stands in for: the same answer at every start of many random and hostile texts, and the usual
/// shapes really answered by the fast reader (not all left to the fallback).
@Suite struct DottedQuadSIMDTests {
    /// Texts of quads, near-quads and the bytes around them, with some bytes of any value.
    private func texts(count: Int, seed: UInt64) -> [[UInt8]] {
        let alphabet = Array("0123456789....  ]],x:[".utf8)
        let pieces = ["1.2.3.4", "255.255.255.255", "10.0.0.1", "0.0.0.0", "192.168.100.200", "01.2.3.4", "1.2.3.04",
                      "1.2.3.0", "256.1.1.1", "1.2.3.256", "999.9.9.9", "1.2.3.4567", "1.2.3.1234", "1234.1.1.1",
                      "1.2.3", "1.2.3.4.5", "1..2.3", ".1.2.3.4", "1.2.3.4.", "2001:db8::1", "IPv6:::1",
                      "unknown[", "]:25", " rip=", "12.34.56.78"].map { Array($0.utf8) }
        var random = SplitMix64(state: seed)
        return (0..<count).map { _ in
            var text: [UInt8] = []
            while text.count < 20 + random.next(40) {
                switch random.next(4) {
                case 0, 1: text += pieces[random.next(pieces.count)]
                case 2: text.append(UInt8(random.next(256)))
                default: text.append(alphabet[random.next(alphabet.count)])
                }
            }
            return text
        }
    }

    /// Every start and every limit up to 17 bytes past it (the short reaches take the shifted read of the 16
    /// bytes before the limit), and the text's end.
    @Test func forwardAnswersAsTheScalarReaderEverywhere() {
        var answered = 0
        for text in texts(count: 2000, seed: 18) {
            Bytes.with(text) { view in
                for start in 0...text.count {
                    for limit in Set(start...min(text.count, start + 17)).union([text.count]) {
                        let fast = DottedQuad.forward(view.base, from: start, limit: limit)
                        let scalar = DottedQuad.scalarForward(view.base, from: start, limit: limit)
                        #expect(fast?.value == scalar?.value && fast?.end == scalar?.end, "\(text) \(start)..<\(limit)")
                        if fast != nil { answered += 1 }
                    }
                }
            }
        }
        #expect(answered > 10_000)
    }

    /// The C readers alone, on every 16-byte window and on every shorter reach that has 16 bytes before its
    /// end: a value only where the scalar reader reads the same quad, "none" only where it reads none.
    @Test(.enabled(if: logscan_dotted_quad_ready() == 1, "the SSSE3 readers run only on a CPU that has SSSE3"))
    func fastReadersNeverContradictTheScalarOne() {
        for text in texts(count: 3000, seed: 1800) where text.count >= 16 {
            Bytes.with(text) { view in
                for start in 0...(text.count - 16) {
                    let read = logscan_dotted_quad(view.base + start)
                    expectAgreement(read, DottedQuad.scalarForward(view.base, from: start, limit: text.count), start, text)
                }
                for limit in 16...text.count {
                    for start in (limit - 15)..<limit {
                        let read = logscan_dotted_quad_tail(view.base + start, limit - start)
                        expectAgreement(read, DottedQuad.scalarForward(view.base, from: start, limit: limit), start, text)
                    }
                }
            }
        }
    }

    private func expectAgreement(_ read: Int64, _ scalar: (value: UInt32, end: Int)?, _ start: Int, _ text: [UInt8]) {
        if read >= 0 {
            #expect(scalar?.value == UInt32(truncatingIfNeeded: read) && scalar?.end == start + Int(read >> 32),
                    "\(text) from \(start)")
        } else if read == LOGSCAN_QUAD_NONE {
            #expect(scalar == nil, "\(text) from \(start)")
        } else {
            #expect(read == Int64(LOGSCAN_QUAD_FALLBACK))
        }
    }

    /// Every clean shape (each octet one to three digits, 81 in all) with random values is answered by the
    /// SSSE3 readers themselves (not left to the fallback): before each delimiter the parsers look for in a
    /// longer line, and at the end of a line (`connect from unknown[1.2.3.4`), where the shifted read runs.
    @Test(.enabled(if: logscan_dotted_quad_ready() == 1, "the SSSE3 readers run only on a CPU that has SSSE3"))
    func everyCleanShapeIsReadFast() {
        var random = SplitMix64(state: 81)
        for shape in 0..<81 {
            let octets = [shape / 27 % 3, shape / 9 % 3, shape / 3 % 3, shape % 3].map { lengthLess1 -> Int in
                let low = [0, 10, 100][lengthLess1], high = [9, 99, 255][lengthLess1]
                return low + random.next(high - low + 1)
            }
            let quad = octets.map(String.init).joined(separator: ".")
            let answer = Int64(octets.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }) | Int64(quad.utf8.count) << 32
            for delimiter in ["]", " ", ",", ":"] {
                Bytes.with(quad + delimiter + "port 25 of a longer line") { view in
                    #expect(logscan_dotted_quad(view.base) == answer, "\(quad)")
                }
            }
            let prefix = "connect from unknown["
            Bytes.with(prefix + quad) { view in
                let read = logscan_dotted_quad_tail(view.base + prefix.utf8.count, quad.utf8.count)
                #expect(read == answer, "\(quad)")
            }
        }
    }

    /// The reader's memo of the last quad read (this thread's): a text that starts with the last quad but goes
    /// on differently (another digit, a dot, another delimiter, a NUL, the end of the reach) is read anew, and
    /// every answer is the scalar reader's. Each text is read right after another one with the same quad.
    @Test(.enabled(if: logscan_dotted_quad_ready() == 1, "the SSSE3 readers run only on a CPU that has SSSE3"))
    func aRepeatedQuadAnswersAsTheScalarReader() {
        let quads = ["1.2.3.4", "10.0.0.1", "192.168.100.200", "255.255.255.25", "203.0.113.9", "1.2.3.45"]
        let trailers = ["]", "]:25", "5]", "0", ".", ".5", " ", "\u{0}", "", "9.", "]x"]
        var answered = 0
        for quad in quads {
            for first in trailers {
                for second in trailers {
                    for text in [quad + first, quad + second] {
                        let bytes = Array("connect from unknown[".utf8) + Array(text.utf8)
                        let start = bytes.count - text.utf8.count
                        Bytes.with(bytes + Array(" of a longer line".utf8)) { view in  // the 16-byte read
                            let read = logscan_dotted_quad(view.base + start)
                            expectAgreement(read, DottedQuad.scalarForward(view.base, from: start, limit: view.count), start, bytes)
                            if read >= 0 { answered += 1 }
                        }
                        Bytes.with(bytes) { view in  // the shifted read, the text ending at the reach's end
                            let reach = view.count - start
                            guard reach < 16 else { return }
                            let read = logscan_dotted_quad_tail(view.base + start, reach)
                            expectAgreement(read, DottedQuad.scalarForward(view.base, from: start, limit: view.count), start, bytes)
                        }
                    }
                }
            }
        }
        #expect(answered > 500)
    }
}
