/// The lines the pipeline keeps past the reuse of the read buffer (`HeldLine`), in reusable slots named by
/// a handle: the correlators' held precursors and the lines an ordered sink waits for. A slot and its copy
/// buffer are reused after `free(_:)`, so holding a line allocates nothing once the slots for the lines
/// held at once exist (memory follows the lines held at once, not the input). One store per
/// `LineProcessor`, shared by its correlators; it is reached from one thread only.
final class HeldLines {
    /// The end of a list of handles.
    static let none: Int32 = -1
    /// A slot keeps a copy buffer up to this size for the next line; a larger one is freed with the line.
    static let keptBufferLimit = 1024
    static let firstBufferSize = 128

    // One thread only: no dynamic exclusivity check per access.
    @exclusivity(unchecked) private var slots: UnsafeMutablePointer<HeldLine>
    @exclusivity(unchecked) private var slotCapacity: Int
    /// Slots initialised so far; the free ones among them are linked from `freeHead`.
    @exclusivity(unchecked) private var used = 0
    @exclusivity(unchecked) private var freeHead = HeldLines.none
    /// Lines kept and not yet freed.
    @exclusivity(unchecked) private(set) var live = 0
    /// Lines a correlator settled since the pipeline last looked (`HeldQueue.release`).
    @exclusivity(unchecked) var released = RawRing<Int32>(filler: -1)

    init() {
        slotCapacity = 16
        slots = .allocate(capacity: slotCapacity)
    }

    deinit {
        for index in 0..<used where slots[index].capacity > 0 { slots[index].storage.deallocate() }
        slots.deallocate()
    }

    subscript(handle: Int32) -> HeldLine {
        @inline(__always) unsafeAddress { UnsafePointer(slots + Int(handle)) }
        @inline(__always) unsafeMutableAddress { slots + Int(handle) }
    }

    /// Keeps a copy of `raw` and the event of `line` and `parsed`, written into the line's slot with its
    /// views moved onto the copy; returns the line's handle. `line`'s views must lie inside `raw` (the header
    /// parsers and the journal's line writer make them so): they move unchecked (`HeldLinesTests`). The
    /// pipeline's call: the event is not built first and copied in (measured, round five, second pass). Out
    /// of line: inlined, its stores sat in `LineProcessor.process`, which is at the inliner's size limit.
    @inline(never)
    func keep(_ raw: Bytes, service: Service, line: SyslogLine, parsed: ParsedMessage, verdict: Verdict,
              lineNumber: Int, isUnmatched: Bool, unmatchedService: Service?, isResolved: Bool, owned: Bool) -> Int32 {
        var (handle, buffer, capacity) = takeSlot()
        if capacity < raw.count || buffer == nil {
            buffer?.deallocate()
            capacity = max(raw.count, HeldLines.firstBufferSize)
            buffer = .allocate(capacity: capacity)
        }
        HeldLine.write(raw, into: buffer!, capacity: capacity, service: service, line: line, parsed: parsed,
                       verdict: verdict, lineNumber: lineNumber, isUnmatched: isUnmatched,
                       unmatchedService: unmatchedService, isResolved: isResolved, owned: owned,
                       at: slots + Int(handle))
        live += 1
        return handle
    }

    /// The line is delivered: its slot (and buffer, unless large) waits for the next line.
    func free(_ handle: Int32) {
        let slot = slots + Int(handle)
        _ = slot.pointee.releaseLargeBuffer(above: HeldLines.keptBufferLimit)
        slot.pointee.next = freeHead
        freeHead = handle
        live -= 1
    }

    /// A free slot (reused first) and the buffer it keeps, if any. A new slot is left uninitialised. Inlined
    /// into `keep`, its one caller (a call of its own per held line before).
    @inline(__always)
    private func takeSlot() -> (handle: Int32, buffer: UnsafeMutablePointer<UInt8>?, capacity: Int) {
        if freeHead != HeldLines.none {
            let handle = freeHead
            let slot = slots + Int(handle)
            freeHead = slot.pointee.next
            return (handle, slot.pointee.capacity > 0 ? slot.pointee.storage : nil, slot.pointee.capacity)
        }
        if used == slotCapacity { grow() }
        used += 1
        return (Int32(used - 1), nil, 0)
    }

    private func grow() {
        let larger = UnsafeMutablePointer<HeldLine>.allocate(capacity: slotCapacity * 2)
        larger.moveInitialize(from: slots, count: used)
        slots.deallocate()
        slots = larger
        slotCapacity *= 2
    }
}

/// A list of held lines (a connection's precursors, in the order held), linked through the store's slots:
/// a plain value, so a table of connections holds no reference and no array.
struct HeldList {
    private(set) var first = HeldLines.none
    private(set) var last = HeldLines.none

    var isEmpty: Bool { first == HeldLines.none }
    /// True when the list holds exactly one line.
    var isSingle: Bool { first != HeldLines.none && first == last }

    mutating func append(_ line: Int32, in lines: HeldLines) {
        lines[line].next = HeldLines.none
        if last == HeldLines.none { first = line } else { lines[last].next = line }
        last = line
    }

    /// Removes the first line and returns it; nil when the list is empty.
    mutating func removeFirst(in lines: HeldLines) -> Int32? {
        guard first != HeldLines.none else { return nil }
        let line = first
        first = lines[line].next
        if first == HeldLines.none { last = HeldLines.none }
        return line
    }

    mutating func removeAll() {
        first = HeldLines.none
        last = HeldLines.none
    }

    /// The lines in order. The list must not change while they are read (releasing a line does not).
    func handles(in lines: HeldLines) -> Handles { Handles(upcoming: first, lines: lines) }

    struct Handles: Sequence, IteratorProtocol {
        fileprivate var upcoming: Int32
        // The store outlives a walk of one of its lists: no retain and release per walk.
        fileprivate unowned(unsafe) let lines: HeldLines

        mutating func next() -> Int32? {
            guard upcoming != HeldLines.none else { return nil }
            let line = upcoming
            upcoming = lines[line].next
            return line
        }
    }
}
