import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// `map` over all cores, keeping the input order of results.
enum ParallelMap {
    static func map<T: Sendable, R>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let slots = UncheckedSendable(results)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            slots.value[index] = transform(items[index])
        }
        return results.map { $0! }
    }
}

extension ParallelMap {
    /// Runs `body` for every item on all cores, with the item's index.
    static func forEach<T: Sendable>(_ items: [T], _ body: @Sendable (Int, T) -> Void) {
        guard items.count > 1 else {
            for (index, item) in items.enumerated() { body(index, item) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: items.count) { body($0, items[$0]) }
    }
}

struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
