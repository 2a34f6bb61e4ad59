import LogscanCore

/// Writes RFC 3339 times for `events` without building strings: the date part and the zone offset are
/// made once per hour and kept as machine words, the clock digits written directly.
struct TimeWriter {
    let zone: Zone
    private let json = RawJSON.shared
    private var cachedHour: Int64 = .min
    /// `"2026-11-27T`: twelve bytes, as a word and a half.
    private var datePrefix: (UInt64, UInt32) = (0, 0)
    /// The offset and the closing quote (`+01:00"`), at most eight bytes, as a word, and its length.
    private var offsetSuffix: UInt64 = 0
    private var offsetLength = 0
    private var offsetSeconds: Int64 = 0
    /// True for an hour in which the offset changes (a half-hour DST switch), or whose text does not fit
    /// the words above: written exactly, slowly.
    private var irregularHour = false

    /// The most a time takes: quotes, date, clock, fraction and offset.
    static let room = 64

    init(zone: Zone) { self.zone = zone }

    /// `"2026-11-27T04:50:37[.ffffff]+01:00"` with the quotes, to `out` (`room` bytes at most).
    mutating func write(_ instant: Instant, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        let seconds = instant.seconds
        let hour = seconds >= 0 ? seconds / 3600 : (seconds - 3599) / 3600
        if hour != cachedHour { refresh(hour: hour) }
        if irregularHour {
            return Array(("\"" + TimeFormat.rfc3339(instant, zone: zone) + "\"").utf8).withUnsafeBytes {
                RawJSON.copy($0, to: out)
            }
        }
        let wall = seconds + offsetSeconds
        let secondOfDay = Int(((wall % 86_400) + 86_400) % 86_400)
        let raw = UnsafeMutableRawPointer(out)
        raw.storeBytes(of: datePrefix.0, as: UInt64.self)
        raw.storeBytes(of: datePrefix.1, toByteOffset: 8, as: UInt32.self)
        var at = json.twoDigits(secondOfDay / 3600, to: out + 12)
        at[0] = UInt8(ascii: ":")
        at = json.twoDigits(secondOfDay / 60 % 60, to: at + 1)
        at[0] = UInt8(ascii: ":")
        at = json.twoDigits(secondOfDay % 60, to: at + 1)
        let fraction = Int(instant.fractionMicros)
        if fraction != 0 {
            at[0] = UInt8(ascii: ".")
            at = json.twoDigits(fraction / 10_000, to: at + 1)
            at = json.twoDigits(fraction / 100 % 100, to: at)
            at = json.twoDigits(fraction % 100, to: at)
        }
        UnsafeMutableRawPointer(at).storeBytes(of: offsetSuffix, as: UInt64.self)
        return at + offsetLength
    }

    private mutating func refresh(hour: Int64) {
        cachedHour = hour
        offsetSeconds = zone.offset(atUTC: hour * 3600)
        // `rfc3339` of the hour's start gives the date and the offset text to reuse.
        let text = TimeFormat.rfc3339(Instant(seconds: hour * 3600), zone: zone)
        let bytes = Array(text.utf8)
        let prefix = [UInt8(ascii: "\"")] + bytes.prefix(11)
        let suffix = Array(bytes.dropFirst(19)) + [UInt8(ascii: "\"")]
        irregularHour = zone.offset(atUTC: hour * 3600 + 3599) != offsetSeconds || prefix.count != 12
            || suffix.count > 8
        guard !irregularHour else { return }
        prefix.withUnsafeBytes { datePrefix = ($0.loadUnaligned(as: UInt64.self), $0.loadUnaligned(fromByteOffset: 8, as: UInt32.self)) }
        offsetLength = suffix.count
        offsetSuffix = (suffix + [UInt8](repeating: 0, count: 8 - suffix.count)).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
    }
}
