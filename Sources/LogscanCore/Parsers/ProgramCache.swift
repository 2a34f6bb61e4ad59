/// The registry's answer for recently seen program names (a number: the pipeline keeps the parser's route,
/// `ParserRoute`), so a line usually costs two 8-byte loads and a compare instead of hashing its program
/// name byte by byte (`ParserRegistry.route(for:)`).
///
/// A name of up to 32 bytes (`postfix/submission/smtpd` has 24) is its own key: its length and four
/// words, loaded at 0, 8, 16 and 8 before the end (each clamped to lie inside the name, so they overlap
/// for shorter names; below 8 bytes two overlapping 4-byte loads, or the bytes themselves below 4, make one
/// word), so a hit is exact. Longer names
/// are looked up every time. The table is direct-mapped with 64 slots: a flood of distinct names only
/// makes it miss, it never grows.
struct ProgramCache {
    private struct Entry {
        var count = -1
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        /// The registry's answer, or -1 when no parser claims the name.
        var index = -1
    }

    private var entries = [Entry](repeating: Entry(), count: 64)

    /// What `cached(_:)` answers for a name the cache does not hold (or cannot: over 32 bytes).
    /// (A computed constant, not a stored global: cross-module optimisation then still serialises the
    /// pipeline's `process` for sinks of other modules to specialise.)
    @inline(__always) static var miss: Int { -2 }

    /// The answer cached for `program`: -1 when no parser claims it, `miss` when the cache cannot say.
    /// Only this runs on a hit; the registry is consulted by the caller on a miss (`remember(_:index:)`),
    /// so the hit path neither reads nor copies the registry.
    @inline(__always)
    func cached(_ program: Bytes) -> Int {
        let count = program.count
        guard count <= 32 else { return ProgramCache.miss }
        let words = ProgramCache.words(program)
        let entry = entries[ProgramCache.slot(words, count)]
        if entry.count == count && entry.words.0 == words.0 && entry.words.1 == words.1
            && entry.words.2 == words.2 && entry.words.3 == words.3 {
            return entry.index
        }
        return ProgramCache.miss
    }

    /// Keeps the registry's answer for `program` (`index`, or -1); a name over 32 bytes is not kept.
    mutating func remember(_ program: Bytes, index: Int) {
        let count = program.count
        guard count <= 32 else { return }
        let words = ProgramCache.words(program)
        entries[ProgramCache.slot(words, count)] = Entry(count: count, words: words, index: index)
    }

    @inline(__always)
    private static func slot(_ words: (UInt64, UInt64, UInt64, UInt64), _ count: Int) -> Int {
        let mixed = (words.0 ^ (words.3 &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(count)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: mixed >> 58)
    }

    /// The key words of a name of at most 32 bytes. Every load lies inside the view, which is why the
    /// unaligned raw loads are sound: for 8 bytes or more each 8-byte load starts at most at `count - 8`;
    /// for 4 to 7 bytes the two 4-byte loads start at 0 and `count - 4`; below 4 bytes it reads byte by byte.
    @inline(__always)
    private static func words(_ name: Bytes) -> (UInt64, UInt64, UInt64, UInt64) {
        let raw = UnsafeRawPointer(name.base)
        let count = name.count
        if count >= 8 {
            let last = count - 8
            return (raw.loadUnaligned(as: UInt64.self), (raw + min(8, last)).loadUnaligned(as: UInt64.self),
                    (raw + min(16, last)).loadUnaligned(as: UInt64.self), (raw + last).loadUnaligned(as: UInt64.self))
        }
        if count >= 4 {
            // `sshd`, `CRON`, `sudo`: two overlapping 4-byte loads.
            let head = UInt64(raw.loadUnaligned(as: UInt32.self))
            let tail = UInt64((raw + (count - 4)).loadUnaligned(as: UInt32.self))
            return (head | tail &<< 32, 0, 0, 0)
        }
        var packed: UInt64 = 0
        for i in 0..<count { packed |= UInt64(name.base[i]) &<< (8 &* UInt64(i)) }
        return (packed, 0, 0, 0)
    }
}
