/// Quoted-printable body encoding (RFC 2045 §6.7) for the email's text and HTML parts.
///
/// Every output line is at most 76 octets; `=`, bytes outside printable ASCII and whitespace before a line
/// end are written as `=XX`; long lines get soft breaks (`=` at the end) that never split an `=XX`. A `.` or
/// `From ` at the start of an output line is encoded too, so neither `sendmail -t` without `-i` (a lone `.`
/// ends the message) nor an mbox writer (`>From `) can alter the body. Line ends in the input (`\n` or
/// `\r\n`) become `\n`: the message goes to sendmail, which writes the wire's CRLF itself.
public enum QuotedPrintable {
    public static let maxLineLength = 76

    public static func encode(_ text: String) -> String {
        var lines = Array(text.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if let last = lines.last, last.isEmpty, lines.count > 1 { lines.removeLast() }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        for (index, line) in lines.enumerated() {
            var content = line
            if content.last == UInt8(ascii: "\r") { content = content.dropLast() }
            encode(line: content, into: &out)
            if index < lines.count - 1 || text.utf8.last == UInt8(ascii: "\n") { out.append(UInt8(ascii: "\n")) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// One input line, with soft breaks so that no output line passes `maxLineLength`.
    static func encode(line: ArraySlice<UInt8>, into out: inout [UInt8]) {
        var column = 0
        var index = line.startIndex
        while index < line.endIndex {
            let byte = line[index]
            let isLast = index == line.endIndex - 1
            let atLineStart = column == 0
            let literal = isLiteral(byte, isLast: isLast, atLineStart: atLineStart, rest: line[index...])
            let width = literal ? 1 : 3
            // Keep room for the soft break's `=`; the line's final token may use the last column.
            let limit = isLast ? maxLineLength : maxLineLength - 1
            if column + width > limit {
                out.append(UInt8(ascii: "="))
                out.append(UInt8(ascii: "\n"))
                column = 0
                continue  // re-judge the byte at the start of a new line (a `.` there is encoded)
            }
            if literal {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "="))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
            column += width
            index += 1
        }
    }

    private static func isLiteral(_ byte: UInt8, isLast: Bool, atLineStart: Bool, rest: ArraySlice<UInt8>) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"):
            return !isLast
        case UInt8(ascii: "="):
            return false
        case UInt8(ascii: "."):
            return !atLineStart
        case UInt8(ascii: "F"):
            return !(atLineStart && rest.starts(with: fromSpace))
        case 33...126:
            return true
        default:
            return false
        }
    }

    private static let fromSpace = Array("From ".utf8)
    private static let hexDigits = Array("0123456789ABCDEF".utf8)
}
