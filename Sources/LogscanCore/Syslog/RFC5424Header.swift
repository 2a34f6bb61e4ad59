/// RFC 5424 (`<38>1 2022-01-19T14:23:55+00:00 host app procid msgid [sd] msg`), as network syslog
/// and some appliances write it.
enum RFC5424Header {
    /// Parses `rest`, which starts after the `<PRI>`; nil when it is not RFC 5424.
    static func parse(_ rest: Bytes, times: inout TimeResolver) -> SyslogLine? {
        guard rest.hasPrefix("1 ") else { return nil }
        var cursor = rest.dropFirst(2)
        var time: Instant? = nil
        if let (stamp, used) = StampParser.iso(cursor) {
            time = times.instant(stamp)
            cursor = cursor.dropFirst(used)
        } else if cursor.hasPrefix("-") {
            cursor = cursor.dropFirst(1)
        } else {
            return nil
        }
        guard let host = nextField(&cursor), let app = nextField(&cursor), let procid = nextField(&cursor),
              nextField(&cursor) != nil else { return nil }
        cursor = skipStructuredData(cursor.droppingLeadingSpaces())
        var message = cursor.droppingLeadingSpaces()
        if message.hasPrefix("\u{FEFF}") { message = message.dropFirst(3) }
        let pid = procid.decimalValue.flatMap { $0 <= Int(Int32.max) ? Int32($0) : nil } ?? -1
        return SyslogLine(time: time, host: nilValue(host), program: nilValue(app), pid: pid, message: message,
                          repeatCount: 1)
    }

    /// The next space-separated field after the current position.
    private static func nextField(_ cursor: inout Bytes) -> Bytes? {
        guard cursor.hasPrefix(" ") else { return nil }
        let rest = cursor.dropFirst(1)
        let end = rest.firstIndex(of: UInt8(ascii: " ")) ?? rest.count
        guard end > 0 else { return nil }
        cursor = rest.suffix(from: end)
        return rest.prefix(end)
    }

    private static func nilValue(_ field: Bytes) -> Bytes { field.equals("-") ? field.prefix(0) : field }

    /// Skips `-` or one or more `[id key="value" …]` elements (`\]` and `\"` are escapes inside values).
    private static func skipStructuredData(_ text: Bytes) -> Bytes {
        if text.hasPrefix("-") { return text.dropFirst(1) }
        var i = 0
        while i < text.count && text[i] == UInt8(ascii: "[") {
            var inQuotes = false
            i += 1
            while i < text.count {
                let byte = text[i]
                if byte == UInt8(ascii: "\\") { i += 2; continue }
                if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
                if byte == UInt8(ascii: "]") && !inQuotes { break }
                i += 1
            }
            i += 1
        }
        return text.suffix(from: min(i, text.count))
    }
}
