import Testing
@testable import LogscanCore

/// `LastHostHash` keeps the last host's hash; whether kept or computed afresh, it must give the plain
/// `MixedKey.mix(MixedKey.identity(host))` for every host, in runs of one host and in alternation, for
/// hosts on both sides of the eight-byte boundary and hosts that differ only in length.
@Suite struct LastHostHashTests {
    @Test func keptHashEqualsAFreshOne() {
        let hosts = ["mx1", "mx1", "mx2", "mx1", "", "a", "a\0", "backup-server-01", "backup-server-02", "mx1",
                     "12345678", "123456789", "12345678", "mx2", "mx2"].map { Array($0.utf8) }
        var numbers = SplitMix64(state: 3)
        for seed: UInt64 in [0, 0xDEAD_BEEF_0BAD_F00D] {
            var kept = LastHostHash()
            for step in 0..<200 {
                let host = step < hosts.count ? hosts[step] : hosts[numbers.next(hosts.count)]
                Bytes.with(host) { view in
                    #expect(kept.of(view, seed: seed) == MixedKey.mix(MixedKey.identity(view, seed: seed)), "\(host)")
                }
            }
        }
    }
}
