/// The header nearly every line of a Linux syslog file has, `Nov 27 04:50:37 host name[pid]: message` or
/// `… host name: message`, read in one forward pass: the stamp through the minute cache, the host and the
/// tag found eight bytes at a time, the pid from one 8-byte load. Anything else (another stamp, a second
/// space, `facility.level`, `[name]:`, a host ending in `:`, a pid of 8 digits, a line too short for the
/// loads) answers nil, and `SyslogHeaderParser`'s general path reads the line: this path answers only
/// where that one gives the same `SyslogLine` (`CommonHeaderTests` holds them against each other).
enum CommonHeader {
    @inline(__always)
    static func parse(_ line: Bytes, times: inout TimeResolver) -> SyslogLine? {
        // `Mmm dd hh:mm:ss h t: ` is 22 bytes; the pid's load wants a few more, so shorter lines go the
        // general way.
        guard line.count >= 24, let time = times.paddedClassicInstant(line),
              line.base[15] == UInt8(ascii: " "), line.base[16] != UInt8(ascii: " ") else { return nil }
        // The host: up to the next space; one ending in `:` may be a tag (a line without a host).
        guard let hostEnd = firstStop(line, from: 17, spaces),
              line.base[hostEnd - 1] != UInt8(ascii: ":") else { return nil }
        let tagStart = hostEnd + 1
        guard let stop = firstStop(line, from: tagStart, tagStops),
              stop > tagStart, isNameStart(line.base[tagStart]) else { return nil }
        var colon = stop
        var pid: Int32 = -1
        switch line.base[stop] {
        case UInt8(ascii: ":"): break
        case UInt8(ascii: "["):
            guard stop + 9 <= line.count, let read = TagPid.readForward(line.base + stop + 1),
                  line.base[stop + 1 + read.digitCount] == UInt8(ascii: "]") else { return nil }
            colon = stop + 2 + read.digitCount
            guard colon < line.count, line.base[colon] == UInt8(ascii: ":") else { return nil }
            pid = read.pid
        default: return nil
        }
        // The tag is the whole word: a space or the end follows its colon.
        let after = colon + 1
        guard after == line.count || line.base[after] == UInt8(ascii: " ") else { return nil }
        return SyslogHeaderParser.assemble(time: time, host: line.slice(16, hostEnd),
                                           program: line.slice(tagStart, stop), pid: pid,
                                           message: line.suffix(from: min(after + 1, line.count)))
    }

    /// `parseTag`'s test of a name's first byte: not a digit, `<` or `[` (a `[` is a stop, so never here).
    @inline(__always)
    private static func isNameStart(_ byte: UInt8) -> Bool { byte &- 48 >= 10 && byte != UInt8(ascii: "<") }

    /// The index of the first byte at or after `start` that `hits` marks (`hits` gives the top bit of such
    /// lanes of a word, exact at least for the lowest one), or nil when none is before the end.
    @inline(__always)
    private static func firstStop(_ line: Bytes, from start: Int, _ hits: (UInt64) -> UInt64) -> Int? {
        var i = start
        while i + 8 <= line.count {
            let found = hits(ByteLanes.load(line.base + i))
            if found != 0 { return i + found.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < line.count {
            if hits(ByteLanes.repeating(line.base[i])) != 0 { return i }
            i += 1
        }
        return nil
    }

    @inline(__always)
    private static func spaces(_ word: UInt64) -> UInt64 { zeroLanes(word ^ ByteLanes.repeating(UInt8(ascii: " "))) }

    /// The bytes that end a tag's name: a space, `[` or `:`.
    @inline(__always)
    private static func tagStops(_ word: UInt64) -> UInt64 {
        spaces(word) | zeroLanes(word ^ ByteLanes.repeating(UInt8(ascii: "["))) | zeroLanes(word ^ ByteLanes.repeating(UInt8(ascii: ":")))
    }

    /// The top bit of the lowest lane that is zero (and perhaps of lanes above it: a borrow can mark a
    /// higher lane, never a lower one, so the lowest set bit is exact).
    @inline(__always)
    private static func zeroLanes(_ word: UInt64) -> UInt64 {
        (word &- ByteLanes.repeating(1)) & ~word & ByteLanes.high
    }
}
