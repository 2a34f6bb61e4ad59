/// A line kept past the reuse of the read buffer: a copy of its bytes, with every view of the line and of
/// its event moved onto the copy. The correlator holds a precursor until it knows whether a `Failed …`
/// line reports the same attempt, and an ordered sink holds the lines behind it so output stays in order.
public final class HeldLine {
    private let storage: UnsafeMutablePointer<UInt8>
    public let raw: Bytes
    public let line: SyslogLine
    // Read and written only by the correlator that holds the line (one thread): no dynamic exclusivity
    // check per access (they cost about 90 instructions a line on sshd logs; bench/RESULTS.md).
    @exclusivity(unchecked) public var event: Event?
    public let lineNumber: Int
    /// For an unmatched line: the service whose parser did not recognise it.
    public let unmatchedService: Service?
    /// False while the event's verdict is still open.
    @exclusivity(unchecked) public var isResolved: Bool
    /// False for a line read only for context (before or after a chunk's own lines): its event is not kept.
    public let owned: Bool
    /// Its place in the correlator's `HeldQueue`, which lets go of it once it is released.
    @exclusivity(unchecked) var queueSequence = 0
    /// Its place in a sink that keeps input order itself (`EventSink.open(_:)`).
    @exclusivity(unchecked) var orderPlace = 0

    init(raw original: Bytes, line: SyslogLine, event: Event?, lineNumber: Int, unmatchedService: Service?,
         isResolved: Bool, owned: Bool = true) {
        self.owned = owned
        storage = .allocate(capacity: max(1, original.count))
        storage.update(from: original.base, count: original.count)
        raw = Bytes(base: UnsafePointer(storage), count: original.count)
        let move = Rebase(from: original, to: raw)
        self.line = move.line(line)
        self.event = event.map(move.event)
        self.lineNumber = lineNumber
        self.unmatchedService = unmatchedService
        self.isResolved = isResolved
    }

    deinit { storage.deallocate() }

    func resolve(_ verdict: Verdict) {
        event?.verdict = verdict
        isResolved = true
    }
}

/// Moves views that point into one copy of a line onto another; views elsewhere (literals) stay.
private struct Rebase {
    let from: Bytes
    let to: Bytes

    func bytes(_ view: Bytes) -> Bytes {
        let offset = view.base - from.base
        guard offset >= 0 && offset + view.count <= from.count else { return view }
        return Bytes(base: to.base + offset, count: view.count)
    }

    func line(_ line: SyslogLine) -> SyslogLine {
        var moved = line
        moved.host = bytes(line.host)
        moved.program = bytes(line.program)
        moved.message = bytes(line.message)
        return moved
    }

    func event(_ event: Event) -> Event {
        var moved = event
        moved.line = line(event.line)
        moved.parsed.user = event.parsed.user.map(bytes)
        moved.parsed.method = event.parsed.method.map(bytes)
        moved.parsed.detail = event.parsed.detail.map(bytes)
        moved.parsed.relay = event.parsed.relay.map(bytes)
        moved.parsed.queueID = event.parsed.queueID.map(bytes)
        if case .hostname(let name)? = event.parsed.peer { moved.parsed.peer = .hostname(bytes(name)) }
        return moved
    }
}
