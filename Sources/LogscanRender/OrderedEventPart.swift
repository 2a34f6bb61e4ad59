import LogscanCore

/// One part of `logscan events`' output (a file, or a chunk of a large plain file), printed on any core and
/// written in input order. It keeps input order itself (`keepsInputOrder`): the pipeline hands it every line
/// at once, a line whose verdict is still open (an sshd precursor waiting up to ten minutes of log time for
/// its `Failed …` line) as an open place filled in later. From its turn on (all parts before it written),
/// lines go straight out unless an open line is ahead of them. Otherwise they wait in an `EventRecordLog`
/// (about 20 bytes a line, a tenth of their JSON) and are written as soon as the lines before them are
/// settled and the turn has come: the part looks for its turn every `turnCheckInterval` lines, and a part
/// whose reading ends first leaves its writing to the core that passes the part before it, so neither core
/// waits. Only when the waiting parts together keep `keptLimit` bytes does a part wait for its turn, so
/// memory stays bounded whatever the input.
public struct OrderedEventPart: EventSink, @unchecked Sendable {
    /// About 600,000 lines (a day of a busy auth.log prints 130,000 events, a 48 MB chunk about 330,000):
    /// enough for one core to run a unit or two ahead of the other. A core that runs further ahead (the
    /// other one starved of CPU on a loaded machine, or stuck in a much longer unit) waits instead of
    /// keeping more: 64 MB let the peak RSS of the 1 GB corpus reach 133 MB under load, 1 MB kept it at 99.
    /// (Lines kept behind an open line once the turn has come count too, but cannot be written sooner:
    /// the correlators bound them, to ten minutes of log time and 50,000 open lines.)
    public static let keptLimit = 12 << 20
    static let turnCheckInterval = 4096

    private var writer: EventLineWriter
    private let index: Int
    private let turns: OutputTurns
    /// The lines waiting, behind an open one or for the turn.
    private let kept = EventRecordLog()
    private var hasTurn: Bool
    /// True while lines go straight out: the turn has come and no line waits.
    private var writesThrough: Bool
    private var untilTurnCheck = OrderedEventPart.turnCheckInterval

    /// `fd`: where the whole output goes.
    public init(index: Int, turns: OutputTurns, fd: Int32 = 1, zone: Zone, includeUnmatched: Bool) {
        self.index = index
        self.turns = turns
        writer = EventLineWriter(output: OutputBuffer(fd: fd), zone: zone, includeUnmatched: includeUnmatched)
        hasTurn = turns.isTurn(of: index)
        writesThrough = hasTurn
    }

    public var needsInputOrder: Bool { true }
    public var keepsInputOrder: Bool { true }
    public var wantsUnmatched: Bool { writer.includeUnmatched }

    public mutating func beginInput(_ source: InputSource) { writer.beginInput(source) }

    public mutating func record(_ event: inout Event) {
        put(EventLine(&event))
    }

    public mutating func unmatched(_ line: SyslogLine, raw: Bytes, service: Service?, lineNumber: Int) {
        put(EventLine(unmatched: line, raw: raw, service: service, lineNumber: lineNumber))
    }

    public mutating func open(_ event: inout Event) -> Int {
        let (place, mapped) = kept.appendOpen(EventLine(&event))
        writesThrough = false
        counted(mapped)
        return place
    }

    public mutating func settle(_ place: Int, with event: inout Event) {
        kept.settle(place, EventLine(&event))
        if hasTurn { writeSettled() }
    }

    @inline(__always)
    private mutating func put(_ line: EventLine) {
        if writesThrough { return writer.write(line) }
        counted(kept.append(line))
    }

    /// After each line kept: shares the bytes newly mapped with the other parts, and looks for the turn.
    @inline(__always)
    private mutating func counted(_ mapped: Int) {
        if mapped > 0 && turns.keep(mapped) > OrderedEventPart.keptLimit && !hasTurn {
            turns.wait(for: index)
            takeTurn()
        }
        guard !hasTurn else { return }
        untilTurnCheck -= 1
        if untilTurnCheck <= 0 {
            untilTurnCheck = OrderedEventPart.turnCheckInterval
            if turns.isTurn(of: index) { takeTurn() }
        }
    }

    private mutating func takeTurn() {
        hasTurn = true
        writeSettled()
    }

    /// Writes the lines kept up to the first one still open.
    private mutating func writeSettled() {
        let unmapped = kept.drain { writer.write($0) }
        if unmapped > 0 { turns.keep(-unmapped) }
        writesThrough = hasTurn && kept.isEmpty
    }

    /// Writes what is left once the parts before it are written (here, or on the core that passes the part
    /// before it), and lets the next part go. Every line is settled by now (`LineProcessor.finish`).
    public mutating func finish() {
        var part = self
        turns.finish(index) {
            part.writeSettled()
            part.turns.keep(-part.kept.release())
            part.writer.output.flush()
        }
    }
}
