import LogscanCore

/// The `Date:` header's form (RFC 5322 §3.3): `Tue, 01 Dec 2026 06:25:00 +0100`, in the report's zone.
public enum MailDate {
    public static func format(_ instant: Instant, zone: Zone) -> String {
        let offset = zone.offset(atUTC: instant.seconds)
        let wall = instant.seconds + offset
        let days = wall >= 0 ? wall / 86_400 : (wall - 86_399) / 86_400
        let (year, month, day) = CivilDate.date(fromDays: days)
        let second = Int(wall - days * 86_400)
        let weekday = Int(((days + 4) % 7 + 7) % 7)  // 1970-01-01 was a Thursday
        let magnitude = Int(abs(offset))
        return "\(weekdays[weekday]), \(two(day)) \(months[month - 1]) \(year) "
            + "\(two(second / 3600)):\(two(second / 60 % 60)):\(two(second % 60)) "
            + (offset < 0 ? "-" : "+") + two(magnitude / 3600) + two(magnitude / 60 % 60)
    }

    /// English month abbreviations, as RFC 5322 and syslog write them.
    public static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
