import LogscanCore

/// One part of `logscan events`' output (a file, or a chunk of a large plain file), printed on any core and
/// written in input order. From its turn on (all parts before it written), its lines go straight out.
/// Before, they are kept compactly in an `EventRecordLog` (about 20 bytes a line, a tenth of their JSON),
/// and written when the turn comes: the part looks every `turnCheckInterval` lines, and a part whose reading
/// ends first leaves its writing to the core that passes the part before it, so neither core waits. Only
/// when the waiting parts together keep `keptLimit` bytes does a part wait for its turn, so memory stays
/// bounded whatever the input.
public struct OrderedEventPart: EventSink, @unchecked Sendable {
    /// About 600,000 lines (a day of a busy auth.log prints 130,000 events, a 48 MB chunk about 330,000):
    /// enough for one core to run a unit or two ahead of the other. A core that runs further ahead (the
    /// other one starved of CPU on a loaded machine, or stuck in a much longer unit) waits instead of
    /// keeping more: 64 MB let the peak RSS of the 1 GB corpus reach 133 MB under load, 1 MB kept it at 99.
    public static let keptLimit = 12 << 20
    static let turnCheckInterval = 4096

    private var writer: EventLineWriter
    private let index: Int
    private let turns: OutputTurns
    /// The lines kept until the turn comes; nil from the turn on.
    private var kept: EventRecordLog?
    private var untilTurnCheck = OrderedEventPart.turnCheckInterval

    /// `fd`: where the whole output goes.
    public init(index: Int, turns: OutputTurns, fd: Int32 = 1, zone: Zone, includeUnmatched: Bool) {
        self.index = index
        self.turns = turns
        writer = EventLineWriter(output: OutputBuffer(fd: fd), zone: zone, includeUnmatched: includeUnmatched)
        kept = turns.isTurn(of: index) ? nil : EventRecordLog()
    }

    public var needsInputOrder: Bool { true }
    public var wantsUnmatched: Bool { writer.includeUnmatched }

    public mutating func beginInput(_ source: InputSource) { writer.beginInput(source) }

    public mutating func record(_ event: Event) {
        put(EventLine(event))
    }

    public mutating func unmatched(_ line: SyslogLine, raw: Bytes, service: Service?, lineNumber: Int) {
        put(EventLine(unmatched: line, raw: raw, service: service, lineNumber: lineNumber))
    }

    @inline(__always)
    private mutating func put(_ line: EventLine) {
        guard let kept else { return writer.write(line) }
        let mapped = kept.append(line)
        untilTurnCheck -= 1
        if mapped > 0 && turns.keep(mapped) > OrderedEventPart.keptLimit {
            turns.wait(for: index)
            writeKept()
        } else if untilTurnCheck <= 0 {
            untilTurnCheck = OrderedEventPart.turnCheckInterval
            if turns.isTurn(of: index) { writeKept() }
        }
    }

    /// Writes the lines kept so far; from now on lines go straight out.
    private mutating func writeKept() {
        guard let log = kept else { return }
        kept = nil
        let mapped = log.mappedBytes
        log.drain { writer.write($0) }
        turns.keep(-mapped)
    }

    /// Writes what is left once the parts before it are written (here, or on the core that passes the part
    /// before it), and lets the next part go.
    public mutating func finish() {
        var part = self
        turns.finish(index) {
            part.writeKept()
            part.writer.output.flush()
        }
    }
}
