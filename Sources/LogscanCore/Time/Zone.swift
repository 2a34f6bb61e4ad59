#if canImport(Glibc)
import Glibc
#endif

/// The zone that times are read in (for stamps without an offset) and shown in.
public enum Zone: Sendable {
    case utc
    case local

    /// Seconds east of UTC at `utcSeconds`.
    public func offset(atUTC utcSeconds: Int64) -> Int64 {
        guard case .local = self else { return 0 }
        var time = time_t(utcSeconds)
        var parts = tm()
        localtime_r(&time, &parts)
        return Int64(parts.tm_gmtoff)
    }

    /// Converts wall-clock seconds (as if they were UTC) into real UTC seconds. In a DST gap or overlap it
    /// picks the offset in force just before, as syslog daemons write local time without a flag.
    public func utcSeconds(fromWallClock wall: Int64) -> Int64 {
        guard case .local = self else { return wall }
        let first = offset(atUTC: wall)
        let second = offset(atUTC: wall - first)
        return wall - second
    }
}

/// Caches `Zone.utcSeconds(fromWallClock:)` per wall-clock hour: offsets change only on hour boundaries
/// in practice, and the libc call costs far more than parsing a line.
struct WallClockConverter {
    let zone: Zone
    private var cachedHour: Int64 = .min
    private var cachedShift: Int64 = 0

    init(zone: Zone) { self.zone = zone }

    mutating func utcSeconds(fromWallClock wall: Int64) -> Int64 {
        let hour = wall >= 0 ? wall / 3600 : (wall - 3599) / 3600
        if hour != cachedHour {
            cachedHour = hour
            cachedShift = zone.utcSeconds(fromWallClock: hour * 3600) - hour * 3600
        }
        return wall + cachedShift
    }
}
