/// A substring search for literals that start with a byte the text is full of (a space). `firstRange(of:)`
/// stops at every such byte; this one lets `memchr` look for a rarer byte of the literal instead.

import Glibc

extension Bytes {
    /// The index of the first occurrence of `literal` at or after `start`, the same answer as
    /// `firstRange(of:from:)`, found by searching for the literal's byte at `anchor` (pick one that is rare
    /// in the text: `h` of ` rhost=` in a pam_unix record, where ` ` comes every few bytes). Every
    /// occurrence has that byte `anchor` bytes in, so the first candidate that matches is the first occurrence.
    @inline(__always)
    func firstRange(of literal: StaticString, anchor: Int, from start: Int = 0) -> Int? {
        let n = literal.utf8CodeUnitCount
        let key = literal.utf8Start[anchor]
        var from = start + anchor
        while let hit = firstIndex(of: key, from: from) {
            let at = hit - anchor
            guard at + n <= count else { return nil }
            if memcmp(base + at, literal.utf8Start, n) == 0 { return at }
            from = hit + 1
        }
        return nil
    }
}
