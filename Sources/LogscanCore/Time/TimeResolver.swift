/// Turns the stamps of one input into instants.
///
/// Classic stamps carry no year. A log file is written up to its mtime, so each line's year is the one
/// that puts it at or before the file's mtime (plus two days of slack for clock skew). Rotated files keep
/// their mtime, so this holds for every file of a set, and a file that spans New Year gets December in
/// the earlier year and January in the later one. Stdin has no mtime and uses the time of the run.
public struct TimeResolver {
    public let zone: Zone
    public let reference: Instant
    private var converter: WallClockConverter
    private let referenceYear: Int
    private let latestWallDay: Int64
    private var cachedMonthDay = -1
    private var cachedDayWall: Int64 = 0
    /// The minute of the last padded classic stamp read, for the lines of the same minute.
    private var lastClassic = ClassicStampCache()
    /// The start of the last usual header after its stamp (`CommonHeader`): the header parser's one piece
    /// of state per input, kept here because the resolver is what each input's parse is handed.
    var lastHeader = HeaderPrefixCache()

    public init(zone: Zone, reference: Instant) {
        self.zone = zone
        self.reference = reference
        self.converter = WallClockConverter(zone: zone)
        let wall = reference.seconds + zone.offset(atUTC: reference.seconds)
        let day = wall >= 0 ? wall / 86_400 : (wall - 86_399) / 86_400
        self.referenceYear = CivilDate.date(fromDays: day).year
        self.latestWallDay = day + 2
    }

    public mutating func instant(_ stamp: StampParser.ClassicStamp) -> Instant {
        let monthDay = stamp.month * 32 + stamp.day
        if monthDay != cachedMonthDay {
            cachedMonthDay = monthDay
            // The latest year, at or before the reference, in which the date exists and is not in the future
            // (Feb 29 steps back to a leap year).
            var year = referenceYear
            while year > referenceYear - 8, !CivilDate.isValid(year: year, month: stamp.month, day: stamp.day)
                    || CivilDate.days(year: year, month: stamp.month, day: stamp.day) > latestWallDay {
                year -= 1
            }
            cachedDayWall = CivilDate.days(year: year, month: stamp.month, day: stamp.day) * 86_400
        }
        let wall = cachedDayWall + Int64(stamp.hour * 3600 + stamp.minute * 60 + stamp.second)
        return Instant(seconds: converter.utcSeconds(fromWallClock: wall))
    }

    /// The instant of a padded classic stamp (`Nov 27 04:50:37`, `Nov  7 04:50:37`) at the start of `line`,
    /// as `StampParser.paddedClassic` reads it, through the minute cache; nil for any other start. The
    /// stamp is 15 bytes.
    @inline(__always)
    mutating func paddedClassicInstant(_ line: Bytes) -> Instant? {
        if let cached = lastClassic.lookup(line) { return cached }
        return paddedClassicInstantOfNewMinute(line)
    }

    /// `paddedClassicInstant` for a line the minute cache cannot answer (a minute's first line, or another
    /// stamp), which it then keeps. Out of line: one line a minute comes here, and inlined into
    /// `LineProcessor.process` with the rest of the header, its stamp parse took room the optimiser's
    /// inlining limit leaves for the common path (measured, round seven).
    @inline(never)
    private mutating func paddedClassicInstantOfNewMinute(_ line: Bytes) -> Instant? {
        guard let stamp = StampParser.paddedClassic(line) else { return nil }
        let time = instant(stamp)
        lastClassic.store(line, second: stamp.second, time: time)
        return time
    }

    public mutating func instant(_ stamp: StampParser.ISOStamp) -> Instant {
        let utc: Int64
        if let offset = stamp.offsetSeconds {
            utc = stamp.wallSeconds - offset
        } else {
            utc = converter.utcSeconds(fromWallClock: stamp.wallSeconds)
        }
        return Instant(micros: utc * 1_000_000 + stamp.micros)
    }
}
