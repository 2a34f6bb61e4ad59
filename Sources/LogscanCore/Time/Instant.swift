/// A point in time, in microseconds since the Unix epoch (UTC).
public struct Instant: Comparable, Hashable, Sendable, Codable {
    public var micros: Int64

    public init(micros: Int64) { self.micros = micros }
    public init(seconds: Int64) { self.micros = seconds * 1_000_000 }

    public var seconds: Int64 { micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000 }
    public var fractionMicros: Int64 { micros - seconds * 1_000_000 }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.micros < rhs.micros }

    public func adding(seconds: Int64) -> Instant { Instant(micros: micros + seconds * 1_000_000) }

    public static var now: Instant {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Instant(micros: Int64(spec.tv_sec) * 1_000_000 + Int64(spec.tv_nsec) / 1000)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let parsed = TimeFormat.parseRFC3339(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad time \(text)"))
        }
        self = parsed
    }

    /// Encoded as RFC 3339 in UTC, so that JSON is the same wherever it is produced.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(TimeFormat.rfc3339(self, zone: .utc))
    }
}

#if canImport(Glibc)
import Glibc
#endif

extension Optional where Wrapped == Instant {
    /// Becomes `time` when that is earlier (or when nothing was kept yet); a nil `time` changes nothing.
    mutating func keepEarliest(_ time: Instant?) {
        if let time, map({ time < $0 }) ?? true { self = time }
    }

    /// Becomes `time` when that is later (or when nothing was kept yet); a nil `time` changes nothing.
    mutating func keepLatest(_ time: Instant?) {
        if let time, map({ time > $0 }) ?? true { self = time }
    }
}
