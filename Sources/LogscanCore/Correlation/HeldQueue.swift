/// The lines a correlator holds until it knows their verdict, in arrival order: it settles them when they
/// expire or the queue is over its limit, and hands the ones it releases to the pipeline through
/// `HeldLines.released`. Shared by the correlators that must wait for a later line.
struct HeldQueue {
    /// A held line settles on its own after this long (in log time, either way: clocks jump back).
    static let expirySeconds: Int64 = 600
    /// Beyond this many held lines the oldest settle, so memory stays bounded whatever the log's clock does.
    static let limit = 50_000

    /// `line` is `HeldLines.none` once the line is released: the queue keeps its place (the limit counts
    /// it, as before) but not the line, so a settled line's slot is free as soon as the sink has it, not
    /// when every older line has settled (in a burst of attacks that was up to `limit` lines).
    private struct Entry {
        var key: UInt64
        var line: Int32
        /// The line's time in seconds, `noTime` without one: the check before every line reads it here,
        /// not through the line's slot.
        var seen: Int64
    }

    private static var noTime: Int64 { .min }

    /// Where the held lines are (one store per pipeline, shared by its correlators).
    let lines: HeldLines
    private var queue = RawRing(filler: Entry(key: 0, line: HeldLines.none, seen: HeldQueue.noTime))
    /// Entries removed from the front so far: an entry's place in `queue` is its sequence number less this.
    private var removedEntries = 0

    init(lines: HeldLines) { self.lines = lines }

    var isOverLimit: Bool { queue.count > HeldQueue.limit }

    /// Inlined into `HoldingCorrelator.hold`, its one caller: as a call it cost a frame of its own per held line.
    @inline(__always)
    mutating func add(_ line: Int32, key: UInt64) {
        lines[line].queueSequence = removedEntries + queue.count
        queue.append(Entry(key: key, line: line, seen: lines[line].line.time?.seconds ?? HeldQueue.noTime))
    }

    /// Records that `line` now has its verdict; the queue lets go of it.
    mutating func release(_ line: Int32, _ verdict: Verdict) {
        lines[line].resolve(verdict)
        lines.released.append(line)
        let place = lines[line].queueSequence - removedEntries
        if place >= 0 && place < queue.count && queue[place].line == line { queue[place].line = HeldLines.none }
    }

    /// True when `nextToSettle(around: now)` would find nothing and change nothing: the queue is empty, or
    /// its first entry is an open line within `expirySeconds` of `now` and the queue is within its limit.
    /// Checked inline before every line's `settleExpired`, which then mostly costs no call. An entry that
    /// still names its line is open: only `release` resolves a held line, and it clears the line's entry
    /// (so the line's `isResolved` is not read here: ~2 instructions a line, round five).
    @inline(__always)
    func hasNothingToSettle(around now: Int64?) -> Bool {
        guard let entry = queue.first else { return true }
        guard entry.line != HeldLines.none, !isOverLimit else { return false }
        guard let now, entry.seen != HeldQueue.noTime else { return true }
        return abs(now - entry.seen) <= HeldQueue.expirySeconds
    }

    private mutating func removeFirst() {
        queue.removeFirst()
        removedEntries += 1
    }

    /// Drops the released entries at the front, so the next line's `hasNothingToSettle` finds the first open
    /// one and costs no `settleDue` call (12,933 calls on the auth cut before, round six, second pass). The
    /// pipeline's, after it takes the released lines: `release` cannot do it, as any store into the queue
    /// there made `SshdCorrelator.settleHeld` retain and release the store around its walk (+0.8 M).
    @inline(__always)
    mutating func dropReleasedFront() {
        while let entry = queue.first, entry.line == HeldLines.none { removeFirst() }
    }

    /// The oldest held line that is still open and must settle now: `all` of them (the input ended), or
    /// one that is more than `expirySeconds` from `now`, or any while the queue is over its limit. Settled
    /// lines are dropped from the front on the way.
    mutating func nextToSettle(around now: Int64?, all: Bool = false) -> (key: UInt64, line: Int32)? {
        while let entry = queue.first {
            guard entry.line != HeldLines.none else {
                removeFirst()
                continue
            }
            assert(!lines[entry.line].isResolved, "a held line resolved other than by HeldQueue.release")
            if !all && !isOverLimit {
                guard let now, entry.seen != HeldQueue.noTime, abs(now - entry.seen) > HeldQueue.expirySeconds else {
                    return nil
                }
            }
            removeFirst()
            return (entry.key, entry.line)
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
    /// `event` holds the line and its parse; it is read, never changed: `inout` only so it is passed by address
    /// from where the pipeline keeps it (a borrowed 120-byte parse was copied for each call from memory the
    /// caller can change: measured, round six, 16 instructions a recognised line; the 72-byte line passed by
    /// value was stored on the stack for the call, then copied again into the sink's event: round seven).
    mutating func classify(_ event: inout Event, role: AttemptRole, count: Int) -> CorrelationOutcome
    /// Holds the line kept as `line` in the pipeline's `HeldLines` (after a `.pending` outcome).
    mutating func hold(_ line: Int32, key: UInt64)
    /// The input ended: every held line settles.
    mutating func finish()
}

extension Correlator {
    mutating func hold(_ line: Int32, key: UInt64) {}
    mutating func finish() {}
}

/// A correlator that holds lines: it keeps them per key and settles a key's lines when they expire or the
/// input ends; the queue and expiry bookkeeping live here once.
protocol HoldingCorrelator: Correlator {
    var heldQueue: HeldQueue { get set }
    /// Keeps `line` with the others of `key` until it is settled.
    mutating func remember(_ line: Int32, key: UInt64)
    /// Settles every held line of `key` as counted.
    mutating func settle(_ key: UInt64)
}

extension HoldingCorrelator {
    mutating func hold(_ line: Int32, key: UInt64) {
        remember(line, key: key)
        heldQueue.add(line, key: key)
        settleExpired(around: nil)
    }

    mutating func finish() {
        while let (key, _) = heldQueue.nextToSettle(around: nil, all: true) { settle(key) }
    }

    @inline(__always)
    mutating func settleExpired(around now: Int64?) {
        if !heldQueue.hasNothingToSettle(around: now) { settleDue(around: now) }
    }

    /// `settleExpired`'s walk, out of line: inlined, its queue pops and the protocol's accessor for the
    /// queue sat in every caller's body (and took registers there) for the few lines that settle something.
    @inline(never)
    mutating func settleDue(around now: Int64?) {
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
