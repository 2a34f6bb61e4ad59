/// Attempts per user name for one address. Most addresses try one name, so the first lives inline and a
/// table is made only for the second: a million addresses must not mean a million hash tables. `ban`
/// keeps one per address (the report keeps an address's first name in its `PeerFailures` and the others in
/// one `PeerUserPairs` for the tally).
public struct UserCounts<Name: Hashable & Sendable>: Sendable {
    private var first: Name?
    private var firstCount = 0
    /// A `Dictionary` (one allocation, 8 bytes inline: `ban` keeps one of these per address); `ByteString`
    /// hashes without `Hasher`.
    private var others: [Name: Int]?

    public init() {}

    public var distinct: Int { (first == nil ? 0 : 1) + (others?.count ?? 0) }

    public var entries: [(Name, Int)] {
        var all = others.map { $0.map { ($0.key, $0.value) } } ?? []
        if let first { all.append((first, firstCount)) }
        return all
    }

    public mutating func add(_ user: Name, _ n: Int) {
        if first == nil {
            first = user
            firstCount = n
        } else if first == user {
            firstCount +|= n
        } else {
            others[default: [:]][user, default: 0] +|= n
        }
    }

    /// Adds `other`'s counts, each name passed through `rename` (another tally's numbers into this one's).
    public mutating func merge(_ other: UserCounts, rename: (Name) -> Name = { $0 }) {
        for (user, n) in other.entries { add(rename(user), n) }
    }
}

extension Optional {
    /// The wrapped value, created with `defaultValue` when nil, for in-place mutation.
    subscript(default defaultValue: @autoclosure () -> Wrapped) -> Wrapped {
        get { self ?? defaultValue() }
        _modify {
            if self == nil { self = defaultValue() }
            yield &self!
        }
    }
}
