/// The per-address tables (the report's failures and probes by address, `ban`'s attempt windows) are looked
/// up once per attempt, and with a million addresses they are the largest. Their keys hash by `MixedKey`'s
/// finalizer over the address's two words and the table's seed rather than by SipHash over 16 or 17 bytes.
/// The seed differs per table and per run, so addresses an attacker chooses cannot be made to collide.
extension IPAddress {
    public func _rawHashValue(seed: Int) -> Int { MixedKey.hash(low, high, seed: seed) }
}

extension PeerKey {
    public func _rawHashValue(seed: Int) -> Int {
        switch self {
        case .ip(let address):
            return address._rawHashValue(seed: seed)
        case .hostname(let name):
            var hasher = Hasher()
            hasher.combine(seed)
            hasher.combine(name)
            return hasher.finalize()
        }
    }
}
