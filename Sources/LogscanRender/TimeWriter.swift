import LogscanCore

/// Writes RFC 3339 times for `events` without building strings: the date part and the zone offset are
/// cached per hour, the clock digits written directly, and a time equal to the one before is copied as
/// it was written.
struct TimeWriter {
    let zone: Zone
    private var cachedHour: Int64 = .min
    private var datePrefix: [UInt8] = []
    private var offsetSuffix: [UInt8] = []
    private var offsetSeconds: Int64 = 0
    /// True for an hour in which the offset changes (a half-hour DST switch): written exactly, slowly.
    private var irregularHour = false
    /// The time written last, and its text.
    private var lastMicros: Int64 = .min
    private var lastText: [UInt8] = []

    /// The most a time takes: quotes, date, clock, fraction and offset.
    static let room = 64

    init(zone: Zone) { self.zone = zone }

    /// `"2026-11-27T04:50:37[.ffffff]+01:00"` with the quotes, to `out` (`room` bytes at most).
    mutating func write(_ instant: Instant, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        if instant.micros != lastMicros {
            lastMicros = instant.micros
            rebuildText(instant)
        }
        return lastText.withUnsafeBytes { RawJSON.copy($0, to: out) }
    }

    private mutating func rebuildText(_ instant: Instant) {
        let seconds = instant.seconds
        let hour = seconds >= 0 ? seconds / 3600 : (seconds - 3599) / 3600
        if hour != cachedHour { refresh(hour: hour) }
        lastText.removeAll(keepingCapacity: true)
        if irregularHour {
            lastText += ("\"" + TimeFormat.rfc3339(instant, zone: zone) + "\"").utf8
            return
        }
        let wall = seconds + offsetSeconds
        let secondOfDay = Int(((wall % 86_400) + 86_400) % 86_400)
        lastText += datePrefix
        lastText.append(UInt8(48 + secondOfDay / 36_000))
        lastText.append(UInt8(48 + secondOfDay / 3600 % 10))
        lastText.append(UInt8(ascii: ":"))
        lastText.append(UInt8(48 + secondOfDay / 600 % 6))
        lastText.append(UInt8(48 + secondOfDay / 60 % 10))
        lastText.append(UInt8(ascii: ":"))
        lastText.append(UInt8(48 + secondOfDay % 60 / 10))
        lastText.append(UInt8(48 + secondOfDay % 10))
        let fraction = instant.fractionMicros
        if fraction != 0 {
            lastText.append(UInt8(ascii: "."))
            var divisor: Int64 = 100_000
            while divisor > 0 {
                lastText.append(UInt8(48 + fraction / divisor % 10))
                divisor /= 10
            }
        }
        lastText += offsetSuffix
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
