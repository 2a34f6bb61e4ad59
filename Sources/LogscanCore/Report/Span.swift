/// A count with the first and last time it grew: the cell of most report tables. Times are kept as raw
/// microseconds (`Int64.min` for none) so a cell takes 24 bytes.
public struct Span: Sendable, Equatable {
    public private(set) var count = 0
    private var firstMicros = Int64.min
    private var lastMicros = Int64.min

    public init() {}

    public var first: Instant? { firstMicros == .min ? nil : Instant(micros: firstMicros) }
    public var last: Instant? { lastMicros == .min ? nil : Instant(micros: lastMicros) }

    public mutating func add(_ n: Int, at time: Instant?) {
        count +|= n
        guard let micros = time?.micros else { return }
        if firstMicros == .min || micros < firstMicros { firstMicros = micros }
        if lastMicros == .min || micros > lastMicros { lastMicros = micros }
    }

    public mutating func merge(_ other: Span) {
        count +|= other.count
        if other.firstMicros != .min && (firstMicros == .min || other.firstMicros < firstMicros) { firstMicros = other.firstMicros }
        if other.lastMicros != .min && (lastMicros == .min || other.lastMicros > lastMicros) { lastMicros = other.lastMicros }
    }
}

extension Dictionary where Value == Span {
    mutating func merge(_ other: [Key: Span]) {
        for (key, span) in other { self[key, default: Span()].merge(span) }
    }
}

extension Dictionary where Value == Int {
    mutating func merge(_ other: [Key: Int]) {
        for (key, count) in other { self[key, default: 0] +|= count }
    }
}
