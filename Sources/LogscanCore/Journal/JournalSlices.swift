#if canImport(Glibc)
import Glibc
#endif

/// journalctl is single-threaded, so one journal (the system's, or a `--journal-dir`) over a long range is
/// cut into time slices, one journalctl per core. Each slice also reads a little before itself and after
/// itself for the correlators only (as a chunk of a large text file does), so a connection cut by the
/// boundary is counted once, by the slice that holds each line.
enum JournalSlices {
    /// A range shorter than this stays whole: a second journalctl would cost more than it saves.
    static let minimumSpanSeconds: Int64 = 3600
    /// Context read before a slice (the correlators give up on a connection after ten minutes) and, at
    /// most, after it (until the slice's own held lines have settled).
    static let contextSeconds: Int64 = 11 * 60

    /// `source` once per slice, or nil when it is read whole.
    static func sources(of source: InputSource, range: TimeRange) -> [InputSource]? {
        slices(of: source, range: range).map { slices in
            slices.enumerated().map { index, times in
                var part = source
                part.journalSlice = JournalSlice(times: times, continuesInput: index > 0)
                return part
            }
        }
    }

    /// The slices of `source` over `range`, or nil when it is read whole (a single journal file, which
    /// `--journal-file` inputs already spread over the cores, or a range without a start).
    static func slices(of source: InputSource, range: TimeRange, cores: Int = onlineCores,
                       now: Instant = .now) -> [Range<Instant>]? {
        guard case .journal(let scope) = source.kind, scope != .file, cores > 1, let since = range.since else { return nil }
        let until = range.until ?? now
        let span = until.micros - since.micros
        guard span >= minimumSpanSeconds * 1_000_000 else { return nil }
        let count = Int64(min(cores, 8))
        var cuts = (0..<count).map { Instant(micros: since.micros + span * $0 / count) }
        cuts.append(range.until ?? Instant(micros: Int64.max))
        return (1..<cuts.count).map { cuts[$0 - 1]..<cuts[$0] }
    }

    static var onlineCores: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}

/// The part of a journal's time range that one journalctl reads; the report adds a later slice's counts to the
/// first slice's input.
public struct JournalSlice: Sendable, Hashable {
    public var times: Range<Instant>
    public var continuesInput: Bool
}

extension Scanner {
    /// Reads one time slice of a journal: the entries just before it and just after it feed the
    /// correlators only.
    func scanJournalSlice<Sink: EventSink>(_ source: InputSource, _ part: JournalSlice, into sink: Sink) -> (Sink, FileResult) {
        var sink = sink
        sink.beginInput(source)
        var processor = LineProcessor(registry: registry, range: range, zone: zone, reference: .now, sink: sink)
        let slice = part.times
        let isFirst = !part.continuesInput
        var reading = TimeRange(since: isFirst ? slice.lowerBound : slice.lowerBound.adding(seconds: -JournalSlices.contextSeconds),
                                until: nil)
        if slice.upperBound.micros < Int64.max {
            let end = slice.upperBound.adding(seconds: JournalSlices.contextSeconds)
            reading.until = range.until.map { min($0, end) } ?? end
        }
        let reader = JournalReader(query: JournalQuery(registry: registry, extraMatches: journalMatches),
                                   range: reading, progress: progress)
        let read = reader.forEachEntry(of: source) { line, raw in
            if let time = line.time {
                processor.recording = slice.contains(time)
                // After the slice, only the slice's own held lines still matter.
                if time >= slice.upperBound && processor.ownedHeldOutstanding == 0 { return }
            }
            processor.process(line, raw: raw)
        }
        processor.recording = true
        processor.finish()
        if slice.upperBound.micros == Int64.max || slice.upperBound == range.until { progress?.finishFile() }
        return (processor.sink, FileResult(source: source, stats: processor.stats, read: read))
    }
}
