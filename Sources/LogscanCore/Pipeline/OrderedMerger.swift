import Synchronization

/// Merges per-input aggregators in input order as they arrive from parallel workers: the result is the
/// same as a sequential run's (first samples, file list), and an aggregator waits only until the ones
/// before it are in.
final class OrderedMerger: Sendable {
    private struct State {
        var total: Aggregator
        var run: ScanRun
        var next = 0
        var waiting: [Int: (Aggregator, FileResult)] = [:]
    }

    private let state: Mutex<State>

    init(total: Aggregator, run: ScanRun) {
        state = Mutex(State(total: total, run: run))
    }

    func deliver(_ index: Int, _ aggregator: Aggregator, _ result: FileResult) {
        state.withLock { state in
            state.waiting[index] = (aggregator, result)
            while let (ready, readyResult) = state.waiting.removeValue(forKey: state.next) {
                state.total.merge(ready)
                state.run.add(readyResult)
                state.next += 1
            }
        }
    }

    func finish() -> (Aggregator, ScanRun) {
        state.withLock { ($0.total, $0.run) }
    }
}
