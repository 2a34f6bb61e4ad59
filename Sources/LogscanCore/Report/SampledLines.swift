/// Lines of one kind (unmatched lines of a program, a daemon's warnings): how many, and the first few.
public struct SampledLines: Sendable {
    public static let sampleLimit = 3
    public var count = 0
    public var samples: [[UInt8]] = []

    public init() {}

    mutating func add(_ raw: Bytes, occurrences: Int = 1) {
        count +|= occurrences
        if samples.count < SampledLines.sampleLimit { samples.append(raw.array) }
    }

    mutating func merge(_ other: SampledLines) {
        count +|= other.count
        samples.append(contentsOf: other.samples.prefix(SampledLines.sampleLimit - samples.count))
    }
}
