/// What follows the stamp in the last usual header (`CommonHeader`): the host, its space, the tag's name
/// and the `[` or `:` after it, `mx1 sshd-session[`, when that fits in 32 bytes. Most lines of a file
/// repeat the last one's host and often its program, so four 8-byte compares replace the search for the
/// host's end and the name's end. Only a prefix the searches found is kept: a line whose bytes start the
/// same has its host and name end at the same places. A line of another program can still match the host
/// and its space alone.
struct HeaderPrefixCache {
    /// The 32 bytes that held the prefix, first byte lowest (those past the prefix are not compared), and
    /// its length. While empty (or after a prefix too long to keep) they hold a space of length 1: a host
    /// never starts with a space (`CommonHeader` has ruled that out before asking), so nothing matches.
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0x20, 0, 0, 0)
    private var length = 1
    /// The host's length, and where the name ends (the `[` or `:`), from the prefix's start.
    private(set) var hostLength = 0
    private(set) var nameEnd = 0

    /// True when the 32 bytes at `pointer` start with the kept prefix: its first difference from them, if
    /// any, lies past the prefix.
    @inline(__always)
    func matchesPrefix(_ pointer: UnsafePointer<UInt8>) -> Bool {
        let differ0 = ByteLanes.load(pointer) ^ words.0
        if differ0 != 0 { return differ0.trailingZeroBitCount >> 3 >= length }
        let differ1 = ByteLanes.load(pointer + 8) ^ words.1
        if differ1 != 0 { return 8 &+ differ1.trailingZeroBitCount >> 3 >= length }
        let differ2 = ByteLanes.load(pointer + 16) ^ words.2
        if differ2 != 0 { return 16 &+ differ2.trailingZeroBitCount >> 3 >= length }
        let differ3 = ByteLanes.load(pointer + 24) ^ words.3
        return differ3 == 0 || 24 &+ differ3.trailingZeroBitCount >> 3 >= length
    }

    /// True when the 8 bytes at `pointer` start with the kept host and its space.
    @inline(__always)
    func matchesHost(_ pointer: UnsafePointer<UInt8>) -> Bool {
        let differ = ByteLanes.load(pointer) ^ words.0
        return hostLength < 8 && (differ == 0 || differ.trailingZeroBitCount >> 3 > hostLength)
    }

    /// Keeps the prefix at `pointer`: a host of `hostLength` bytes, a space, a name ending at `nameEnd`
    /// (a `[` or `:`). The 32 bytes at `pointer` are in the line.
    @inline(__always)
    mutating func store(_ pointer: UnsafePointer<UInt8>, hostLength: Int, nameEnd: Int) {
        self.hostLength = hostLength
        self.nameEnd = nameEnd
        guard nameEnd < 32 else {
            (words, length) = ((0x20, 0, 0, 0), 1)
            return
        }
        words = (ByteLanes.load(pointer), ByteLanes.load(pointer + 8), ByteLanes.load(pointer + 16),
                 ByteLanes.load(pointer + 24))
        length = nameEnd &+ 1
    }
}
