/// The end of one gzip member, told once all of its complete lines were delivered: intact (its CRC and
/// length matched), or failed (a data error or a CRC mismatch), in which case its lines are garbage and
/// must not count.
public struct GzipMemberEnd: Sendable {
    /// 1 for the first member.
    public var index: Int
    public var intact: Bool
    /// zlib's words for a failed member.
    public var reason: String?
}

/// Which lines each failed member held, for the warning: `member 2 (lines 1201–2400) failed its
/// integrity check (incorrect data check): its 1200 lines were not counted`.
public struct GzipMemberLedger: Sendable {
    private var lastEndLine = 0
    public private(set) var failures: [String] = []
    public private(set) var droppedLines = 0

    public init() {}

    /// Notes a member's end, `linesSoFar` being the lines delivered until then. For a failed member it
    /// returns the range of lines it held.
    @discardableResult
    public mutating func note(_ end: GzipMemberEnd, linesSoFar: Int, counted: Bool) -> ClosedRange<Int>? {
        defer { lastEndLine = linesSoFar }
        guard !end.intact else { return nil }
        let first = lastEndLine + 1
        let lines = linesSoFar - lastEndLine
        droppedLines +|= lines
        let range = lines > 0 ? "lines \(first)–\(linesSoFar)" : "no complete line"
        let consequence = counted
            ? "its \(lines) lines were printed above as they were read: treat them as damaged"
            : "its \(lines) lines were not counted"
        failures.append("gzip member \(end.index) (\(range)) failed its integrity check (\(end.reason ?? "data error")): \(consequence)")
        return lines > 0 ? first...linesSoFar : nil
    }
}
