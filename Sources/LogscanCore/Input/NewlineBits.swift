import CByteScan

/// The newlines of the line splitter's buffer as a bit mask, one bit a byte (`logscan_newline_bits`: AVX2 or
/// SSE2, 64 bytes to a word), marked once a read and then handed out a line at a time by `NewlineWalk`: no
/// `memchr` call per line (its call and set-up cost as much as its search on a 130-byte line).
struct NewlineBits {
    private let words: UnsafeMutablePointer<UInt64>

    /// The mask of a buffer of `bytes` bytes, which must be a multiple of 64 (`logscan_newline_bits` reads
    /// whole 64-byte blocks), and a word past them for the sentinel of a read that fills the buffer.
    init(bytes: Int) {
        precondition(bytes % 64 == 0)
        words = .allocate(capacity: bytes / 64 + 1)
    }

    func deallocate() { words.deallocate() }

    /// Marks the newlines among `buffer[from..<to]` and returns a walk over them in order.
    func newlines(in buffer: UnsafePointer<UInt8>, from: Int, to: Int) -> NewlineWalk {
        logscan_newline_bits(buffer, from, to, words)
        return NewlineWalk(words: words, from: from)
    }
}

/// The marked newlines from one index to another, in order, then the end itself (the sentinel bit
/// `logscan_newline_bits` sets there): the walk's loop needs no bounds check of its own.
struct NewlineWalk {
    private let words: UnsafeMutablePointer<UInt64>
    private var index: Int
    /// The current word's newlines not yet handed out.
    private var word: UInt64

    init(words: UnsafeMutablePointer<UInt64>, from: Int) {
        self.words = words
        index = from &>> 6
        // Bits before `from` are bytes already passed (or never read): masked off.
        word = words[index] & (~0 &<< UInt64(from & 63))
    }

    /// The index of the next newline, or the end of the marked bytes after the last (then not to be called
    /// again).
    @inline(__always)
    mutating func next() -> Int {
        while word == 0 {
            index &+= 1
            word = words[index]
        }
        let at = index &<< 6 | word.trailingZeroBitCount
        word &= word &- 1
        return at
    }
}
