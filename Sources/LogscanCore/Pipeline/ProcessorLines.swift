/// A whole input's lines into a `LineProcessor`, each gzip member's end noted in a ledger: what
/// `Scanner.scan` and `Scanner.aggregateFile` read a file with. A consumer type rather than closures, so
/// `LineSplitter` is specialised for it and each line is a direct call to `process` (see `LineConsumer`).
@usableFromInline
struct ProcessorLines<Sink: EventSink>: LineConsumer {
    @usableFromInline var processor: LineProcessor<Sink>
    var ledger = GzipMemberLedger()
    /// True when the lines reach the output as they are read (`events` printed them), so a failed member
    /// is only reported; false when each member's lines go into a sink of their own (`aggregateFile`).
    let counted: Bool
    /// What else a member's end does, with the processor's sink: `aggregateFile` keeps an intact member's
    /// sink and starts a fresh one. Called once a member, never a line.
    let memberDone: (GzipMemberEnd, inout Sink) -> Void

    @inlinable
    mutating func take(_ line: Bytes, length: Int, cut: Bool) -> Bool {
        processor.process(line)
        return true
    }

    @usableFromInline
    mutating func memberEnded(_ end: GzipMemberEnd) {
        ledger.note(end, linesSoFar: processor.stats.lines, counted: counted)
        memberDone(end, &processor.sink)
    }
}
