import Testing
@testable import LogscanCore

@Suite struct SafeTextTests {
    @Test func plainASCIIIsUnchanged() {
        let text = "Failed password for root from 1.2.3.4 port 22 ssh2 ~!@#$%^&*()[]{}"
        #expect(SafeText.from(Array(text.utf8)) == text)
        #expect(SafeText.from([]) == "")
    }

    @Test func backslashIsDoubled() {
        #expect(SafeText.from(Array(#"a\b"#.utf8)) == #"a\\b"#)
        #expect(SafeText.from(Array(#"\\"#.utf8)) == #"\\\\"#)
    }

    @Test func controlCharactersBecomeHex() {
        #expect(SafeText.from([0x1B, 0x5B, 0x33, 0x31, 0x6D, 0x58]) == #"\x1b[31mX"#)
        #expect(SafeText.from([0x61, 0x09, 0x62, 0x0D, 0x0A, 0x00, 0x7F]) == #"a\x09b\x0d\x0a\x00\x7f"#)
    }

    @Test func escapedTextIsNotAmbiguous() {
        // A literal backslash-x sequence must not read like an escaped byte.
        #expect(SafeText.from(Array(#"\x1b"#.utf8)) == #"\\x1b"#)
        #expect(SafeText.from([0x5C, 0x1B]) == #"\\\x1b"#)
    }

    @Test(arguments: [
        ([0x61, 0xFF, 0x62], #"a\xffb"#),
        ([0xFE], #"\xfe"#),
        // Truncated multibyte sequences (the first two bytes of 日, of 😀, then a lone continuation byte).
        ([0xE6, 0x97], #"\xe6\x97"#),
        ([0xE6, 0x97, 0x41], #"\xe6\x97A"#),
        ([0xF0, 0x9F, 0x98], #"\xf0\x9f\x98"#),
        ([0x80], #"\x80"#),
        // Overlong encodings of "/".
        ([0xC0, 0xAF], #"\xc0\xaf"#),
        ([0xE0, 0x80, 0xAF], #"\xe0\x80\xaf"#),
        // UTF-16 surrogate U+D800 encoded as UTF-8.
        ([0xED, 0xA0, 0x80], #"\xed\xa0\x80"#),
        // Above U+10FFFF.
        ([0xF4, 0x90, 0x80, 0x80], #"\xf4\x90\x80\x80"#),
    ] as [([UInt8], String)])
    func invalidUTF8BytesBecomeHexEach(bytes: [UInt8], expected: String) {
        #expect(SafeText.from(bytes) == expected)
    }

    @Test func validMultibyteIsKept() {
        let text = "café 日本 😀 ü"
        #expect(SafeText.from(Array(text.utf8)) == text)
        #expect(SafeText.from([0xC3, 0xA9]) == "é")
        #expect(SafeText.from([0xE6, 0x97, 0xA5, 0xE6, 0x9C, 0xAC]) == "日本")
    }

    @Test func c1AndBidiControlsAreEscaped() {
        #expect(SafeText.from(Array("a\u{85}b".utf8)) == #"a\u{85}b"#)
        #expect(SafeText.from([0xC2, 0x85]) == #"\u{85}"#)
        #expect(SafeText.from(Array("user\u{202E}gnp.exe".utf8)) == #"user\u{202e}gnp.exe"#)
        #expect(SafeText.from(Array("\u{2066}x\u{2069}".utf8)) == #"\u{2066}x\u{2069}"#)
        #expect(SafeText.from(Array("\u{FEFF}\u{200F}".utf8)) == #"\u{feff}\u{200f}"#)
    }

    @Test func separatorsArabicMarkAndZeroWidthAreEscaped() {
        #expect(SafeText.from(Array("a\u{2028}b\u{2029}c".utf8)) == #"a\u{2028}b\u{2029}c"#)
        #expect(SafeText.from(Array("\u{061C}\u{200B}\u{200C}\u{200D}\u{200E}".utf8)) == #"\u{61c}\u{200b}\u{200c}\u{200d}\u{200e}"#)
        #expect(SafeText.from("x\u{202A}y") == #"x\u{202a}y"#, "a String takes the same path as bytes")
        #expect(SafeText.from("日本\u{2060}") == #"日本\u{2060}"#, "the word joiner is invisible too")
    }

    @Test func fromBytesViewMatchesArray() {
        let bytes: [UInt8] = [0x72, 0x6F, 0x6F, 0x74, 0xFF, 0x1B]
        let viaView = Bytes.with(bytes) { SafeText.from($0) }
        #expect(viaView == #"root\xff\x1b"#)
        #expect(viaView == SafeText.from(bytes))
    }
}
