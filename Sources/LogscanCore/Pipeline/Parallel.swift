import Dispatch

/// Work spread over all cores.
enum Parallel {
    /// Runs `body` for every item, with the item's index, on all cores.
    static func forEach<T: Sendable>(_ items: [T], _ body: @Sendable (Int, T) -> Void) {
        guard items.count > 1 else {
            for (index, item) in items.enumerated() { body(index, item) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: items.count) { body($0, items[$0]) }
    }
}
