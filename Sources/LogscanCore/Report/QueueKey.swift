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

    /// nil for a byte string longer than `maximumLength`. The words are loaded, never read past the id
    /// (`ByteLanes.shortWord` for the last one): a `copyMemory` into a zeroed tuple was a `memcpy` call a key.
    @inline(__always)
    init?(_ id: Bytes) {
        let count = id.count
        guard count <= QueueKey.maximumLength else { return nil }
        let raw = UnsafeRawPointer(id.base)
        if count > 16 {
            first = raw.loadUnaligned(as: UInt64.self)
            second = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            third = ByteLanes.shortWord(raw + 16, count: count - 16)
        } else if count > 8 {
            first = raw.loadUnaligned(as: UInt64.self)
            second = ByteLanes.shortWord(raw + 8, count: count - 8)
            third = 0
        } else {
            first = ByteLanes.shortWord(raw, count: count)
            second = 0
            third = 0
        }
        self.count = UInt8(truncatingIfNeeded: count)
    }

    /// The count goes in with the first word and the third word only when it holds any byte (an id of over
    /// 16 bytes): postfix's ids of 10 to 16 bytes take two mixes, not four (−50 instructions a look-up of
    /// the three on most messages). Keys meet on one hash without an attacker knowing the seed only when
    /// they differ in their count and low bits or zero bytes alike: at most 25 such keys, never a long chain.
    @inline(__always)
    func _rawHashValue(seed: Int) -> Int {
        let words = MixedKey.mix(MixedKey.mix(first ^ UInt64(count) ^ UInt64(UInt(bitPattern: seed))) ^ second)
        return Int(truncatingIfNeeded: third == 0 ? words : MixedKey.mix(words ^ third))
    }
}
