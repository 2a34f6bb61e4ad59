/// Failed attempts per UTC hour: the raw series behind the "failures over time" chart. A monoid: tallies
/// of separate inputs merge by adding hour by hour. Memory grows with the hours seen, never with lines.
public struct HourlyCounts: Sendable, Equatable {
    /// Hours since the epoch → attempts in that hour.
    public private(set) var hours: [Int64: Int] = [:]

    public init() {}

    mutating func add(_ n: Int, at time: Instant?) {
        guard let time else { return }
        let seconds = time.seconds
        let hour = seconds >= 0 ? seconds / 3600 : (seconds - 3599) / 3600
        hours[hour, default: 0] &+= n
    }

    mutating func merge(_ other: HourlyCounts) {
        for (hour, n) in other.hours { hours[hour, default: 0] &+= n }
    }
}
