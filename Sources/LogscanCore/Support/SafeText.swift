/// Turns attacker-controlled log bytes into text that is safe to show anywhere: valid UTF-8 passes,
/// a backslash doubles, and control characters and invalid bytes become `\xNN` (or `\u{NNNN}` for C1
/// controls, the line and paragraph separators U+2028/U+2029, bidirectional controls U+061C, U+200E/F,
/// U+202A–E, U+2066–9, and invisible ones: U+200B–D, U+2060–4, U+FEFF). HTML still needs its own escaping on top.
public enum SafeText {
    public static func from(_ bytes: Bytes) -> String {
        from(UnsafeBufferPointer(start: bytes.base, count: bytes.count))
    }

    public static func from(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { from($0) }
    }

    /// Text that is already a `String` (a file name, an argument) made safe the same way.
    public static func from(_ text: String) -> String {
        from(Array(text.utf8))
    }

    public static func from(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") }) {
            return String(decoding: bytes, as: UTF8.self)
        }
        var out = ""
        var i = 0
        while i < bytes.count {
            if let (scalar, length) = decodeScalar(bytes, at: i) {
                append(scalar, to: &out)
                i += length
            } else {
                out += hex(bytes[i])
                i += 1
            }
        }
        return out
    }

    /// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
    static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[i]
        let length: Int, minimum: UInt32
        var value: UInt32
        switch lead {
        case 0..<0x80: return (Unicode.Scalar(lead), 1)
        case 0xC2...0xDF: length = 2; minimum = 0x80; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; minimum = 0x800; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; minimum = 0x10000; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard i + length <= bytes.count else { return nil }
        for k in 1..<length {
            let byte = bytes[i + k]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    private static func append(_ scalar: Unicode.Scalar, to out: inout String) {
        let value = scalar.value
        switch value {
        case 0x5C:
            out += "\\\\"
        case 0..<0x20, 0x7F:
            out += hex(UInt8(value))
        case 0x80..<0xA0, 0x061C, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2069, 0xFEFF:
            out += "\\u{" + String(value, radix: 16) + "}"
        default:
            out.unicodeScalars.append(scalar)
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits: [Character] = Array("0123456789abcdef")
        return "\\x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
    }
}
