/// The header nearly every line of a Linux syslog file has, `Nov 27 04:50:37 host name[pid]: message` or
/// `… host name: message`, read in one forward pass: the stamp through the minute cache, the host and the
/// tag's name through the prefix cache (or found eight bytes at a time), the pid with one 8-byte load.
/// Anything else (another stamp, a second space, `facility.level`, `[name]:`, a host ending in `:`, a pid
/// of 8 digits, a line too short for the loads) answers nil, and `SyslogHeaderParser`'s general path reads
/// the line: this path answers only where that one gives the same `SyslogLine` (`CommonHeaderTests` holds
/// them against each other).
enum CommonHeader {
    @inline(__always)
    static func parse(_ line: Bytes, times: inout TimeResolver) -> SyslogLine? {
        let base = line.base, count = line.count
        // `Mmm dd hh:mm:ss h t: ` is 22 bytes; the host's compare loads bytes 16 ..< 24.
        guard count >= 24, let time = times.paddedClassicInstant(line),
              base[15] == UInt8(ascii: " "), base[16] != UInt8(ascii: " ") else { return nil }
        let hostEnd: Int, nameEnd: Int
        var nameSlot = -1
        // The prefix's compare loads bytes 16 ..< 56.
        let same = count >= 56 ? times.lastHeader.sameBytes(base + 16) : 0
        if same >= times.lastHeader.tagLength {
            return finish(line, time: time, hostEnd: 16 &+ times.lastHeader.hostLength,
                          nameEnd: 16 &+ times.lastHeader.nameEnd, pid: times.lastHeader.pid,
                          messageStart: 16 &+ times.lastHeader.tagLength, programIsHeld: true)
        }
        if same >= times.lastHeader.nameLength {
            hostEnd = 16 &+ times.lastHeader.hostLength
            nameEnd = 16 &+ times.lastHeader.nameEnd
        } else {
            let knownHost = times.lastHeader.matchesHost(base + 16) ? times.lastHeader.hostLength : nil
            guard let ends = searchHostAndName(line, knownHost: knownHost, cache: &times.lastHeader) else { return nil }
            (hostEnd, nameEnd, nameSlot) = ends
        }
        var colon = nameEnd
        var pid: Int32 = -1
        if base[nameEnd] == UInt8(ascii: "[") {
            guard nameEnd &+ 9 <= count else { return nil }
            guard let (digitCount, value) = TagPid.leadingDigits(ByteLanes.load(base + (nameEnd &+ 1))) else { return nil }
            colon = nameEnd &+ 2 &+ digitCount
            pid = value
            guard base[colon &- 1] == UInt8(ascii: "]") else { return nil }
        }
        // The tag is the whole word: its colon, then a space or the end.
        guard colon < count, base[colon] == UInt8(ascii: ":") else { return nil }
        let spaced = colon &+ 1 < count && base[colon &+ 1] == UInt8(ascii: " ")
        guard spaced || colon &+ 1 == count else { return nil }
        // Kept for the next line, unless only the name could match again and it already does.
        let tagEnd = spaced ? colon &+ 2 &- 16 : 41
        // A line of 56 bytes or more holds its name afterwards: stored, or already the held one.
        let sameName = same >= times.lastHeader.nameLength
        if count >= 56 && (tagEnd <= 40 || !sameName) {
            times.lastHeader.store(base + 16, hostLength: hostEnd &- 16, nameEnd: nameEnd &- 16, pid: pid,
                                   tagEnd: tagEnd, sameName: sameName, nameSlot: nameSlot)
        }
        return finish(line, time: time, hostEnd: hostEnd, nameEnd: nameEnd, pid: pid,
                      messageStart: min(colon &+ 2, count), programIsHeld: count >= 56)
    }

    @inline(__always)
    private static func finish(_ line: Bytes, time: Instant, hostEnd: Int, nameEnd: Int, pid: Int32,
                               messageStart: Int, programIsHeld: Bool) -> SyslogLine {
        // The views made directly: the offsets are in order, so no checked subtraction.
        let base = line.base
        return SyslogHeaderParser.assemble(time: time, host: Bytes(base: base + 16, count: hostEnd &- 16),
                                           program: Bytes(base: base + (hostEnd &+ 1), count: nameEnd &- hostEnd &- 1),
                                           pid: pid, message: Bytes(base: base + messageStart, count: line.count &- messageStart),
                                           programIsHeld: programIsHeld)
    }

    /// Where the host ends (its space, at `knownHost` when the prefix cache knows it) and where the tag's
    /// name ends (its `[` or `:`), found in the cache's name table or searched (and then kept there), with
    /// the name's slot in that table or -1; nil for another shape. Inlined into `parse` (43 % of mail lines
    /// come here, the postfix programs interleaving): the call and its optional triple cost more than the code.
    @inline(__always)
    private static func searchHostAndName(_ line: Bytes, knownHost: Int?,
                                          cache: inout HeaderPrefixCache) -> (Int, Int, Int)? {
        let base = line.base
        let hostEnd: Int
        if let knownHost {
            hostEnd = 16 &+ knownHost
        } else {
            // A host ending in `:` may be a tag (a line without a host): the general path decides.
            guard let end = firstStop(line, from: 17, spaces), base[end &- 1] != UInt8(ascii: ":") else { return nil }
            hostEnd = end
        }
        // The tag is the word after the host, `name:` or `name[pid]:`, as `parseTag` reads it: the name has
        // no space, `[` or `:`, so the first of them ends it.
        let tagStart = hostEnd &+ 1
        // The table's loads read bytes tagStart ..< tagStart + 32.
        let tableFits = tagStart &+ 32 <= line.count
        if tableFits, let (slot, nameLength) = cache.names.find(base + tagStart) {
            return (hostEnd, tagStart &+ nameLength, slot)
        }
        guard let nameEnd = firstStop(line, from: tagStart, tagStops), nameEnd > tagStart,
              isNameStart(base[tagStart]), base[nameEnd] != UInt8(ascii: " ") else { return nil }
        let nameLength = nameEnd &- tagStart
        guard tableFits, nameLength >= TagNameTable.shortest, nameLength <= TagNameTable.longest else {
            return (hostEnd, nameEnd, -1)
        }
        return (hostEnd, nameEnd, cache.rememberName(base + tagStart, nameLength: nameLength))
    }

    /// `parseTag`'s test of a tag's first byte: not a digit or `<` (nor `[`, which is a stop here).
    @inline(__always)
    private static func isNameStart(_ byte: UInt8) -> Bool { byte &- 48 >= 10 && byte != UInt8(ascii: "<") }

    /// The index of the first byte at or after `start` that `hits` marks, or nil. `hits` gives the top bit
    /// of the marked lanes of a word, exact at least for the lowest one.
    @inline(__always)
    private static func firstStop(_ line: Bytes, from start: Int, _ hits: (UInt64) -> UInt64) -> Int? {
        var i = start
        let lastWord = line.count &- 8
        while i <= lastWord {
            let found = hits(ByteLanes.load(line.base + i))
            if found != 0 { return i &+ found.trailingZeroBitCount >> 3 }
            i &+= 8
        }
        while i < line.count {
            if hits(ByteLanes.repeating(line.base[i])) != 0 { return i }
            i &+= 1
        }
        return nil
    }

    @inline(__always)
    private static func spaces(_ word: UInt64) -> UInt64 { zeroLanes(word ^ 0x2020_2020_2020_2020) }

    /// The bytes that end a tag's name: a space, `[` or `:`.
    @inline(__always)
    private static func tagStops(_ word: UInt64) -> UInt64 {
        spaces(word) | zeroLanes(word ^ 0x5B5B_5B5B_5B5B_5B5B) | zeroLanes(word ^ 0x3A3A_3A3A_3A3A_3A3A)
    }

    /// The top bit of the lowest lane that is zero (and perhaps of lanes above it: a borrow can mark a
    /// higher lane, never a lower one, so the lowest set bit is exact).
    @inline(__always)
    private static func zeroLanes(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }
}
