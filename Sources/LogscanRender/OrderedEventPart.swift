import LogscanCore

/// One part of `logscan events`' output (a file, or a chunk of a large plain file), printed on any core and
/// written in input order. Until the parts before it are written, its lines wait in memory; past
/// `waitingLimit` bytes its core waits for its turn, so memory stays bounded whatever the input. From its
/// turn on, its lines go straight out.
///
/// The limit holds most of a part's output (a day of a busy auth.log, 30 MB, prints about
/// 38 MB of events; a 48 MB chunk about 60 MB), so the cores seldom wait for each other; 8 MB made them
/// take turns on the 1 GB corpus, 64 MB took events to 190–210 MB peak RSS.
public struct OrderedEventPart: EventSink, @unchecked Sendable {
    public static let waitingLimit = 32 << 20

    private var writer: EventLineWriter
    private let index: Int
    private let turns: OutputTurns
    private var hasTurn = false

    /// `fd`: where the whole output goes.
    public init(index: Int, turns: OutputTurns, fd: Int32 = 1, zone: Zone, includeUnmatched: Bool) {
        self.index = index
        self.turns = turns
        writer = EventLineWriter(output: OutputBuffer(fd: fd, collecting: true), zone: zone,
                                 includeUnmatched: includeUnmatched)
    }

    public var needsInputOrder: Bool { true }

    public mutating func beginInput(_ source: InputSource) { writer.beginInput(source) }

    public mutating func record(_ event: Event) {
        writer.record(event)
        waitIfTooMuchWaits()
    }

    public mutating func unmatched(_ line: SyslogLine, raw: Bytes, service: Service?, lineNumber: Int) {
        writer.unmatched(line, raw: raw, service: service, lineNumber: lineNumber)
        waitIfTooMuchWaits()
    }

    /// Writes what is left once the parts before it are written, and lets the next part go.
    public mutating func finish() {
        takeTurn()
        writer.output.flush()
        turns.pass(index)
    }

    @inline(__always)
    private mutating func waitIfTooMuchWaits() {
        if !hasTurn && writer.output.collectedCount > OrderedEventPart.waitingLimit { takeTurn() }
    }

    private mutating func takeTurn() {
        guard !hasTurn else { return }
        turns.wait(for: index)
        writer.output.stopCollecting()
        hasTurn = true
    }
}
