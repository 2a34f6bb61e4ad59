/// Text forms of an `Instant`.
public enum TimeFormat {
    /// `2026-11-27T04:50:37+01:00` (with `.ffffff` when the time has a fraction), or `…Z` in UTC.
    public static func rfc3339(_ instant: Instant, zone: Zone) -> String {
        let offset = zone.offset(atUTC: instant.seconds)
        var text = dateTime(instant.seconds + offset, separator: "T")
        let fraction = instant.fractionMicros
        if fraction != 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: 6 - digits.count) + digits
        }
        return text + offsetText(offset, zone: zone)
    }

    /// `2026-11-27 04:50` (or with seconds) in the zone, for people.
    public static func short(_ instant: Instant, zone: Zone, seconds: Bool = false) -> String {
        let wall = instant.seconds + zone.offset(atUTC: instant.seconds)
        let full = dateTime(wall, separator: " ")
        return seconds ? full : String(full.prefix(16))
    }

    /// The zone's name at `instant`, such as `UTC` or `+0100`.
    public static func zoneLabel(_ instant: Instant, zone: Zone) -> String {
        guard case .local = zone else { return "UTC" }
        let offset = zone.offset(atUTC: instant.seconds)
        return offset == 0 ? "UTC" : "UTC" + offsetText(offset, zone: zone).filter { $0 != ":" }
    }

    static func dateTime(_ wall: Int64, separator: String) -> String {
        let days = wall >= 0 ? wall / 86_400 : (wall - 86_399) / 86_400
        let (year, month, day) = CivilDate.date(fromDays: days)
        let second = wall - days * 86_400
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))\(separator)"
            + "\(pad(Int(second / 3600), 2)):\(pad(Int(second / 60 % 60), 2)):\(pad(Int(second % 60), 2))"
    }

    static func offsetText(_ offset: Int64, zone: Zone) -> String {
        if case .utc = zone { return "Z" }
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset)
        return "\(sign)\(pad(Int(magnitude / 3600), 2)):\(pad(Int(magnitude / 60 % 60), 2))"
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Parses RFC 3339 text (offset required).
    public static func parseRFC3339(_ text: String) -> Instant? {
        Bytes.with(text) { bytes in
            guard let (stamp, used) = StampParser.iso(bytes), used == bytes.count,
                  let offset = stamp.offsetSeconds else { return nil }
            return Instant(micros: (stamp.wallSeconds - offset) * 1_000_000 + stamp.micros)
        }
    }
}
