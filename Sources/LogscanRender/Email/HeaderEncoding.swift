/// Header fields as RFC 5322 wants them: unstructured text folded at spaces to 78 columns where it can be,
/// and text that is not printable ASCII written as RFC 2047 encoded-words (`=?utf-8?Q?…?=`, each at most
/// 75 characters, never splitting a character). Control characters (CR, LF, NUL, ESC…) never reach a
/// header: they become spaces here, so no value can start a new header line.
public enum HeaderEncoding {
    public static let foldWidth = 78

    /// `Name: value` with the value encoded and folded; no trailing newline.
    public static func field(_ name: String, _ value: String) -> String {
        fold(name + ":", words: words(of: value))
    }

    /// `Name: a, b, c` with one item per address, folded between items.
    public static func listField(_ name: String, _ items: [String]) -> String {
        let words = items.enumerated().map { index, item in index < items.count - 1 ? item + "," : item }
        return fold(name + ":", words: words)
    }

    /// The value split at spaces, each run of words that holds non-ASCII text turned into encoded-words.
    static func words(of value: String) -> [String] {
        let clean = String(String.UnicodeScalarView(value.unicodeScalars.map { isControl($0) ? " " : $0 }))
        let plain = clean.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var result: [String] = []
        var pending: [String] = []
        func flushPending() {
            if !pending.isEmpty { result += encodedWords(pending.joined(separator: " ")) }
            pending = []
        }
        for word in plain {
            if word.utf8.allSatisfy({ $0 >= 0x21 && $0 <= 0x7E }) && !word.contains("=?") {
                flushPending()
                result.append(word)
            } else {
                // Neighbouring non-ASCII words share encoded-words, and the space between them is kept.
                pending.append(word)
            }
        }
        flushPending()
        return result
    }

    /// `text` as Q encoded-words of at most 75 characters each.
    static func encodedWords(_ text: String) -> [String] {
        let prefix = "=?utf-8?Q?", suffix = "?="
        let room = 75 - prefix.count - suffix.count
        var words: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            let piece = qEncoded(scalar)
            if current.count + piece.count > room {
                words.append(prefix + current + suffix)
                current = ""
            }
            current += piece
        }
        if !current.isEmpty || words.isEmpty { words.append(prefix + current + suffix) }
        return words
    }

    /// One character in RFC 2047's Q form, safe in a `Subject:` and in a display name.
    private static func qEncoded(_ scalar: Unicode.Scalar) -> String {
        if scalar == " " { return "_" }
        if scalar.isASCII, let byte = UInt8(exactly: scalar.value),
           (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || "!*+-/".utf8.contains(byte) {
            return String(scalar)
        }
        return String(scalar).utf8.map { "=" + hex($0) }.joined()
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    /// C0 controls (tab included), DEL and C1 controls, and the Unicode line and paragraph separators.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// Joins `words` after `head` with spaces, starting a continuation line (`\n ` + word) before a word
    /// that would pass `foldWidth`. A single word longer than that stays whole (RFC 5322 allows 998).
    private static func fold(_ head: String, words: [String]) -> String {
        var out = head
        var column = head.count
        for word in words {
            if column + 1 + word.count > foldWidth && column > 1 {
                out += "\n " + word
                column = 1 + word.count
            } else {
                out += " " + word
                column += 1 + word.count
            }
        }
        return out
    }
}
