/// Eight bytes tested at once ("SWAR": one 64-bit word, a byte per lane), for the header and queue-id
/// scans that would otherwise loop byte by byte. A lane's answer is its top bit (0x80); no lane carries
/// into the next, since every sum below stays under 0x100 within its lane.
enum ByteLanes {
    static let high: UInt64 = 0x8080_8080_8080_8080
    static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The word at `pointer`, first byte in the lowest lane, on any byte order.
    @inline(__always)
    static func load(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
    }

    /// Up to eight bytes at `raw` (`count` 0...8) as one word, first byte lowest (on a little-endian CPU; the
    /// hashes and compares need only a fixed order), zero above: names and ids compared or hashed as a word
    /// (`NameTable`, `MixedKey`, `QueueKey`). Two overlapping four-byte loads from four bytes on; below four,
    /// the first two bytes (or the one) and the last byte, overlapping the same way: no byte outside `count`
    /// is read. (`MixedKey` and `NameTable` had a copy each before, the latter with three tested loads: this
    /// one read -15 instructions a sshd line, which reads two names, and ~8 less for a correlated mail line's
    /// three-byte host such as `mx1`; taken for all three callers, json auth 912 -> 908 a line, `bench/callgrind`.)
    @inline(__always)
    static func shortWord(_ raw: UnsafeRawPointer, count: Int) -> UInt64 {
        if count >= 4 {
            let low = UInt64(raw.loadUnaligned(as: UInt32.self))
            let high = UInt64(raw.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self))
            return low | high &<< UInt64(truncatingIfNeeded: (count &- 4) &* 8)
        }
        guard count > 0 else { return 0 }
        let low = count >= 2 ? UInt64(raw.loadUnaligned(as: UInt16.self)) : UInt64(raw.load(as: UInt8.self))
        let last = UInt64(raw.load(fromByteOffset: count &- 1, as: UInt8.self))
        return low | last &<< UInt64(truncatingIfNeeded: (count &- 1) &* 8)
    }

    /// The byte repeated in every lane.
    @inline(__always)
    static func repeating(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }

    /// The top bit of every lane whose value is not 0...9 (0x76 + 10 = 0x80). For ASCII digits pass the word
    /// XOR `repeating(0x30)`.
    @inline(__always)
    static func notBelowTen(_ values: UInt64) -> UInt64 {
        (values | ((values & low7) &+ 0x7676_7676_7676_7676)) & high
    }

    /// The top bit of every lane holding an ASCII digit.
    @inline(__always)
    static func digits(_ word: UInt64) -> UInt64 { ~notBelowTen(word ^ repeating(0x30)) & high }

    /// The top bit of every lane equal to `byte`, exactly (no lane's answer depends on another's).
    @inline(__always)
    static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ repeating(byte)
        return ~(((x & low7) &+ low7) | x) & high
    }

    /// The top bit of every lane holding an ASCII letter (`| 0x20` folds exactly the upper-case letters
    /// onto the lower-case ones; a lane of 0x80 or more is none).
    @inline(__always)
    static func letters(_ word: UInt64) -> UInt64 {
        let folded = word | repeating(0x20)
        let atLeastA = ((folded & low7) &+ repeating(0x80 - 0x61)) & high
        let pastZ = ((folded & low7) &+ repeating(0x7F - 0x7A)) & high
        return atLeastA & ~pastZ & ~folded & high
    }
}
