import LogscanCore

/// Writes RFC 3339 times into an `OutputBuffer` without building strings: the date part and the zone
/// offset are cached per hour, the clock digits are written directly.
struct TimeWriter {
    let zone: Zone
    private var cachedHour: Int64 = .min
    private var datePrefix: [UInt8] = []
    private var offsetSuffix: [UInt8] = []
    private var offsetSeconds: Int64 = 0
    /// True for an hour in which the offset changes (a half-hour DST switch): written exactly, slowly.
    private var irregularHour = false

    init(zone: Zone) { self.zone = zone }

    /// `"2026-11-27T04:50:37[.ffffff]+01:00"` with the quotes.
    mutating func write(_ instant: Instant, to output: OutputBuffer) {
        let seconds = instant.seconds
        let hour = seconds >= 0 ? seconds / 3600 : (seconds - 3599) / 3600
        if hour != cachedHour { refresh(hour: hour) }
        if irregularHour {
            output.append(string: "\"" + TimeFormat.rfc3339(instant, zone: zone) + "\"")
            return
        }
        let wall = seconds + offsetSeconds
        let secondOfDay = ((wall % 86_400) + 86_400) % 86_400
        output.append(datePrefix)
        output.appendTwoDigits(Int(secondOfDay / 3600))
        output.append(":")
        output.appendTwoDigits(Int(secondOfDay / 60 % 60))
        output.append(":")
        output.appendTwoDigits(Int(secondOfDay % 60))
        let fraction = instant.fractionMicros
        if fraction != 0 {
            output.append(".")
            var divisor: Int64 = 100_000
            while divisor > 0 {
                output.append(decimal: Int(fraction / divisor % 10))
                divisor /= 10
            }
        }
        output.append(offsetSuffix)
    }

    private mutating func refresh(hour: Int64) {
        cachedHour = hour
        offsetSeconds = zone.offset(atUTC: hour * 3600)
        // `rfc3339` of the hour's start gives the date and the offset text to reuse.
        let text = TimeFormat.rfc3339(Instant(seconds: hour * 3600), zone: zone)
        let bytes = Array(text.utf8)
        datePrefix = [UInt8(ascii: "\"")] + bytes.prefix(11)
        offsetSuffix = Array(bytes.dropFirst(19)) + [UInt8(ascii: "\"")]
        irregularHour = zone.offset(atUTC: hour * 3600 + 3599) != offsetSeconds
    }
}
