/// What follows the stamp in the last usual header (`CommonHeader`): the host, its space, the tag up to
/// the message, `mx1 sshd-session[4670]: `, as far as 40 bytes hold. Most lines of a file repeat the last
/// one's host and often its program, and often its pid too, so five 8-byte compares replace the search for
/// the host's end, the name's end and the pid. A line matches to three depths: the whole tag (host, name,
/// pid and the colon's space are the last line's), the name and its `[` or `:` (the pid is read), or the
/// host and its space alone (the name is searched). Only what the last line's parse found is kept: a line
/// whose bytes start the same has its host, name and tag end at the same places.
struct HeaderPrefixCache {
    /// The 40 bytes after the last line's stamp, first byte lowest. While empty they hold a space: a host
    /// never starts with a space (`CommonHeader` has ruled that out before asking), so nothing matches.
    private var words: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0x20, 0, 0, 0, 0)
    /// How many of those bytes a line must share for its name (up to its `[` or `:`), and for its whole tag
    /// with the space after it; 41 (more than there are) when the prefix is longer than 40 bytes.
    private(set) var nameLength = 1
    private(set) var tagLength = 41
    /// The host's length, where the name ends (the `[` or `:`), and the pid.
    private(set) var hostLength = 0
    private(set) var nameEnd = 0
    private(set) var pid: Int32 = -1
    /// An answer the caller keeps for the held tag name (a function of the name's bytes alone: the parser
    /// claiming it), `noAnswer` until it is set and again whenever a stored line brings another name. Valid
    /// for a line whose `SyslogLine.programIsHeld` is true.
    private(set) var nameAnswer = HeaderPrefixCache.noAnswer
    static var noAnswer: Int { .min }
    /// Names of recent lines (`TagNameTable`), and the slot of the held name there, or -1: an answer kept
    /// for the held name is kept there too, and a stored line whose name the table holds brings its answer.
    private(set) var names = TagNameTable()
    private var heldSlot = -1

    /// Keeps `answer` for the held name (see `nameAnswer`).
    @inline(__always)
    mutating func keepNameAnswer(_ answer: Int) {
        nameAnswer = answer
        if heldSlot >= 0 { names.setAnswer(answer, at: heldSlot) }
    }

    /// Keeps the name of `nameLength` bytes at `pointer` in `names` (see `TagNameTable.insert`); the slot.
    mutating func rememberName(_ pointer: UnsafePointer<UInt8>, nameLength: Int) -> Int {
        let slot = names.insert(pointer, nameLength: nameLength)
        if slot == heldSlot { heldSlot = -1 }
        return slot
    }

    /// How many of the 40 bytes at `pointer` are the kept ones, up to the first that differs.
    @inline(__always)
    func sameBytes(_ pointer: UnsafePointer<UInt8>) -> Int {
        let differ0 = ByteLanes.load(pointer) ^ words.0
        if differ0 != 0 { return differ0.trailingZeroBitCount >> 3 }
        let differ1 = ByteLanes.load(pointer + 8) ^ words.1
        if differ1 != 0 { return 8 &+ differ1.trailingZeroBitCount >> 3 }
        let differ2 = ByteLanes.load(pointer + 16) ^ words.2
        if differ2 != 0 { return 16 &+ differ2.trailingZeroBitCount >> 3 }
        let differ3 = ByteLanes.load(pointer + 24) ^ words.3
        if differ3 != 0 { return 24 &+ differ3.trailingZeroBitCount >> 3 }
        let differ4 = ByteLanes.load(pointer + 32) ^ words.4
        return differ4 == 0 ? 40 : 32 &+ differ4.trailingZeroBitCount >> 3
    }

    /// True when the 8 bytes at `pointer` start with the kept host and its space.
    @inline(__always)
    func matchesHost(_ pointer: UnsafePointer<UInt8>) -> Bool {
        let differ = ByteLanes.load(pointer) ^ words.0
        return hostLength < 8 && (differ == 0 || differ.trailingZeroBitCount >> 3 > hostLength)
    }

    /// Keeps the header at `pointer`: a host of `hostLength` bytes, a space, a name ending at `nameEnd` (a
    /// `[` or `:`), `pid`, and the tag's space ending at `tagEnd` (41 or more when the line ends at the
    /// colon or the tag does not fit). The 40 bytes at `pointer` are in the line. `sameName`: the line shares
    /// the held name (`nameLength` bytes), so `nameAnswer` stays; else `nameSlot` is the name's slot in
    /// `names`, or -1.
    @inline(__always)
    mutating func store(_ pointer: UnsafePointer<UInt8>, hostLength: Int, nameEnd: Int, pid: Int32, tagEnd: Int,
                        sameName: Bool, nameSlot: Int) {
        if !sameName {
            heldSlot = nameSlot
            nameAnswer = nameSlot >= 0 ? names.answer(at: nameSlot) : HeaderPrefixCache.noAnswer
        }
        words = (ByteLanes.load(pointer), ByteLanes.load(pointer + 8), ByteLanes.load(pointer + 16),
                 ByteLanes.load(pointer + 24), ByteLanes.load(pointer + 32))
        self.hostLength = hostLength
        self.nameEnd = nameEnd
        self.pid = pid
        nameLength = nameEnd < 40 ? nameEnd &+ 1 : 41
        tagLength = min(tagEnd, 41)
    }
}
