import LogscanCore

/// A time in quotes as `Instant` encodes itself in JSON, RFC 3339 in UTC (`"2026-11-27T04:50:37Z"`, with
/// `.ffffff` when it has microseconds), written digit by digit: the report has two per table row, and
/// `TimeFormat.rfc3339` builds a string from a dozen pieces for each. Years outside 0…9999 take that exact,
/// slow way.
enum UTCTimeWriter {
    /// The most a time takes here: quotes, date, clock, fraction and `Z`.
    static let room = 30

    static func write(_ instant: Instant, to output: OutputBuffer) {
        let seconds = instant.seconds
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let (year, month, day) = CivilDate.date(fromDays: days)
        guard (0...9999).contains(year) else {
            return output.append(string: "\"" + TimeFormat.rfc3339(instant, zone: .utc) + "\"")
        }
        let secondOfDay = Int(seconds - days * 86_400)
        let start = output.reserve(room)
        var at = start
        func put(_ byte: UInt8) {
            at.pointee = byte
            at += 1
        }
        func digits(_ value: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            while divisor > 0 {
                put(UInt8(truncatingIfNeeded: 48 + value / divisor % 10))
                divisor /= 10
            }
        }
        put(UInt8(ascii: "\""))
        digits(year, 4)
        put(UInt8(ascii: "-"))
        digits(month, 2)
        put(UInt8(ascii: "-"))
        digits(day, 2)
        put(UInt8(ascii: "T"))
        digits(secondOfDay / 3600, 2)
        put(UInt8(ascii: ":"))
        digits(secondOfDay / 60 % 60, 2)
        put(UInt8(ascii: ":"))
        digits(secondOfDay % 60, 2)
        let fraction = Int(instant.fractionMicros)
        if fraction != 0 {
            put(UInt8(ascii: "."))
            digits(fraction, 6)
        }
        put(UInt8(ascii: "Z"))
        put(UInt8(ascii: "\""))
        output.commit(at)
    }
}
