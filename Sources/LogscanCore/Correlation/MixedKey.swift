/// A correlation key (already a hash of host and pid, or of a queue id) as a dictionary key that skips
/// SipHash: the table's own seed is mixed in by a multiply-xorshift finalizer instead of hashing 8 bytes
/// through `Hasher`, which cost about 90 instructions per look-up, two or three look-ups per sshd line.
/// The seed still differs per table, so copying one table into another stays linear.
struct MixedKey: Hashable {
    let value: UInt64

    init(_ value: UInt64) { self.value = value }

    func hash(into hasher: inout Hasher) { hasher.combine(value) }

    func _rawHashValue(seed: Int) -> Int { MixedKey.hash(value, seed: seed) }

    /// A table's hash of a one-word key: the word mixed with the table's seed.
    @inline(__always)
    static func hash(_ word: UInt64, seed: Int) -> Int {
        Int(truncatingIfNeeded: mix(word ^ UInt64(UInt(bitPattern: seed))))
    }

    /// A table's hash of a two-word key (an address, a short queue id): the first word mixed with the seed,
    /// then with the second.
    @inline(__always)
    static func hash(_ first: UInt64, _ second: UInt64, seed: Int) -> Int {
        Int(truncatingIfNeeded: mix(mix(first ^ UInt64(UInt(bitPattern: seed))) ^ second))
    }

    /// `NameTable.hash(view, seed:)`, with a name of up to eight bytes (a host, most user names) hashed
    /// inline: one word and one mix, without a call.
    @inline(__always)
    static func hash(_ view: Bytes, seed: UInt64) -> UInt64 {
        guard view.count <= 8 else { return NameTable.hash(view, seed: seed) }
        return mix(identity(view, seed: seed))
    }

    /// A name's identity, for comparing two names only (never a table's home): `hash(_:seed:)` before its
    /// final mix for up to eight bytes (the mix is a bijection, so two such names compare equal exactly when
    /// their hashes do), the hash itself for longer names (which meets a short name's value by chance only,
    /// as two hashes do). One mix less than the hash for most user names.
    @inline(__always)
    static func identity(_ view: Bytes, seed: UInt64) -> UInt64 {
        guard view.count <= 8 else { return NameTable.hash(view, seed: seed) }
        return seed ^ UInt64(view.count) ^ ByteLanes.shortWord(UnsafeRawPointer(view.base), count: view.count)
    }

    /// The 64-bit finalizer of MurmurHash3: every input bit reaches every output bit.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var mixed = value
        mixed = (mixed ^ (mixed >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        mixed = (mixed ^ (mixed >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return mixed ^ (mixed >> 33)
    }
}
