/// The part of the logs a run looks at: from `since` (inclusive) to `until` (exclusive); nil is open.
public struct TimeRange: Sendable, Equatable {
    public var since: Instant?
    public var until: Instant?

    public init(since: Instant? = nil, until: Instant? = nil) {
        self.since = since
        self.until = until
    }

    public static let everything = TimeRange()

    public var isBounded: Bool { since != nil || until != nil }

    @inline(__always)
    public func contains(_ instant: Instant) -> Bool {
        if let since, instant < since { return false }
        if let until, instant >= until { return false }
        return true
    }
}
