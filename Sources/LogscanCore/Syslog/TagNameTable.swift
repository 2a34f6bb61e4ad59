/// Tag names of 12 to 31 bytes seen recently (`postfix/smtpd`, `postfix/submission/smtpd`, `postfix/qmgr`,
/// `sshd-session`), each with the `[` or `:` that ended it and an answer the caller keeps for it (the parser
/// claiming the name), so a line whose name is not the last line's (the postfix programs interleave: 43 % of
/// mail lines) finds where its name ends, and often its parser, with one probe instead of a byte search and
/// the program cache's hash (`CommonHeader.searchHostAndName`).
///
/// A name is keyed by its first 13 bytes (12 of the name and the next, which names `postfix/smtp` apart
/// from `postfix/smtpd`), so the probe needs no length; an entry holds the name and its stop byte, and a
/// line matches when its first name-length-plus-one bytes are those: its name then ends at the same place,
/// since the entry's name has no space, `[` or `:` and its stop byte is one. The table is direct-mapped with
/// 16 slots: a flood of distinct names only makes it miss, it never grows.
struct TagNameTable {
    struct Entry {
        /// The 32 bytes from the name's start, first byte lowest, zero past the stop byte.
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        /// Which bytes of `words.1 ... words.3` count (the name and its stop byte).
        var masks: (UInt64, UInt64, UInt64) = (0, 0, 0)
        /// The name's length; 0 for an empty slot, which `find` never matches.
        var nameLength = 0
        var answer = HeaderPrefixCache.noAnswer
    }

    /// Inline, not an array: a probe loaded the array's buffer and checked its bounds, and keeping an answer
    /// checked that the buffer was not shared (measured, round eight: 1-2 instructions a mail line).
    private var entries = InlineArray<16, Entry>(repeating: Entry())

    /// The shortest and longest names kept: 12 for the key, 31 so the stop byte is within 32 bytes.
    static var shortest: Int { 12 }
    static var longest: Int { 31 }

    /// The slot holding the name that starts at `pointer` (32 bytes readable there), or nil.
    @inline(__always)
    func find(_ pointer: UnsafePointer<UInt8>) -> (slot: Int, nameLength: Int)? {
        let w0 = ByteLanes.load(pointer), w1 = ByteLanes.load(pointer + 8)
        let slot = TagNameTable.slot(w0, w1)
        let entry = entries[slot]
        guard entry.nameLength != 0, entry.words.0 == w0, (w1 ^ entry.words.1) & entry.masks.0 == 0,
              (ByteLanes.load(pointer + 16) ^ entry.words.2) & entry.masks.1 == 0,
              (ByteLanes.load(pointer + 24) ^ entry.words.3) & entry.masks.2 == 0 else { return nil }
        return (slot, entry.nameLength)
    }

    /// Keeps the name of `nameLength` bytes (`shortest ... longest`, no space, `[` or `:` in it) at `pointer`,
    /// followed by its stop byte, 32 bytes readable there; answers the slot it took.
    mutating func insert(_ pointer: UnsafePointer<UInt8>, nameLength: Int) -> Int {
        let kept = nameLength &+ 1
        let masks = (TagNameTable.mask(kept &- 8), TagNameTable.mask(kept &- 16), TagNameTable.mask(kept &- 24))
        let w0 = ByteLanes.load(pointer), w1 = ByteLanes.load(pointer + 8)
        let slot = TagNameTable.slot(w0, w1)
        entries[slot] = Entry(words: (w0, w1 & masks.0, ByteLanes.load(pointer + 16) & masks.1,
                                      ByteLanes.load(pointer + 24) & masks.2),
                              masks: masks, nameLength: nameLength)
        return slot
    }

    func answer(at slot: Int) -> Int { entries[slot].answer }

    mutating func setAnswer(_ answer: Int, at slot: Int) { entries[slot].answer = answer }

    /// The slot of the 13-byte key: the first word and the low 5 bytes of the second.
    @inline(__always)
    private static func slot(_ w0: UInt64, _ w1: UInt64) -> Int {
        let mixed = (w0 ^ (w1 & 0xFF_FFFF_FFFF) &* 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: mixed >> 60)
    }

    /// The low `bytes` lanes of a word set (none for 0 or less, all for 8 or more).
    private static func mask(_ bytes: Int) -> UInt64 {
        bytes <= 0 ? 0 : bytes >= 8 ? .max : (1 &<< UInt64(bytes &* 8)) &- 1
    }
}
