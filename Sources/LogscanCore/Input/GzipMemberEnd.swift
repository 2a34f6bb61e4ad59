/// The end of one gzip member, told once all of its complete lines were delivered: intact (its CRC and
/// length matched), or failed (a data error or a CRC mismatch), in which case its lines are garbage and
/// must not count.
public struct GzipMemberEnd: Sendable {
    /// 1 for the first member.
    public var index: Int
    public var intact: Bool
    /// zlib's words for a failed member, and where the damage was found.
    public var reason: String?
    /// For a failed member: where reading went on (the next member, the compressed bytes skipped to reach it),
    /// or that no later member was found.
    public var resumed: String? = nil
}

/// Which lines each failed member held, for the warning: `gzip member 2 (lines 1201–2400) failed its
/// integrity check (incorrect data check at compressed byte 9120): its 1200 lines were not counted;
/// reading went on with the member at compressed byte 9124`.
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
        let resumed = end.resumed.map { "; " + $0 } ?? ""
        failures.append("gzip member \(end.index) (\(range)) failed its integrity check (\(end.reason ?? "data error")): \(consequence)\(resumed)")
        return lines > 0 ? first...linesSoFar : nil
    }
}
