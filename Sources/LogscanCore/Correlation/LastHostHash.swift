/// A correlator's hash of a line's host, with the last host's kept: a log's lines mostly come from one host,
/// so a line's host costs its word read and one compare, not the mix (the hash is `MixedKey.mix` of the
/// host's `MixedKey.identity`, the same whether kept or not).
struct LastHostHash {
    private var identity: UInt64 = 0
    private var hash = MixedKey.mix(0)

    @inline(__always)
    mutating func of(_ host: Bytes, seed: UInt64) -> UInt64 {
        let identity = MixedKey.identity(host, seed: seed)
        if identity != self.identity {
            self.identity = identity
            hash = MixedKey.mix(identity)
        }
        return hash
    }
}
