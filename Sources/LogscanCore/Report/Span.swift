/// A count with the first and last time it grew: the cell of most report tables, 24 bytes. The times are
/// `TimeBounds`: sentinels, not optionals, so a time is kept by two compares (a failure's `Span.add` was 29
/// instructions with "none yet" tests, bench/RESULTS.md, round seven, third pass).
public struct Span: Sendable, Equatable {
    public private(set) var count = 0
    private var times = TimeBounds()

    public init() {}

    public var first: Instant? { times.first }
    public var last: Instant? { times.last }

    public mutating func add(_ n: Int, at time: Instant?) {
        count +|= n
        times.note(time)
    }

    public mutating func merge(_ other: Span) {
        count +|= other.count
        times.merge(other.times)
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
