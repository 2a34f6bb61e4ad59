/// The part of the logs a run looks at: from `since` (inclusive) to `until` (exclusive); nil is open.
public struct TimeRange: Sendable, Equatable {
    public var since: Instant? { didSet { isBounded = since != nil || until != nil } }
    public var until: Instant? { didSet { isBounded = since != nil || until != nil } }
    /// True when either end is set. Stored: a run without a range (the usual one) then tests one flag a
    /// line, not two optionals.
    public private(set) var isBounded: Bool

    public init(since: Instant? = nil, until: Instant? = nil) {
        self.since = since
        self.until = until
        isBounded = since != nil || until != nil
    }

    public static let everything = TimeRange()

    @inline(__always)
    public func contains(_ instant: Instant) -> Bool {
        guard isBounded else { return true }
        if let since, instant < since { return false }
        if let until, instant >= until { return false }
        return true
    }
}
