import LogscanCore

/// Whether one address made `threshold` attempts within `window` of log time, kept in a few entries and
/// mergeable in input order (a monoid), so files, chunks and parallel workers give the answer one sequential
/// read would.
///
/// An address that has not yet qualified has fewer than `threshold` attempts in any window, so keeping only
/// its attempts near its earliest time (the head: up to `window + slack` after it) and near its latest (the
/// tail: up to `window + slack` before it) holds at most a few times `threshold` entries, whatever the input.
/// Merging A then B looks for a window in A's entries together with B's: a window that spans the boundary
/// holds only A's latest and B's earliest attempts, which are kept. Once qualified, the entries are dropped.
///
/// Log time may go backwards a little: correlated lines reach the sink when their connection settles (up to
/// ten minutes later), and syslog from several processes is not strictly ordered. An attempt up to `slack`
/// older than the latest one kept is placed exactly; an older one is still checked against what is kept
/// (it can complete a window, never invent one), so the answer is exact whenever time goes back by less
/// than `slack` within a file and across consecutive files or chunks.
public struct AttemptWindow: Sendable {
    /// The policy's numbers, passed in rather than stored per address.
    public struct Rule: Sendable {
        public var threshold: Int
        public var windowMicros: Int64
        /// How far log time may go backwards and still be placed exactly (see the type's note).
        public var slackMicros: Int64

        public static let defaultSlackMicros: Int64 = 15 * 60 * 1_000_000

        public init(threshold: Int, windowSeconds: Int64, slackMicros: Int64 = Rule.defaultSlackMicros) {
            self.threshold = threshold
            self.windowMicros = windowSeconds * 1_000_000
            self.slackMicros = slackMicros
        }

        /// The stretch next to either end of what is kept that a later merge or a late line may still need.
        var reachMicros: Int64 { windowMicros &+ slackMicros }
    }

    /// Attempts at one time (a line reporting several attempts has a weight above 1).
    struct Entry: Equatable, Sendable {
        var micros: Int64
        var weight: Int
    }

    /// The only entry while there is one (`Int64.min`: none; `Int64.max`: qualified), so the many addresses
    /// seen at one time only need no array; from the second distinct time on, every entry is in `many`.
    /// 20 bytes in all, the 4-byte field last, so a 4-byte field after the window packs with it (see
    /// `BanTally.CountedAttempts`): a million addresses are a million of these.
    private var singleMicros = Int64.min
    /// Sorted by time, one entry per distinct time; empty once qualified.
    private var many: [Entry] = []
    private var singleWeight: Int32 = 0

    public init() {}

    private static let qualifiedMark = Int64.max

    public var qualified: Bool { singleMicros == Self.qualifiedMark }

    /// What is kept, in time order.
    var entries: [Entry] { singleMicros == .min || qualified ? many : [Entry(micros: singleMicros, weight: Int(singleWeight))] }

    /// Adds `weight` attempts made at `time`.
    public mutating func add(at time: Instant, weight: Int, rule: Rule) {
        guard !qualified, weight > 0 else { return }
        guard weight < rule.threshold else { return qualify() }
        let micros = time.micros
        if many.isEmpty {
            if singleMicros == .min || singleMicros == micros {
                let total = singleMicros == .min ? weight : Int(singleWeight).addingSaturated(weight)
                guard total < rule.threshold else { return qualify() }
                singleWeight = Int32(total)
                singleMicros = micros
                return
            }
            many = [Entry(micros: singleMicros, weight: Int(singleWeight))]
            singleMicros = .min
        }
        var index = many.count
        while index > 0 && many[index - 1].micros > micros { index -= 1 }
        if index > 0 && many[index - 1].micros == micros {
            many[index - 1].weight = many[index - 1].weight.addingSaturated(weight)
        } else {
            many.insert(Entry(micros: micros, weight: weight), at: index)
        }
        if Self.anyWindow(many, rule: rule, around: micros) { return qualify() }
        prune(rule: rule)
    }

    /// Adds the attempts of `later`, which read the input after this one.
    public mutating func merge(_ later: AttemptWindow, rule: Rule) {
        guard !qualified else { return }
        guard !later.qualified else { return qualify() }
        let mine = entries, theirs = later.entries
        guard !theirs.isEmpty else { return }
        guard !mine.isEmpty else {
            self = later
            return
        }
        var merged: [Entry] = []
        merged.reserveCapacity(mine.count + theirs.count)
        var i = 0, j = 0
        while i < mine.count || j < theirs.count {
            let next: Entry
            if j == theirs.count || (i < mine.count && mine[i].micros <= theirs[j].micros) {
                next = mine[i]
                i += 1
            } else {
                next = theirs[j]
                j += 1
            }
            if let last = merged.last, last.micros == next.micros {
                merged[merged.count - 1].weight = last.weight.addingSaturated(next.weight)
            } else {
                merged.append(next)
            }
        }
        if Self.anyWindow(merged, rule: rule, around: nil) { return qualify() }
        if merged.count == 1 {
            singleMicros = merged[0].micros
            singleWeight = Int32(clamping: merged[0].weight)
            many = []
        } else {
            singleMicros = .min
            many = merged
            prune(rule: rule)
        }
    }

    private mutating func qualify() {
        singleMicros = Self.qualifiedMark
        many = []
    }

    /// Drops the entries no later attempt or merge can need: those beyond reach of both ends.
    private mutating func prune(rule: Rule) {
        guard let first = many.first?.micros, let last = many.last?.micros else { return }
        let headEnd = first &+ rule.reachMicros
        let tailStart = last &- rule.reachMicros
        guard headEnd < tailStart else { return }
        many.removeAll { $0.micros > headEnd && $0.micros < tailStart }
    }

    /// True when some stretch of `windowMicros` (both ends included) holds `threshold` attempts; with
    /// `around`, only stretches that contain that time are looked at.
    static func anyWindow(_ entries: [Entry], rule: Rule, around: Int64?) -> Bool {
        var low = 0, high = entries.count
        if let around {
            while low < high && entries[low].micros < around &- rule.windowMicros { low += 1 }
            while high > low && entries[high - 1].micros > around &+ rule.windowMicros { high -= 1 }
        }
        var sum = 0
        var start = low
        for end in low..<high {
            sum = sum.addingSaturated(entries[end].weight)
            while entries[end].micros &- entries[start].micros > rule.windowMicros {
                sum -= entries[start].weight
                start += 1
            }
            if sum >= rule.threshold { return true }
        }
        return false
    }
}

extension Int {
    /// Counts saturate, never trap.
    func addingSaturated(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }
}
