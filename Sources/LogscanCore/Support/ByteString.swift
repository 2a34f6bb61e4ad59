/// Bytes that outlive their line (a user name, a queue id, a method): a table key that sorts bytewise.
/// Its bytes are hashed once, when it is made, by `Hasher` (SipHash keyed by the run's random seed); a table
/// look-up then mixes that value with the table's own seed (`MixedKey.mix`) rather than hashing the bytes
/// again, which cost about 150 instructions per look-up (user names, queue ids). Names an attacker chooses
/// still cannot be made to collide: the stored value is keyed per run, and the mix is a bijection for each
/// table's seed.
public struct ByteString: Hashable, Comparable, Sendable {
    public let bytes: [UInt8]
    /// `bytes` hashed by `Hasher` when made: equal bytes, equal value.
    private let keyedHash: UInt64

    public init(_ view: Bytes) { self.init(view.array) }
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var hasher = Hasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        keyedHash = UInt64(UInt(bitPattern: hasher.finalize()))
    }

    public static func == (lhs: ByteString, rhs: ByteString) -> Bool {
        lhs.keyedHash == rhs.keyedHash && lhs.bytes == rhs.bytes
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(keyedHash) }

    public func _rawHashValue(seed: Int) -> Int { MixedKey.hash(keyedHash, seed: seed) }

    /// The stored hash, for keys made of several names.
    var tableHash: UInt64 { keyedHash }

    public static func < (lhs: ByteString, rhs: ByteString) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }

    /// The text to show a person (see `SafeText`).
    public var safeText: String { SafeText.from(bytes) }
}
