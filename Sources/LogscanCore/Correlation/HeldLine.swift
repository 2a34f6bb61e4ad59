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

    /// Writes a line into `slot`: copies `original` into `buffer` (of `capacity` bytes, at least
    /// `original.count`) and writes the event of `line` and `parsed` with its views moved onto the copy, field
    /// by field in the slot (the event built first, then the line on the stack, and copied in cost two more
    /// copies of their bytes: measured, round five, second pass). A `HeldLine` is a plain value, so the slot
    /// may be uninitialised or hold an old line: nothing is destroyed.
    static func write(_ original: Bytes, into buffer: UnsafeMutablePointer<UInt8>, capacity: Int,
                      service: Service, line: SyslogLine, parsed: ParsedMessage, verdict: Verdict, lineNumber: Int,
                      isUnmatched: Bool, unmatchedService: Service?, isResolved: Bool, owned: Bool,
                      at slot: UnsafeMutablePointer<HeldLine>) {
        buffer.update(from: original.base, count: original.count)
        let copy = Bytes(base: UnsafePointer(buffer), count: original.count)
        let rebase = Rebase(from: original, to: copy)
        slot.pointee.storage = buffer
        slot.pointee.capacity = capacity
        slot.pointee.raw = copy
        slot.pointee.event.service = service
        slot.pointee.event.verdict = verdict
        slot.pointee.event.lineNumber = lineNumber
        rebase.write(line, parsed, to: &slot.pointee.event)
        slot.pointee.isUnmatched = isUnmatched
        slot.pointee.unmatchedService = unmatchedService
        slot.pointee.isResolved = isResolved
        slot.pointee.owned = owned
        slot.pointee.queueSequence = 0
        slot.pointee.orderPlace = 0
        slot.pointee.next = HeldLines.none
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

    /// A view known to lie inside the line: the header's host, program and message always do (the header
    /// parsers and the journal's line writer make them from the line), so they move without the check.
    @inline(__always)
    func inside(_ view: Bytes) -> Bytes { Bytes(base: view.base + offset, count: view.count) }

    /// Writes the event's `line` and `parsed` into `kept` with their views moved.
    @inline(__always)
    func write(_ line: SyslogLine, _ parsed: ParsedMessage, to kept: inout Event) {
        kept.line = line
        kept.line.host = inside(line.host)
        kept.line.program = inside(line.program)
        kept.line.message = inside(line.message)
        kept.parsed = parsed
        kept.parsed.user = bytes(parsed.user)
        kept.parsed.method = bytes(parsed.method)
        kept.parsed.detail = bytes(parsed.detail)
        kept.parsed.relay = bytes(parsed.relay)
        kept.parsed.queueID = bytes(parsed.queueID)
        if case .hostname(let name)? = parsed.peer { kept.parsed.peer = .hostname(bytes(name)) }
    }
}
