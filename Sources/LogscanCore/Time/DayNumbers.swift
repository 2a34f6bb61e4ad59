/// Days since 1970-01-01 in a zone, with the zone's offset cached per hour.
struct DayNumbers: Sendable {
    let zone: Zone
    private var cachedHour: Int64 = .min
    private var cachedOffset: Int64 = 0

    init(zone: Zone) { self.zone = zone }

    mutating func day(of instant: Instant) -> Int64 {
        let seconds = instant.seconds
        let hour = seconds >= 0 ? seconds / 3600 : (seconds - 3599) / 3600
        if hour != cachedHour {
            cachedHour = hour
            cachedOffset = zone.offset(atUTC: seconds)
        }
        let wall = seconds + cachedOffset
        return wall >= 0 ? wall / 86_400 : (wall - 86_399) / 86_400
    }
}
