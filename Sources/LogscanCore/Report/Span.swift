/// A count with the first and last time it grew: the cell of most report tables.
public struct Span: Sendable, Equatable {
    public var count = 0
    public var first: Instant?
    public var last: Instant?

    public init() {}

    public mutating func add(_ n: Int, at time: Instant?) {
        count += n
        guard let time else { return }
        if first.map({ time < $0 }) ?? true { first = time }
        if last.map({ time > $0 }) ?? true { last = time }
    }

    public mutating func merge(_ other: Span) {
        count += other.count
        if let time = other.first, first.map({ time < $0 }) ?? true { first = time }
        if let time = other.last, last.map({ time > $0 }) ?? true { last = time }
    }
}

extension Dictionary where Value == Span {
    mutating func merge(_ other: [Key: Span]) {
        for (key, span) in other { self[key, default: Span()].merge(span) }
    }
}

extension Dictionary where Value == Int {
    mutating func merge(_ other: [Key: Int]) {
        for (key, count) in other { self[key, default: 0] += count }
    }
}
