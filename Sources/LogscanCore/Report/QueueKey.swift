/// A postfix queue id as a key of the in-flight tables (`MailTraffic.InFlight`, looked up on most postfix
/// lines) without a heap copy: up to 15 bytes live in two words, the count of them in the last byte; only
/// a longer id keeps its bytes past the 15th in an array. It hashes like `IPAddress` (`MixedKey`'s
/// finalizer over the two words and the table's seed; a longer id through `Hasher` with that seed), so ids
/// an attacker forges (any local user can log as `postfix/qmgr`) cannot be made to collide.
struct QueueKey: Hashable, Sendable {
    private let low: UInt64
    private let high: UInt64
    /// The bytes past the 15th, for a longer id.
    private let rest: [UInt8]?

    init(_ id: Bytes) {
        let inline = min(id.count, 15)
        var words: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &words) { raw in
            raw.baseAddress!.copyMemory(from: id.base, byteCount: inline)
            raw[15] = UInt8(inline)
        }
        low = words.0
        high = words.1
        rest = id.count > 15 ? id.suffix(from: 15).array : nil
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(low)
        hasher.combine(high)
        hasher.combine(rest)
    }

    func _rawHashValue(seed: Int) -> Int {
        guard rest == nil else {
            var hasher = Hasher()
            hasher.combine(seed)
            hash(into: &hasher)
            return hasher.finalize()
        }
        return MixedKey.hash(low, high, seed: seed)
    }
}
