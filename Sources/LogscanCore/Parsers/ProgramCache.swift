/// The parser index of recently seen program names, so a line usually costs two 8-byte loads and a
/// compare instead of hashing its program name byte by byte (`ParserRegistry.parserIndex(for:)`).
///
/// A name of up to 16 bytes is its own key: its length and two words (the first 8 bytes and the last 8,
/// which overlap for 8 to 15 bytes; the bytes packed into one word below 8), so a hit is exact. Longer
/// names are looked up every time. The table is direct-mapped with 64 slots: a flood of distinct names
/// only makes it miss, it never grows.
struct ProgramCache {
    private struct Entry {
        var count = -1
        var head: UInt64 = 0
        var tail: UInt64 = 0
        /// The parser's index, or -1 when no parser claims the name.
        var index = -1
    }

    private var entries = [Entry](repeating: Entry(), count: 64)

    @inline(__always)
    mutating func parserIndex(for program: Bytes, in registry: ParserRegistry) -> Int? {
        let count = program.count
        guard count <= 16 else { return registry.parserIndex(for: program) }
        let (head, tail) = ProgramCache.words(program)
        let mixed = (head ^ (tail &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(count)) &* 0xBF58_476D_1CE4_E5B9
        let slot = Int(truncatingIfNeeded: mixed >> 58)
        let entry = entries[slot]
        if entry.count == count && entry.head == head && entry.tail == tail {
            return entry.index < 0 ? nil : entry.index
        }
        let found = registry.parserIndex(for: program)
        entries[slot] = Entry(count: count, head: head, tail: tail, index: found ?? -1)
        return found
    }

    /// The key words of a name of at most 16 bytes. Every load lies inside the view.
    @inline(__always)
    private static func words(_ name: Bytes) -> (UInt64, UInt64) {
        let raw = UnsafeRawPointer(name.base)
        if name.count >= 8 {
            return (raw.loadUnaligned(as: UInt64.self), (raw + (name.count - 8)).loadUnaligned(as: UInt64.self))
        }
        var packed: UInt64 = 0
        for i in 0..<name.count { packed |= UInt64(name.base[i]) << (8 * UInt64(i)) }
        return (packed, 0)
    }
}
