/// The earliest and latest of some times, kept as raw microseconds: `Int64.max` and `Int64.min` while there
/// is none, so a time is noted by two compares with no optional's tag and no "none yet" test (a sentinel
/// loses every compare). Times are bounded far inside those (the journal's and the syslog stamps' years end
/// at 9999), so no real time is taken for a sentinel.
struct TimeBounds: Sendable, Equatable {
    private var earliest = Int64.max
    private var latest = Int64.min

    init() {}

    var first: Instant? { earliest == .max ? nil : Instant(micros: earliest) }
    var last: Instant? { latest == .min ? nil : Instant(micros: latest) }

    @inline(__always)
    mutating func note(_ time: Instant?) {
        guard let micros = time?.micros else { return }
        note(earliest: micros, latest: micros)
    }

    /// Notes a time known to be there, as its microseconds.
    @inline(__always)
    mutating func note(micros: Int64) { note(earliest: micros, latest: micros) }

    mutating func merge(_ other: TimeBounds) { note(earliest: other.earliest, latest: other.latest) }

    @inline(__always)
    private mutating func note(earliest: Int64, latest: Int64) {
        if earliest < self.earliest { self.earliest = earliest }
        if latest > self.latest { self.latest = latest }
    }
}
