/// Days since 1970-01-01 in a zone, with the zone's offset cached per hour.
///
/// Lines come in time order, so the span of time that shares the last answer's UTC hour (hence its offset)
/// and its day is kept in microseconds: a day asked inside it costs two compares, no division (about 8
/// instructions a mail line before, under callgrind, most of them `Instant.seconds`'s division).
struct DayNumbers: Sendable {
    let zone: Zone
    private var cachedHour: Int64 = .min
    private var cachedOffset: Int64 = 0
    /// `[spanStart, spanEnd)`, UTC microseconds, in which every instant is on `spanDay`; empty at first.
    private var spanStart = Int64.max
    private var spanEnd = Int64.min
    private var spanDay: Int64 = 0

    init(zone: Zone) { self.zone = zone }

    @inline(__always)
    mutating func day(of instant: Instant) -> Int64 {
        if instant.micros >= spanStart && instant.micros < spanEnd { return spanDay }
        return enterSpan(of: instant)
    }

    /// The day of `instant`, read through the hour's offset, and the span it starts.
    private mutating func enterSpan(of instant: Instant) -> Int64 {
        let seconds = instant.seconds
        let hour = seconds >= 0 ? seconds / 3600 : (seconds - 3599) / 3600
        if hour != cachedHour {
            cachedHour = hour
            cachedOffset = zone.offset(atUTC: seconds)
        }
        let wall = seconds + cachedOffset
        let day = wall >= 0 ? wall / 86_400 : (wall - 86_399) / 86_400
        // The hour and the day (in UTC seconds) overlap in the span; kept only where microseconds fit.
        let start = max(hour * 3600, day * 86_400 - cachedOffset)
        let end = min(hour * 3600 + 3600, day * 86_400 - cachedOffset + 86_400)
        let limit = Int64.max / 1_000_000 - 1
        if start > -limit && end < limit {
            (spanStart, spanEnd, spanDay) = (start * 1_000_000, end * 1_000_000, day)
        } else {
            (spanStart, spanEnd) = (Int64.max, Int64.min)
        }
        return day
    }
}
