/// Receives what the pipeline makes of each line. The report's aggregator and the `events` printer are
/// both sinks, so they see the same verdicts. A sink that needs input order gets it; one that does not
/// gets a held line as soon as its verdict is known.
public protocol EventSink {
    /// True when lines must arrive in input order (at the cost of holding lines behind an open verdict).
    var needsInputOrder: Bool { get }
    /// False when `unmatched` does nothing: the pipeline then neither calls it nor holds those lines for
    /// order.
    var wantsUnmatched: Bool { get }
    /// True when the sink keeps input order itself (the `events` printer): the pipeline then hands it every
    /// line at once, a line whose verdict is still open through `open(_:)`, and that line's verdict later
    /// through `settle(_:with:)`. The lines behind an open one wait in the sink, in whatever compact form it
    /// chooses, instead of as held lines (an object and a copy of the line each) in the pipeline.
    var keepsInputOrder: Bool { get }
    /// A recognised line with its verdict. The event is read in place (`inout`, by address down the sink's
    /// whole chain: passed by value, it was copied for the call, and again wherever a sink read it from an
    /// `inout` and handed it on; bench/RESULTS.md, round six, second pass). A sink must not change it
    /// (`SinkInPlaceTests`).
    mutating func record(_ event: inout Event)
    /// A recognised line whose verdict is still open (`event.verdict` is a placeholder), in its place in the
    /// input. Returns a number the sink chooses to find that place again. Only for `keepsInputOrder`. Read
    /// in place, unchanged, as `record`'s.
    mutating func open(_ event: inout Event) -> Int
    /// The verdict of the line `open(_:)` returned `place` for: `event` is that line's, verdict decided.
    mutating func settle(_ place: Int, with event: inout Event)
    /// A line that no parser recognised. `service` is nil when no parser claims its program.
    mutating func unmatched(_ line: SyslogLine, raw: Bytes, service: Service?, lineNumber: Int)
    /// Called before the first line of each input.
    mutating func beginInput(_ source: InputSource)
}

/// A sink that can be split across inputs and chunks and merged back in input order (a monoid): what
/// `Scanner.aggregate` runs in parallel.
public protocol MergeableSink: EventSink, Sendable {
    /// Adds what `other`, which read the inputs after this one's, counted.
    mutating func merge(_ other: Self)
    /// Declares that nothing will be merged before this sink (it holds the start of the run): what it keeps
    /// only to settle state across lines with an earlier part (a message's queue id) can go.
    mutating func forgetEarlierNeeds()
}

extension MergeableSink {
    public mutating func forgetEarlierNeeds() {}
}

extension EventSink {
    public var needsInputOrder: Bool { false }
    public var wantsUnmatched: Bool { true }
    public var keepsInputOrder: Bool { false }
    public mutating func open(_ event: inout Event) -> Int { preconditionFailure("open(_:) is only for a sink that keeps input order") }
    public mutating func settle(_ place: Int, with event: inout Event) {
        preconditionFailure("settle(_:with:) is only for a sink that keeps input order")
    }
    public mutating func beginInput(_ source: InputSource) {}
}

/// Counts of one input, for the report's inputs table.
public struct FileStats: Sendable, Codable, Equatable {
    public var lines = 0
    public var bytes = 0
    public var recognised = 0
    public var unmatched = 0
    /// Lines of programs that no parser claims (cron, sudo, systemd…): counted, not parsed.
    public var otherPrograms = 0
    public var outOfRange = 0
    /// Lines without a valid timestamp (none, or an impossible one: `Feb 30`, offset `+24:00`); left out
    /// when a time range was given.
    public var untimed = 0
    /// Lines longer than 64 KiB: cut there, the rest skipped unread.
    public var cutLines = 0
    public var firstTime: Instant?
    public var lastTime: Instant?

    public init() {}

    /// Adds the counts of a later part of the same input.
    mutating func merge(_ other: FileStats) {
        lines +|= other.lines
        bytes +|= other.bytes
        recognised +|= other.recognised
        unmatched +|= other.unmatched
        otherPrograms +|= other.otherPrograms
        outOfRange +|= other.outOfRange
        untimed +|= other.untimed
        cutLines +|= other.cutLines
        firstTime.keepEarliest(other.firstTime)
        lastTime.keepLatest(other.lastTime)
    }
}
