#if canImport(Glibc)
import Glibc
#endif

/// Whose turn it is to write, among parts of one output made in parallel and written in input order: part
/// `i` may write once parts `0..<i` have passed. Parts are handed to the cores in increasing order and a
/// part only ever waits for earlier ones, so the earliest unfinished part never waits.
///
/// A part whose reading ends before its turn need not wait either: it leaves its writing here
/// (`finish(_:write:)`), and the core that passes the part before it does that writing, then passes it on.
/// The parts also share one count of the bytes they keep while waiting (`keep(_:)`), so a part can wait
/// for its turn instead of keeping more when the parts together keep too much.
public final class OutputTurns: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// Guarded by `mutex`: the first part not yet passed, the writing left by parts whose turn had not
    /// come, and the bytes kept by waiting parts.
    private var next = 0
    private var leftWriting: [Int: () -> Void] = [:]
    private var keptBytes = 0

    public init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(changed, nil)
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        changed.deallocate()
    }

    private func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }

    /// True when every part before `index` has passed.
    public func isTurn(of index: Int) -> Bool { locked { next >= index } }

    /// Blocks until every part before `index` has passed.
    public func wait(for index: Int) {
        pthread_mutex_lock(mutex)
        while next < index { pthread_cond_wait(changed, mutex) }
        pthread_mutex_unlock(mutex)
    }

    /// Adds `bytes` (negative: releases) to what the waiting parts keep; returns the new total.
    @discardableResult
    public func keep(_ bytes: Int) -> Int {
        locked {
            keptBytes += bytes
            return keptBytes
        }
    }

    /// Part `index` is read: `write` runs now if its turn has come, else on the core that passes the part
    /// before it. Then the part passes, and so do the parts after it that were left waiting.
    public func finish(_ index: Int, write: @escaping () -> Void) {
        let now = locked { () -> Bool in
            if next >= index { return true }
            leftWriting[index] = write
            return false
        }
        guard now else { return }
        write()
        pass(index)
    }

    /// Part `index` is written: the next one may go, written here first if it was left waiting.
    public func pass(_ index: Int) {
        var passing = index
        while let write = locked({ () -> (() -> Void)? in
            next = passing + 1
            pthread_cond_broadcast(changed)
            return leftWriting.removeValue(forKey: passing + 1)
        }) {
            write()
            passing += 1
        }
    }
}
