import Testing
@testable import LogscanRender

/// Quoted-printable bodies: line length, trailing whitespace, `=`, non-ASCII, long words, and a round trip.
@Suite struct QuotedPrintableTests {
    @Test func plainASCIIStaysReadable() {
        #expect(QuotedPrintable.encode("Failed attempts: 19 from 3 IPs\n") == "Failed attempts: 19 from 3 IPs\n")
        #expect(QuotedPrintable.encode("") == "")
        #expect(QuotedPrintable.encode("no newline") == "no newline")
    }

    @Test func equalsSignAndNonASCIIAreEncoded() {
        #expect(QuotedPrintable.encode("a=b") == "a=3Db")
        #expect(QuotedPrintable.encode("11:00 → 12:00 …") == "11:00 =E2=86=92 12:00 =E2=80=A6")
        #expect(QuotedPrintable.encode("\u{1B}[31m\t\r") == "=1B[31m=09")  // a CR before the end goes with the line end
        #expect(QuotedPrintable.encode("a\rb") == "a=0Db")
    }

    @Test func whitespaceBeforeALineEndIsEncoded() {
        #expect(QuotedPrintable.encode("trailing space \nand tab\t\nmid dle\n") == "trailing space=20\nand tab=09\nmid dle\n")
    }

    @Test func dotsAndFromAtLineStartAreEncoded() {
        #expect(QuotedPrintable.encode(".\n..x\nFrom here\nFromage\n a.b\n") == "=2E\n=2E.x\n=46rom here\nFromage\n a.b\n")
    }

    @Test(arguments: [
        String(repeating: "a", count: 500),
        String(repeating: "é", count: 300),
        String(repeating: "=", count: 100) + "x",
        String(repeating: "word ", count: 60),
        String(repeating: "ab ", count: 40) + String(repeating: " ", count: 30),
        String(repeating: "x", count: 75) + ".y" + String(repeating: "x", count: 74) + "From z",
        String(repeating: "y", count: 76) + "\n" + String(repeating: "z", count: 77),
    ])
    func longLinesAreSoftBrokenWithinSeventySixOctets(_ text: String) throws {
        let encoded = QuotedPrintable.encode(text)
        for line in encoded.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(line.utf8.count <= 76, "\(line)")
            #expect(!line.hasPrefix(".") && !line.hasPrefix("From "), "\(line)")
            #expect(line.last != " " && line.last != "\t", "\(line)")
        }
        #expect(try decode(encoded) == Array(text.utf8))
    }

    /// RFC 2045's decoding rules, written independently of the encoder.
    private func decode(_ text: String) throws -> [UInt8] {
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "=") {
                if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") {
                    index += 2
                    continue
                }
                let hex = try #require(UInt8(String(decoding: bytes[(index + 1)..<(index + 3)], as: UTF8.self), radix: 16))
                out.append(hex)
                index += 3
            } else {
                out.append(byte)
                index += 1
            }
        }
        return out
    }
}
