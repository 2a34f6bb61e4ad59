/// Reads the timestamp at the start of a syslog line, from bytes.
public enum StampParser {
    /// A classic BSD stamp (`Nov  7 04:50:37`): it has no year and no zone.
    public struct ClassicStamp: Equatable {
        public var month: Int, day: Int, hour: Int, minute: Int, second: Int
    }

    /// An ISO 8601 / RFC 3339 stamp: wall-clock fields, a fraction, and an offset when one was written.
    public struct ISOStamp: Equatable {
        public var wallSeconds: Int64
        public var micros: Int64
        public var offsetSeconds: Int64?
    }

    /// Parses `Mmm dd hh:mm:ss` or `Mmm d hh:mm:ss`; returns the stamp and the bytes it used.
    public static func classic(_ line: Bytes) -> (ClassicStamp, Int)? {
        if let stamp = paddedClassic(line) { return (stamp, 15) }
        guard line.count >= 14, line[3] == UInt8(ascii: " "), let month = monthNumber(line) else { return nil }
        var i = 4
        if line[i] == UInt8(ascii: " ") { i += 1 }
        var day = 0
        let dayStart = i
        while i < line.count, isDigit(line[i]), i - dayStart < 2 {
            day = day * 10 + Int(line[i] - 48)
            i += 1
        }
        // `Feb 30` or `Nov 31` is no date: the line is untimed rather than dated in another month.
        guard i > dayStart, day >= 1, day <= 29 || day <= CivilDate.longest(month: month), i + 9 <= line.count, line[i] == UInt8(ascii: " "),
              let clock = clockTime(line, at: i + 1) else { return nil }
        return (ClassicStamp(month: month, day: day, hour: clock.0, minute: clock.1, second: clock.2), i + 9)
    }

    /// `Mmm dd hh:mm:ss` or `Mmm  d hh:mm:ss` (the day padded with a space), the layout syslog daemons write,
    /// read at fixed places with one 8-byte load for the clock. Nil for anything else, which `classic`'s
    /// general loop then reads or rejects: this path answers only where that loop gives the same answer.
    @inline(__always)
    static func paddedClassic(_ line: Bytes) -> ClassicStamp? {
        guard line.count >= 15, line[3] == UInt8(ascii: " "), line[6] == UInt8(ascii: " "),
              let month = monthNumber(line) else { return nil }
        let tens = line[4], ones = line[5] &- 48
        guard ones < 10, tens == UInt8(ascii: " ") || tens &- 48 < 10 else { return nil }
        let day = tens == UInt8(ascii: " ") ? Int(ones) : Int(tens &- 48) * 10 + Int(ones)
        guard day >= 1, day <= 29 || day <= CivilDate.longest(month: month) else { return nil }
        // In bounds: bytes 7 ..< 15 of a line of 15 bytes or more. `hh:mm:ss`, first byte lowest: the digits
        // become 0...9 and the colons 0.
        let clock = ByteLanes.load(line.base + 7) ^ 0x3030_3A30_303A_3030
        guard ByteLanes.notBelowTen(clock) == 0, clock & 0x0000_FF00_00FF_0000 == 0 else { return nil }
        @inline(__always) func digit(_ k: UInt64) -> Int { Int(truncatingIfNeeded: (clock >> (k &* 8)) & 0xFF) }
        let hour = digit(0) * 10 + digit(1), minute = digit(3) * 10 + digit(4), second = digit(6) * 10 + digit(7)
        guard hour < 24, minute < 60, second <= 60 else { return nil }
        return ClassicStamp(month: month, day: day, hour: hour, minute: minute, second: min(second, 59))
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.frac][Z|±HH:MM|±HHMM]` with `T` or a space between date and time.
    public static func iso(_ line: Bytes) -> (ISOStamp, Int)? {
        guard line.count >= 19, line[4] == UInt8(ascii: "-"), line[7] == UInt8(ascii: "-"),
              line[10] == UInt8(ascii: "T") || line[10] == UInt8(ascii: " "),
              let year = digits(line, 0, 4), let month = digits(line, 5, 2), let day = digits(line, 8, 2),
              CivilDate.isValid(year: year, month: month, day: day),
              let clock = clockTime(line, at: 11) else { return nil }
        var i = 19
        var micros: Int64 = 0
        if i < line.count && (line[i] == UInt8(ascii: ".") || line[i] == UInt8(ascii: ",")) {
            i += 1
            var scale: Int64 = 100_000
            let fractionStart = i
            while i < line.count, isDigit(line[i]) {
                micros += Int64(line[i] - 48) * scale
                scale /= 10
                i += 1
            }
            guard i > fractionStart else { return nil }
        }
        var offset: Int64? = nil
        if i < line.count {
            let sign = line[i]
            if sign == UInt8(ascii: "Z") || sign == UInt8(ascii: "z") {
                offset = 0
                i += 1
            } else if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                guard let hours = digits(line, i + 1, 2) else { return nil }
                var minutesAt = i + 3
                if minutesAt < line.count && line[minutesAt] == UInt8(ascii: ":") { minutesAt += 1 }
                // RFC 3339: an offset is at most 23:59 (`+24:00` and `+99:99` are not times).
                guard hours < 24, let minutes = digits(line, minutesAt, 2), minutes < 60 else { return nil }
                let magnitude = Int64(hours * 3600 + minutes * 60)
                offset = sign == UInt8(ascii: "-") ? -magnitude : magnitude
                i = minutesAt + 2
            }
        }
        let wall = CivilDate.days(year: year, month: month, day: day) * 86_400
            + Int64(clock.0 * 3600 + clock.1 * 60 + clock.2)
        return (ISOStamp(wallSeconds: wall, micros: micros, offsetSeconds: offset), i)
    }

    /// daemontools' and socklog's TAI64N label, `@` and 24 hex digits (seconds since 1970 plus 2^62 and
    /// TAI's 10 s lead, then nanoseconds), as `tai64nlocal` reads it; returns the instant and the bytes used.
    public static func tai64n(_ line: Bytes) -> (Instant, Int)? {
        guard line.count >= 25, line[0] == UInt8(ascii: "@") else { return nil }
        var seconds: UInt64 = 0
        var nanos: UInt64 = 0
        for i in 1...24 {
            let byte = line[i]
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - 48)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt64(byte - 87)
            default: return nil
            }
            if i <= 16 { seconds = seconds << 4 | digit } else { nanos = nanos << 4 | digit }
        }
        let offset: UInt64 = 4_611_686_018_427_387_914
        guard seconds >= offset, seconds - offset < 1 << 40, nanos < 1_000_000_000 else { return nil }
        guard line.count == 25 || line[25] == UInt8(ascii: " ") else { return nil }
        return (Instant(micros: Int64(seconds - offset) * 1_000_000 + Int64(nanos / 1000)), 25)
    }

    static func clockTime(_ line: Bytes, at i: Int) -> (Int, Int, Int)? {
        guard i + 8 <= line.count, line[i + 2] == UInt8(ascii: ":"), line[i + 5] == UInt8(ascii: ":"),
              let hour = digits(line, i, 2), let minute = digits(line, i + 3, 2), let second = digits(line, i + 6, 2),
              hour < 24, minute < 60, second <= 60 else { return nil }
        return (hour, minute, min(second, 59))
    }

    @inline(__always)
    static func digits(_ line: Bytes, _ start: Int, _ length: Int) -> Int? {
        guard start + length <= line.count else { return nil }
        var value = 0
        for k in start..<(start + length) {
            guard isDigit(line[k]) else { return nil }
            value = value * 10 + Int(line[k] - 48)
        }
        return value
    }

    /// Month number from an English three-letter abbreviation, as syslog writes it regardless of locale.
    static func monthNumber(_ line: Bytes) -> Int? {
        let key = UInt32(line[0]) << 16 | UInt32(line[1]) << 8 | UInt32(line[2])
        switch key {
        case 0x4A616E: return 1   // Jan
        case 0x466562: return 2   // Feb
        case 0x4D6172: return 3   // Mar
        case 0x417072: return 4   // Apr
        case 0x4D6179: return 5   // May
        case 0x4A756E: return 6   // Jun
        case 0x4A756C: return 7   // Jul
        case 0x417567: return 8   // Aug
        case 0x536570: return 9   // Sep
        case 0x4F6374: return 10  // Oct
        case 0x4E6F76: return 11  // Nov
        case 0x446563: return 12  // Dec
        default: return nil
        }
    }
}
