#if canImport(Glibc)
import Glibc
#endif

/// Whose turn it is to write, among parts of one output made in parallel and written in input order: part
/// `i` may write once parts `0..<i` have passed. Parts are handed to the cores in increasing order and a
/// part only ever waits for earlier ones, so the earliest unfinished part never waits.
public final class OutputTurns: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// Guarded by `mutex`.
    private var next = 0

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

    /// Blocks until every part before `index` has passed.
    public func wait(for index: Int) {
        pthread_mutex_lock(mutex)
        while next < index { pthread_cond_wait(changed, mutex) }
        pthread_mutex_unlock(mutex)
    }

    /// Part `index` is written: the next one may go.
    public func pass(_ index: Int) {
        pthread_mutex_lock(mutex)
        next = index + 1
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(mutex)
    }
}
