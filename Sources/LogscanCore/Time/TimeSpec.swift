/// Reads the time arguments of `--since`, `--until` and `--range`.
public enum TimeSpec {
    public struct Invalid: Error, CustomStringConvertible {
        public let text: String
        public var description: String {
            "cannot read '\(text)' as a time: use a duration (90m, 24h, 7d, 2w), today, yesterday, "
                + "a date (2026-11-20), a date and time (2026-11-20T10:00 or '2026-11-20 10:00') or RFC 3339"
        }
    }

    /// An instant: `now` minus a duration, the start of today or yesterday, or a date and time (read in
    /// `zone` unless it carries an offset).
    public static func instant(_ text: String, now: Instant, zone: Zone) throws -> Instant {
        let trimmed = text.trimmingSpaces
        switch trimmed.lowercased() {
        case "now": return now
        case "today": return startOfDay(now, zone: zone, daysBack: 0)
        case "yesterday": return startOfDay(now, zone: zone, daysBack: 1)
        default: break
        }
        if let seconds = duration(trimmed) { return now.adding(seconds: -seconds) }
        if let instant = dateTime(trimmed, zone: zone) { return instant }
        throw Invalid(text: text)
    }

    /// `--range today|yesterday|all`, as logwatch spells it.
    public static func range(_ name: String, now: Instant, zone: Zone) throws -> TimeRange {
        switch name.lowercased() {
        case "all": return .everything
        case "today": return TimeRange(since: startOfDay(now, zone: zone, daysBack: 0))
        case "yesterday":
            return TimeRange(since: startOfDay(now, zone: zone, daysBack: 1), until: startOfDay(now, zone: zone, daysBack: 0))
        default:
            throw Invalid(text: name)
        }
    }

    /// `90m`, `24h`, `7d`, `2w` (and `30s`): seconds, up to a thousand years.
    public static func duration(_ text: String) -> Int64? {
        guard let unit = text.last, let value = Int64(text.dropLast()), value >= 0 else { return nil }
        let scale: Int64
        switch unit {
        case "s": scale = 1
        case "m": scale = 60
        case "h": scale = 3600
        case "d": scale = 86_400
        case "w": scale = 7 * 86_400
        default: return nil
        }
        let (seconds, overflow) = value.multipliedReportingOverflow(by: scale)
        guard !overflow, seconds <= 1000 * 366 * 86_400 else { return nil }
        return seconds
    }

    /// `YYYY-MM-DD`, `YYYY-MM-DD[T ]HH:MM[:SS[.frac]]`, with an optional `Z` or offset.
    static func dateTime(_ text: String) -> StampParser.ISOStamp? {
        var normalized = text
        if normalized.count == 10 { normalized += "T00:00:00" }
        // Add seconds to `YYYY-MM-DDTHH:MM` and its offset forms.
        let bytes = Array(normalized.utf8)
        if bytes.count >= 16, bytes.count == 16 || !isDigit(bytes.count > 16 ? bytes[16] : 0) && bytes[16] != UInt8(ascii: ":") {
            normalized = String(normalized.prefix(16)) + ":00" + String(normalized.dropFirst(16))
        }
        return Bytes.with(normalized) { view in
            guard let (stamp, used) = StampParser.iso(view), used == view.count else { return nil }
            return stamp
        }
    }

    static func dateTime(_ text: String, zone: Zone) -> Instant? {
        guard let stamp = dateTime(text) else { return nil }
        let utc = stamp.offsetSeconds.map { stamp.wallSeconds - $0 } ?? zone.utcSeconds(fromWallClock: stamp.wallSeconds)
        return Instant(micros: utc * 1_000_000 + stamp.micros)
    }

    /// Midnight, `daysBack` days before the day of `now`, in `zone`.
    public static func startOfDay(_ now: Instant, zone: Zone, daysBack: Int64) -> Instant {
        let wall = now.seconds + zone.offset(atUTC: now.seconds)
        let day = (wall >= 0 ? wall / 86_400 : (wall - 86_399) / 86_400) - daysBack
        return Instant(seconds: zone.utcSeconds(fromWallClock: day * 86_400))
    }
}
