/// The pipeline over a journal input: journalctl's entries go through the same range check, dispatch,
/// parsers, correlators and sink as lines, without the syslog header parse (the journal has the fields).
extension Scanner {
    func scanJournal<Sink: EventSink>(_ source: InputSource, into sink: Sink) -> (Sink, FileResult) {
        if let slice = source.journalSlice { return scanJournalSlice(source, slice, into: sink) }
        defer { progress?.finishFile() }
        var sink = sink
        sink.beginInput(source)
        var processor = LineProcessor(registry: registry, range: range, zone: zone, reference: .now, sink: sink)
        let reader = JournalReader(query: JournalQuery(registry: registry, extraMatches: journalMatches),
                                   range: range, progress: progress)
        let read = reader.forEachEntry(of: source) { processor.process($0, raw: $1) }
        processor.finish()
        return (processor.sink, FileResult(source: source, stats: processor.stats, read: read))
    }
}
