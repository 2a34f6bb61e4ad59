/// Lines a correlator holds until it knows their verdict, in arrival order, and the ones it has settled
/// since its caller last looked. Shared by the correlators that must wait for a later line.
struct HeldQueue {
    /// A held line settles on its own after this long (in log time, either way: clocks jump back).
    static let expirySeconds: Int64 = 600
    /// Beyond this many held lines the oldest settle, so memory stays bounded whatever the log's clock does.
    static let limit = 50_000

    /// A struct, not a tuple: a tuple element is destroyed through the runtime's generic tuple witness.
    /// `line` is nil once the line is released: the queue keeps its place (the limit counts it, as before)
    /// but not the line, so a settled line and its copy are freed as soon as the sink has it, not when every
    /// older line has settled (in a burst of attacks that was up to `limit` lines, 40 MB per reader).
    private struct Entry {
        var key: UInt64
        var line: HeldLine?
    }

    private var queue = FIFO<Entry>()
    /// Entries removed from the front so far: an entry's place in `queue` is its sequence number less this.
    private var removedEntries = 0
    private(set) var released: [HeldLine] = []

    var isOverLimit: Bool { queue.count > HeldQueue.limit }

    mutating func add(_ line: HeldLine, key: UInt64) {
        line.queueSequence = removedEntries + queue.count
        queue.append(Entry(key: key, line: line))
    }

    /// Records that `line` now has its verdict; the queue lets go of it.
    mutating func release(_ line: HeldLine, _ verdict: Verdict) {
        line.resolve(verdict)
        released.append(line)
        let place = line.queueSequence - removedEntries
        if place >= 0 && place < queue.count && queue[place].line === line { queue[place].line = nil }
    }

    private mutating func removeFirst() {
        queue.removeFirst()
        removedEntries += 1
    }

    /// Hands each line settled since the last call to `body`, without allocating.
    mutating func drainReleased(_ body: (HeldLine) -> Void) {
        guard !released.isEmpty else { return }
        for line in released { body(line) }
        released.removeAll(keepingCapacity: true)
    }

    /// The oldest held line that is still open and must settle now: `all` of them (the input ended), or
    /// one that is more than `expirySeconds` from `now`, or any while the queue is over its limit. Settled
    /// lines are dropped from the front on the way.
    mutating func nextToSettle(around now: Int64?, all: Bool = false) -> (key: UInt64, line: HeldLine)? {
        while let entry = queue.first {
            guard let line = entry.line, !line.isResolved else {
                removeFirst()
                continue
            }
            if !all && !isOverLimit {
                guard let now, let seen = line.line.time?.seconds, abs(now - seen) > HeldQueue.expirySeconds else {
                    return nil
                }
            }
            removeFirst()
            return (entry.key, line)
        }
        return nil
    }
}

/// What a correlator makes of a line at once.
public enum CorrelationOutcome {
    case decided(Verdict)
    /// The caller must hold the line with `hold(_:key:)`; its verdict comes later.
    case pending(key: UInt64)
}

/// Counts attempts, not lines, for one service: lines that report the same attempt are folded.
protocol Correlator {
    /// Whether lines of `role` need this correlator; the others are decided by `Correlators` alone.
    static func handles(_ role: AttemptRole) -> Bool
    /// `count` is the attempts or occurrences the line reports (`message repeated N times` included).
    mutating func classify(_ parsed: ParsedMessage, role: AttemptRole, count: Int, line: SyslogLine) -> CorrelationOutcome
    mutating func hold(_ line: HeldLine, key: UInt64)
    /// Hands each held line settled since the last call to `body`.
    mutating func drainReleased(_ body: (HeldLine) -> Void)
    /// The input ended: every held line settles.
    mutating func finish()
}

extension Correlator {
    mutating func hold(_ line: HeldLine, key: UInt64) {}
    mutating func drainReleased(_ body: (HeldLine) -> Void) {}
    mutating func finish() {}
}

/// A correlator that holds lines: it keeps them per key and settles a key's lines when they expire or the
/// input ends; the queue, expiry and release bookkeeping live here once.
protocol HoldingCorrelator: Correlator {
    var heldQueue: HeldQueue { get set }
    /// Keeps `line` with the others of `key` until it is settled.
    mutating func remember(_ line: HeldLine, key: UInt64)
    /// Settles every held line of `key` as counted.
    mutating func settle(_ key: UInt64)
}

extension HoldingCorrelator {
    mutating func hold(_ line: HeldLine, key: UInt64) {
        remember(line, key: key)
        heldQueue.add(line, key: key)
        settleExpired(around: nil)
    }

    mutating func drainReleased(_ body: (HeldLine) -> Void) { heldQueue.drainReleased(body) }

    mutating func finish() {
        while let (key, _) = heldQueue.nextToSettle(around: nil, all: true) { settle(key) }
    }

    mutating func settleExpired(around now: Int64?) {
        while let (key, _) = heldQueue.nextToSettle(around: now) { settle(key) }
    }
}

/// Hashes for correlation keys.
enum CorrelationKey {
    static func address(_ peer: Peer?) -> UInt64? {
        guard case .ip(let ip)? = peer else { return nil }
        return ip.high &* 0x9E37_79B9_7F4A_7C15 ^ ip.low
    }

    static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        (a ^ 0x5851_F42D_4C95_7F2D) &* 0x9E37_79B9_7F4A_7C15 ^ b
    }
}
