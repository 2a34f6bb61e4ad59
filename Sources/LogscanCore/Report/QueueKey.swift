/// A postfix queue id as a key of the in-flight tables (`MailTraffic.InFlight`, looked up on most postfix
/// lines): its bytes in three words and their count in a byte, so the key is trivially copyable (no array to
/// retain, copy or release with each key). Postfix's ids are shorter (a long id is 6 + 4 time characters, `z`
/// and an inode number of at most 12 base-51 digits) and `PostfixQueueLines.queueIDEnd` reads none longer
/// than 24 bytes: a longer byte string is not an id and makes no key. It hashes like `IPAddress`
/// (`MixedKey`'s finalizer over the words, the count and the table's seed), so ids an attacker forges (any
/// local user can log as `postfix/qmgr`) cannot be made to collide.
struct QueueKey: Hashable, Sendable {
    /// The longest id a key holds.
    static let maximumLength = 24

    /// The id's bytes, first byte lowest, zero past its end.
    private let first: UInt64
    private let second: UInt64
    private let third: UInt64
    private let count: UInt8

    /// nil for a byte string longer than `maximumLength`.
    @inline(__always)
    init?(_ id: Bytes) {
        guard id.count <= QueueKey.maximumLength else { return nil }
        var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &words) { raw in raw.baseAddress!.copyMemory(from: id.base, byteCount: id.count) }
        (first, second, third) = words
        count = UInt8(truncatingIfNeeded: id.count)
    }

    func _rawHashValue(seed: Int) -> Int {
        let words = UInt64(UInt(bitPattern: MixedKey.hash(first, second, seed: seed)))
        return Int(truncatingIfNeeded: MixedKey.mix(MixedKey.mix(words ^ third) ^ UInt64(count)))
    }
}
