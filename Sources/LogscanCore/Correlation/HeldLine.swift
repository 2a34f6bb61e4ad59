/// A line kept past the reuse of the read buffer: a copy of its bytes, with every view of the line and of
/// its event moved onto the copy. The correlator holds a precursor until it knows whether a `Failed …`
/// line reports the same attempt, and an ordered sink holds the lines behind it so output stays in order.
/// It lives in a slot of `HeldLines`, which reuses the slot and its buffer for a later line: no object, no
/// allocation per held line. A plain value (no reference inside), so moving it is a copy of its bytes.
struct HeldLine {
    /// The copy's buffer, kept with the slot for the next line held in it.
    fileprivate(set) var storage: UnsafeMutablePointer<UInt8>
    fileprivate(set) var capacity: Int
    /// The copy of the line.
    fileprivate(set) var raw: Bytes
    /// The recognised line's event (its verdict a placeholder until `isResolved`). For an unmatched line
    /// (`isUnmatched`) only `event.line` is meaningful.
    var event: Event
    var lineNumber: Int { event.lineNumber }
    var line: SyslogLine { event.line }
    fileprivate(set) var isUnmatched: Bool
    /// For an unmatched line: the service whose parser did not recognise it.
    fileprivate(set) var unmatchedService: Service?
    /// False while the event's verdict is still open.
    var isResolved: Bool
    /// False for a line read only for context (before or after a chunk's own lines): its event is not kept.
    fileprivate(set) var owned: Bool
    /// Its place in the correlator's `HeldQueue`, which lets go of it once it is released.
    var queueSequence = 0
    /// Its place in a sink that keeps input order itself (`EventSink.open(_:)`).
    var orderPlace = 0
    /// The next line in the same list (a connection's held lines, or the free slots); `HeldLines.none` ends it.
    var next: Int32 = HeldLines.none

    /// Copies `original` into `buffer` (of `capacity` bytes, at least `original.count`) and moves the views
    /// of `event` onto the copy.
    init(copying original: Bytes, into buffer: UnsafeMutablePointer<UInt8>, capacity: Int, event: Event,
         isUnmatched: Bool, unmatchedService: Service?, isResolved: Bool, owned: Bool) {
        buffer.update(from: original.base, count: original.count)
        storage = buffer
        self.capacity = capacity
        raw = Bytes(base: UnsafePointer(buffer), count: original.count)
        self.event = event
        Rebase(from: original, to: raw).move(&self.event)
        self.isUnmatched = isUnmatched
        self.unmatchedService = unmatchedService
        self.isResolved = isResolved
        self.owned = owned
    }

    /// Lets go of the buffer: a slot keeps a large one (a line near the 64 KiB cut) only while it is used.
    mutating func releaseLargeBuffer(above limit: Int) -> Bool {
        guard capacity > limit else { return false }
        storage.deallocate()
        capacity = 0
        return true
    }

    mutating func resolve(_ verdict: Verdict) {
        event.verdict = verdict
        isResolved = true
    }
}

/// Moves views that point into one copy of a line onto another; views elsewhere (literals) stay.
private struct Rebase {
    let from: Bytes
    let offset: Int

    init(from: Bytes, to: Bytes) {
        self.from = from
        offset = to.base - from.base
    }

    @inline(__always)
    func bytes(_ view: Bytes) -> Bytes {
        let start = view.base - from.base
        guard start >= 0 && start &+ view.count <= from.count else { return view }
        return Bytes(base: view.base + offset, count: view.count)
    }

    @inline(__always)
    func bytes(_ view: Bytes?) -> Bytes? {
        guard let view else { return nil }
        return bytes(view)
    }

    /// Moves every view of `event` in place.
    func move(_ event: inout Event) {
        event.line.host = bytes(event.line.host)
        event.line.program = bytes(event.line.program)
        event.line.message = bytes(event.line.message)
        event.parsed.user = bytes(event.parsed.user)
        event.parsed.method = bytes(event.parsed.method)
        event.parsed.detail = bytes(event.parsed.detail)
        event.parsed.relay = bytes(event.parsed.relay)
        event.parsed.queueID = bytes(event.parsed.queueID)
        if case .hostname(let name)? = event.parsed.peer { event.parsed.peer = .hostname(bytes(name)) }
    }
}
