import Testing
@testable import LogscanCore

/// The program cache against the registry it caches: `LineProcessor` asks the cache first and the registry
/// only on a miss, so a hit must give the registry's answer for every name, whatever was cached before
/// (names of every length around the cache's word boundaries, names that share a prefix or an end, slots
/// that collide and are overwritten).
@Suite struct ProgramCacheTests {
    /// The lookup `LineProcessor.parserIndex(for:)` makes: the cache, then the registry on a miss.
    static func lookUp(_ name: [UInt8], _ cache: inout ProgramCache, _ registry: ParserRegistry) -> Int {
        name.withUnsafeBufferPointer { buffer in
            let bytes = Bytes(base: buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: name.count)
            var index = cache.cached(bytes)
            if index == ProgramCache.miss {
                index = registry.parserIndex(for: bytes) ?? -1
                cache.remember(bytes, index: index)
            }
            return index
        }
    }

    static func expected(_ name: [UInt8], _ registry: ParserRegistry) -> Int {
        name.withUnsafeBufferPointer { buffer in
            registry.parserIndex(for: Bytes(base: buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: name.count)) ?? -1
        }
    }

    @Test func answersAsTheRegistryDoesForEveryNameAndOrder() {
        let registry = ParserRegistry()
        var names: [[UInt8]] = ["sshd", "sshd-session", "sshd-auth", "sshd(pam_unix)", "postfix/smtpd", "postfix/qmgr",
                                "postfix/submission/smtpd", "postfix-out/smtp", "dovecot", "CRON", "sudo", "su", "",
                                "s", "ss", "ssh", "sshe", "sshd-sessioN", "postfix/smtpe", "systemd-logind"].map { Array($0.utf8) }
        // Every length from 0 to 40 around the word boundaries: a claimed name and its one-byte variants.
        for length in 0...40 {
            let base = Array("postfix/" .utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: max(0, length - 8))
            let name = Array(base.prefix(length))
            names.append(name)
            for position in stride(from: 0, to: length, by: max(1, length / 5)) {
                var variant = name
                variant[position] ^= 0x20
                names.append(variant)
            }
        }
        var generator = SystemRandomNumberGenerator()
        var cache = ProgramCache()
        for round in 0..<20 {
            let order = round == 0 ? names : names.shuffled(using: &generator)
            for name in order {
                #expect(Self.lookUp(name, &cache, registry) == Self.expected(name, registry),
                        "\(String(decoding: name, as: UTF8.self))")
            }
        }
    }

    @Test func aHitNeedsNoRegistry() {
        let registry = ParserRegistry()
        var cache = ProgramCache()
        let sshd = Array("sshd".utf8), smtpd = Array("postfix/smtpd".utf8), long = Array(repeating: UInt8(ascii: "x"), count: 40)
        _ = Self.lookUp(sshd, &cache, registry)
        _ = Self.lookUp(smtpd, &cache, registry)
        _ = Self.lookUp(long, &cache, registry)
        sshd.withUnsafeBufferPointer { #expect(cache.cached(Bytes(base: $0.baseAddress!, count: 4)) == 0) }
        smtpd.withUnsafeBufferPointer { #expect(cache.cached(Bytes(base: $0.baseAddress!, count: 13)) == 1) }
        // Over 32 bytes: never cached, always the registry.
        long.withUnsafeBufferPointer { #expect(cache.cached(Bytes(base: $0.baseAddress!, count: 40)) == ProgramCache.miss) }
    }
}
