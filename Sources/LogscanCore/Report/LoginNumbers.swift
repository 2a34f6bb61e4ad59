/// A login's key inside a tally: its user's number in the tally's `names`, its method's number in the tally's
/// `methods`, and its address. Numbers hash and compare in a few instructions, where a `ServiceTally.Login`
/// retained, hashed and compared two names on every login line (`ServiceTally.logins` gives the names back).
struct LoginNumbers: TableKey {
    /// The user's number in the high half, the method's in the low half: both are below 2^32, as
    /// `OpenSlots` positions are.
    private let numbers: UInt64
    let peer: PeerKey?

    init(user: Int, method: Int, peer: PeerKey?) {
        numbers = UInt64(truncatingIfNeeded: user) << 32 | UInt64(truncatingIfNeeded: method) & 0xFFFF_FFFF
        self.peer = peer
    }

    var user: Int { Int(truncatingIfNeeded: numbers >> 32) }
    var method: Int { Int(truncatingIfNeeded: numbers & 0xFFFF_FFFF) }

    /// Inlined into the look-up, as the other keys' hashes are: a call was 44 instructions a login line (mail cut).
    @inline(__always)
    func tableHash(seed: Int) -> UInt64 {
        let peerHash = peer.map { UInt64(UInt(bitPattern: $0._rawHashValue(seed: seed))) } ?? 0
        return UInt64(UInt(bitPattern: MixedKey.hash(numbers, peerHash, seed: seed)))
    }
}
