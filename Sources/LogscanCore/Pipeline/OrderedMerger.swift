import CByteScan
import Synchronization

/// Merges per-input sinks (aggregators) in input order as they arrive from parallel workers: the result is the
/// same as a sequential run's (first samples, file list), and an aggregator waits only until the ones
/// before it are in.
final class OrderedMerger<Sink: MergeableSink>: Sendable {
    private struct State {
        var total: Sink
        var run: ScanRun
        var next = 0
        var waiting: [Int: (Sink, FileResult, Bool)] = [:]
    }

    private let state: Mutex<State>

    init(total: Sink, run: ScanRun) {
        state = Mutex(State(total: total, run: run))
        logscan_malloc_return_freed_memory()
    }

    /// `continuesFile`: the result is a later chunk of the previous unit's file.
    func deliver(_ index: Int, _ aggregator: Sink, _ result: FileResult, continuesFile: Bool = false) {
        state.withLock { state in
            state.waiting[index] = (aggregator, result, continuesFile)
            while let (ready, readyResult, continues) = state.waiting.removeValue(forKey: state.next) {
                state.total.merge(ready)
                if continues { state.run.extendLast(readyResult) } else { state.run.add(readyResult) }
                state.next += 1
                // The total holds the start of the run: nothing will be merged before it.
                state.total.forgetEarlierNeeds()
            }
        }
        // The merged aggregator's tables were just freed: hand their pages back, so the peak is the
        // aggregate's size rather than the aggregate plus what malloc's per-thread arenas keep.
        _ = logscan_malloc_trim(0)
    }

    func finish() -> (Sink, ScanRun) {
        state.withLock { ($0.total, $0.run) }
    }
}
