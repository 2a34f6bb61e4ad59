/// A whole input's lines into a `LineProcessor`, each gzip member's end noted in a ledger: what
/// `Scanner.scan` reads with. A consumer type rather than closures, so `LineSplitter` is specialised for it
/// and each line is a direct call to `process` (see `LineConsumer`).
@usableFromInline
struct StreamedLines<Sink: EventSink>: LineConsumer {
    @usableFromInline var processor: LineProcessor<Sink>
    var ledger = GzipMemberLedger()

    @inlinable
    mutating func take(_ line: Bytes, length: Int, cut: Bool) -> Bool {
        processor.process(line)
        return true
    }

    /// The member's lines reached the sink as they were read (`events` printed them): a failed member is
    /// only reported.
    @usableFromInline
    mutating func memberEnded(_ end: GzipMemberEnd) {
        ledger.note(end, linesSoFar: processor.stats.lines, counted: true)
    }
}

/// The same for `Scanner.aggregateFile`: each gzip member's lines go into a sink of their own, kept (merged
/// into `intact`) only when the member proves intact.
@usableFromInline
struct MemberCheckedLines<Sink: MergeableSink>: LineConsumer {
    @usableFromInline var processor: LineProcessor<Sink>
    var intact: Sink
    var ledger = GzipMemberLedger()
    /// An empty sink for the next member.
    let fresh: () -> Sink

    @inlinable
    mutating func take(_ line: Bytes, length: Int, cut: Bool) -> Bool {
        processor.process(line)
        return true
    }

    @usableFromInline
    mutating func memberEnded(_ end: GzipMemberEnd) {
        ledger.note(end, linesSoFar: processor.stats.lines, counted: false)
        if end.intact { intact.merge(processor.sink) }
        processor.sink = fresh()
    }
}
