import Testing
@testable import LogscanCore

/// The eight-bytes-at-once paths (`TagPid`, the padded classic stamp, postfix's queue-id scan) against
/// plain byte-by-byte readings written here, on the lengths around their eight-byte boundaries.
@Suite struct ByteLanesTests {
    /// `name[pid]:` read the plain way: the last `[`, digits after it that fit an Int32.
    private func plainTag(_ token: String) -> (String, Int32)? {
        let body = token.dropLast()
        guard body.hasSuffix("]"), let open = body.lastIndex(of: "["), open > body.startIndex else { return nil }
        let digits = body[body.index(after: open)..<body.index(before: body.endIndex)]
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
              let pid = Int32(digits) else { return nil }
        return (String(body[..<open]), pid)
    }

    @Test func tagPidAgreesWithAPlainReading() {
        let pids = ["0", "7", "42", "4211", "123456", "1234567", "4194304", "12345678", "2147483647", "2147483648",
                    "12a4", "a123", "-12", "1 2", "", "[12"]
        for nameLength in 1...12 {
            let name = String("sshd-session-x".prefix(nameLength))
            for pid in pids {
                let token = "\(name)[\(pid)]:"
                let parsed = Bytes.with(token) { SyslogHeaderParser.parseTag($0).map { ($0.0.string, $0.1) } }
                let expected = plainTag(token)
                #expect(parsed?.0 == expected?.0 && parsed?.1 == expected?.1, "\(token)")
            }
        }
    }

    @Test(arguments: [
        ("Nov 27 23:59:60", [11, 27, 23, 59, 59]),
        ("Nov 27 00:00:00", [11, 27, 0, 0, 0]),
        ("Feb 29 12:34:56", [2, 29, 12, 34, 56]),
        ("Sep  9 09:08:07", [9, 9, 9, 8, 7]),
    ])
    func paddedStamps(line: String, fields: [Int]) throws {
        let (parsed, used) = try #require(Bytes.with(line) { StampParser.classic($0) })
        #expect(parsed == StampParser.ClassicStamp(month: fields[0], day: fields[1], hour: fields[2],
                                                   minute: fields[3], second: fields[4]))
        #expect(used == 15)
    }

    @Test(arguments: ["Nov 27 24:00:00", "Nov 27 12:60:00", "Nov 27 12:00:61", "Nov 27 1a:00:00", "Nov 27 12-00:00",
                      "Nov 27 12:00;00", "Nov 27 12:0\u{7F}:00", "Feb 30 12:00:00", "Apr 31 12:00:00", "Nov 00 12:00:00",
                      "Nov  0 12:00:00", "Nov x7 12:00:00", "Nov 2x 12:00:00", "Nov 27 12:00:0"])
    func paddedStampsRejected(line: String) {
        #expect(Bytes.with(line) { StampParser.classic($0) } == nil, "\(line)")
    }

    /// A queue id read the plain way: letters and digits (at most 24 looked at), 5 or more, a digit among
    /// them, then `: `.
    private func plainQueueIDEnd(_ text: [UInt8]) -> Int? {
        var i = 0
        var sawDigit = false
        while i < min(text.count, 24) {
            let byte = text[i]
            if byte >= 48 && byte <= 57 { sawDigit = true }
            else if !((byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)) { break }
            i += 1
        }
        guard i >= 5, i + 1 < text.count, text[i] == 58, text[i + 1] == 32, sawDigit else { return nil }
        return i
    }

    @Test func queueIDEndAgreesWithAPlainReading() {
        let ids = ["4Xyz1", "ABCDE", "ABCD1", "3F2A91C0B4", "4Yb9Pz1KqWzs7mTn", "abcdefgh", "abcdefg1", "1abcdefgh",
                   "ABCDEFGHIJKLMNOPQRSTUVW1", "ABCDEFGHIJKLMNOPQRSTUVWX1", "12345678901234567890123",
                   "NOQUEUE", "warning", "AB\u{E9}12345", "AB@12345", "ABC_123456", "[ABC12345",
                   // 8 to 16 bytes, where the two-word reading answers or hands over to the scan
                   "ABCDEF12", "ABCDEF123", "ABCDEF12345", "ABCDEF123456", "ABCDEF1234567", "ABCDEF12345678",
                   "ABCDEF123456789", "ABCDEF1234567890", "ABCDEFGHIJ", "abcdefghijkl", "ABC-EF1234", "ABCDE:1234",
                   "ABCDEFGH:1234", "ABCDEFG1:", "1BCDEFGH\u{E9}", "ABCD EF12345", "12345678\u{7F}12"]
        for id in ids {
            for tail in [": to=<a@b>", ":", ": ", ":x", " from", "", ": removed", ":xx removed", ": : : : : : : :"] {
                let text = Array((id + tail).utf8)
                #expect(Bytes.with(text) { PostfixQueueLines.queueIDEnd($0) } == plainQueueIDEnd(text), "\(id + tail)")
            }
        }
    }
}
