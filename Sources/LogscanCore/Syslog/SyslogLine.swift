/// One log line split into its syslog header fields. Every field is a view into the line.
/// Stored properties in the order that packs them (the 9-byte optional time, a flag in its padding, then
/// the pid): 72 bytes.
public struct SyslogLine {
    public var host: Bytes
    /// The tag's name, such as `sshd`, `sshd-session`, `sshd(pam_unix)` or `postfix/smtpd`; empty when
    /// the line carries no tag (a bare message).
    public var program: Bytes
    public var message: Bytes
    /// How many times the message occurred: N for `message repeated N times: [ … ]`, else 1.
    public var repeatCount: Int
    public var time: Instant?
    /// True when `program` is the tag name that the header cache of the resolver that parsed the line
    /// holds (`TimeResolver.lastHeader`) right after the parse, so an answer kept there for the name is this
    /// line's (`LineProcessor` keeps the name's parser index there). False when it is unknown.
    var programIsHeld = false
    /// The tag's pid, or -1.
    public var pid: Int32

    public init(time: Instant?, host: Bytes, program: Bytes, pid: Int32, message: Bytes, repeatCount: Int) {
        self.host = host
        self.program = program
        self.message = message
        self.repeatCount = repeatCount
        self.time = time
        self.pid = pid
    }

    public var hasTag: Bool { !program.isEmpty }

    /// No line: every field empty, no time (a placeholder until a line is read).
    static var none: SyslogLine {
        let empty = Bytes(UnsafeBufferPointer(start: nil, count: 0))
        return SyslogLine(time: nil, host: empty, program: empty, pid: -1, message: empty, repeatCount: 1)
    }
}

/// Parses the syslog header of a line: an optional `<PRI>`, the timestamp (classic, RFC 3339, ISO with a
/// space, daemontools' TAI64N, or none), host, an optional `facility.level` (syslog-ng and BSD syslogd
/// can write it), the `program[pid]:` or `[program]:` tag, or the whole RFC 5424 header; then Solaris's
/// `[ID n facility.level]`, a kernel-style `[  970.699396]` uptime stamp, trailing blanks, and rsyslog's
/// `message repeated N times: [ … ]` wrapper.
public enum SyslogHeaderParser {
    @inline(__always)
    public static func parse(_ raw: Bytes, times: inout TimeResolver) -> SyslogLine {
        if let common = CommonHeader.parse(raw, times: &times) { return common }
        return parseGeneral(raw, times: &times)
    }

    /// Every shape of header; `CommonHeader` reads the usual one faster, with the same answer.
    @inline(never)
    static func parseGeneral(_ raw: Bytes, times: inout TimeResolver) -> SyslogLine {
        let line = droppingPriority(raw)
        if line.count < raw.count, var parsed = RFC5424Header.parse(line, times: &times) {
            parsed.message = parsed.message.droppingTrailingBlanks()
            unwrapRepeat(&parsed)
            return parsed
        }
        var rest = line
        var time: Instant? = nil
        if let first = line.first {
            if first >= UInt8(ascii: "A") && first <= UInt8(ascii: "S"), let instant = times.paddedClassicInstant(line) {
                time = instant
                rest = line.dropFirst(15)
            } else if first >= UInt8(ascii: "A") && first <= UInt8(ascii: "S"), let (stamp, used) = StampParser.classic(line) {
                time = times.instant(stamp)
                rest = line.dropFirst(used)
            } else if isDigit(first), let (stamp, used) = StampParser.iso(line) {
                time = times.instant(stamp)
                rest = line.dropFirst(used)
            } else if first == UInt8(ascii: "@"), let (instant, used) = StampParser.tai64n(line) {
                time = instant
                rest = line.dropFirst(used)
            }
        }
        rest = rest.droppingLeadingSpaces()
        // The fields as locals, one `SyslogLine` made at the end: building it first and editing it cost a copy
        // of its 72 bytes and stores for every field.
        var host = rest.prefix(0), program = rest.prefix(0), pid: Int32 = -1, message = rest
        if let firstSpace = rest.firstIndex(of: UInt8(ascii: " ")) {
            let firstToken = rest.prefix(firstSpace)
            // Usually the host, which cannot be a tag (a tag ends with a colon): no call for it.
            if firstToken.count >= 2 && firstToken[firstToken.count - 1] == UInt8(ascii: ":"),
               let tag = parseTag(firstToken) {
                (program, pid) = tag
                message = rest.suffix(from: firstSpace + 1)
                HeaderVariants.skipLevelBeforeTag(program: &program, pid: &pid, message: &message)
            } else {
                var afterHost = rest.suffix(from: firstSpace + 1)
                var secondEnd = afterHost.firstIndex(of: UInt8(ascii: " ")) ?? afterHost.count
                var tag = parseTag(afterHost.prefix(secondEnd))
                if tag == nil, HeaderVariants.isFacilityLevel(afterHost.prefix(secondEnd)) {
                    afterHost = afterHost.suffix(from: min(secondEnd + 1, afterHost.count))
                    secondEnd = afterHost.firstIndex(of: UInt8(ascii: " ")) ?? afterHost.count
                    tag = parseTag(afterHost.prefix(secondEnd))
                }
                if let tag {
                    host = firstToken
                    (program, pid) = tag
                    message = afterHost.suffix(from: min(secondEnd + 1, afterHost.count))
                }
            }
        }
        return assemble(time: time, host: host, program: program, pid: pid, message: message)
    }

    /// The line from its fields: the message's trailing blanks dropped, and a Solaris ID, an uptime stamp or
    /// a `message repeated` wrapper taken off (only a message starting with `[` or `m` can have one).
    /// `programIsHeld` is `SyslogLine.programIsHeld`.
    @inline(__always)
    static func assemble(time: Instant?, host: Bytes, program: Bytes, pid: Int32, message: Bytes,
                         programIsHeld: Bool = false) -> SyslogLine {
        let first = message.first
        guard first == UInt8(ascii: "[") || first == UInt8(ascii: "m") else {
            var parsed = SyslogLine(time: time, host: host, program: program, pid: pid,
                                    message: message.droppingTrailingBlanks(), repeatCount: 1)
            parsed.programIsHeld = programIsHeld
            return parsed
        }
        var parsed = SyslogLine(time: time, host: host, program: program, pid: pid, message: message, repeatCount: 1)
        parsed.programIsHeld = programIsHeld
        finishBracketOrRepeat(&parsed)
        return parsed
    }

    /// A message that starts with `[` (Solaris's ID, an uptime stamp) or `m` (rsyslog's `message repeated`).
    /// (Trimming trailing blanks cannot change the first byte here: the message starts with neither blank.)
    static func finishBracketOrRepeat(_ parsed: inout SyslogLine) {
        if parsed.message.first == UInt8(ascii: "[") {
            dropSolarisID(&parsed)
            HeaderVariants.dropUptimeStamp(&parsed)
        }
        parsed.message = parsed.message.droppingTrailingBlanks()
        if parsed.message.first == UInt8(ascii: "m") { unwrapRepeat(&parsed) }
    }

    /// `<13>` in front of lines received over the network.
    @inline(__always)
    static func droppingPriority(_ line: Bytes) -> Bytes {
        guard line.first == UInt8(ascii: "<"), let close = line.firstIndex(of: UInt8(ascii: ">")),
              close >= 2, close <= 4, line.slice(1, close).decimalValue != nil else { return line }
        return line.dropFirst(close + 1)
    }

    /// Solaris writes `[ID 800047 auth.notice] ` before the message.
    static func dropSolarisID(_ line: inout SyslogLine) {
        guard line.message.hasPrefix("[ID "), let close = line.message.firstIndex(of: UInt8(ascii: "]")),
              close + 1 < line.message.count, line.message[close + 1] == UInt8(ascii: " ") else { return }
        line.message = line.message.dropFirst(close + 2)
    }

    /// `name:`, `name[pid]:` or `[name]:`; the name has no spaces and does not start with a digit or bracket.
    static func parseTag(_ token: Bytes) -> (Bytes, Int32)? {
        guard token.count >= 2, token[token.count - 1] == UInt8(ascii: ":") else { return nil }
        let first = token[0]
        if first == UInt8(ascii: "[") { return HeaderVariants.bracketedTag(token) }
        guard !isDigit(first), first != UInt8(ascii: "<") else { return nil }
        let body = token.dropLast(1)
        if body[body.count - 1] == UInt8(ascii: "]"), let (open, pid) = TagPid.read(body) {
            return (body.prefix(open), pid)
        }
        if body[body.count - 1] == UInt8(ascii: "]"), let open = body.lastIndex(of: UInt8(ascii: "[")), open > 0 {
            let pid = pidValue(body.slice(open + 1, body.count - 1))
            guard pid >= 0 else { return nil }
            return (body.prefix(open), Int32(truncatingIfNeeded: pid))
        }
        guard body.firstIndex(of: UInt8(ascii: "[")) == nil else { return nil }
        return (body, -1)
    }

    /// The value of decimal digits (at least one) that fits an `Int32`, or -1. (A plain integer rather
    /// than an optional: the loop then keeps to the digits, 5 instructions each instead of 14.)
    @inline(__always)
    static func pidValue(_ digits: Bytes) -> Int {
        guard digits.count > 0 else { return -1 }
        var value = 0
        for i in 0..<digits.count {
            let digit = Int(digits.base[i]) &- 48
            // A non-digit or an overflow past Int32.max ends the loop with a value that fails below.
            guard digit >= 0 && digit <= 9 && value <= Int(Int32.max) else { return -1 }
            value = value &* 10 &+ digit
        }
        return value <= Int(Int32.max) ? value : -1
    }

    static func unwrapRepeat(_ line: inout SyslogLine) {
        let message = line.message
        guard message.hasPrefix("message repeated "), message.hasSuffix("]") else { return }
        let numberStart = 17
        guard let numberEnd = message.firstIndex(of: UInt8(ascii: " "), from: numberStart),
              let count = message.slice(numberStart, numberEnd).decimalValue,
              message.suffix(from: numberEnd).hasPrefix(" times: [") else { return }
        var inner = message.slice(numberEnd + 9, message.count - 1)
        inner = inner.droppingLeadingSpaces()
        line.message = inner
        line.repeatCount = count
    }
}

extension Bytes {
    var first: UInt8? { count > 0 ? base[0] : nil }

    func droppingLeadingSpaces() -> Bytes {
        var i = 0
        while i < count && base[i] == UInt8(ascii: " ") { i += 1 }
        return suffix(from: i)
    }

    /// Without the spaces, tabs and carriage return some daemons and PAM leave at the end of a message.
    @inline(__always)
    func droppingTrailingBlanks() -> Bytes {
        guard count > 0, base[count - 1] <= UInt8(ascii: " ") else { return self }
        var end = count
        while end > 0 && (base[end - 1] == UInt8(ascii: " ") || base[end - 1] == UInt8(ascii: "\t")
                          || base[end - 1] == UInt8(ascii: "\r")) { end -= 1 }
        return end == count ? self : prefix(end)
    }
}
