#if canImport(Glibc)
import Glibc
#endif

/// Splits journalctl's export format (`journalctl -o export`) into entries, read from a file descriptor in
/// large blocks into one reusable buffer. An entry is a run of fields ended by an empty line; a field is
/// `NAME=value\n`, or, when the value is not valid UTF-8 or holds control characters such as a newline,
/// `NAME\n` + a 64-bit little-endian length + the bytes + `\n`. Fields are views into the buffer: nothing
/// is copied, except an entry that straddles two reads, which moves to the front of the buffer.
struct ExportEntryReader {
    /// An entry larger than this stops the read with a warning: memory stays bounded whatever the input.
    static let maximumEntryBytes = 64 << 20

    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes read from the descriptor so far.
    private(set) var bytesRead = 0
    /// Set when the stream was malformed, cut inside an entry, or unreadable: the entries before were delivered.
    private(set) var damage: String?
    private let progress: ProgressCounter?

    init(capacity: Int = 1 << 20, progress: ProgressCounter? = nil) {
        self.capacity = capacity
        self.progress = progress
        buffer = .allocate(capacity: capacity)
    }

    func deallocate() { buffer.deallocate() }

    /// Reads `fd` to its end (or to the first damage) and calls `body` with each complete entry's fields
    /// and its size in the stream.
    mutating func forEachEntry(of fd: Int32, _ body: (JournalFields, Int) -> Void) {
        var filled = 0
        var fields = JournalFields()
        while true {
            if filled == capacity {
                guard capacity < ExportEntryReader.maximumEntryBytes else {
                    damage = "a journal entry is larger than \(ExportEntryReader.maximumEntryBytes >> 20) MB; "
                        + "the entries after it were not read"
                    return
                }
                grow()
            }
            let n = readSome(fd, into: buffer + filled, capacity: capacity - filled)
            guard n > 0 else { break }
            filled += n
            let used = parseEntries(filled: filled, fields: &fields, body)
            guard damage == nil else { return }
            filled -= used
            if used > 0 && filled > 0 { memmove(buffer, buffer + used, filled) }
        }
        guard damage == nil, filled > 0 else { return }
        // journalctl ends every entry with an empty line; a stream cut short (journalctl killed) does not.
        let tail = parseEntries(filled: filled, fields: &fields, body, atEnd: true)
        if tail < filled && damage == nil {
            damage = "the journal output ended inside an entry (its \(filled - tail) bytes were left out)"
        }
    }

    /// Delivers the complete entries among the first `filled` bytes and returns the bytes they used.
    /// `atEnd`: the stream is over, so an entry missing only its final empty line is complete.
    private mutating func parseEntries(filled: Int, fields: inout JournalFields, _ body: (JournalFields, Int) -> Void,
                                       atEnd: Bool = false) -> Int {
        var entryStart = 0
        var position = 0
        fields.reset()
        while position < filled {
            guard let newline = memchr(buffer + position, 0x0A, filled - position) else { break }
            let lineEnd = newline.assumingMemoryBound(to: UInt8.self) - buffer
            if lineEnd == position {
                if fields.hasAny { body(fields, lineEnd + 1 - entryStart) }
                fields.reset()
                position = lineEnd + 1
                entryStart = position
                continue
            }
            let name = Bytes(base: buffer + position, count: lineEnd - position)
            if let equals = memchr(buffer + position, 0x3D, lineEnd - position) {
                let nameEnd = equals.assumingMemoryBound(to: UInt8.self) - buffer
                fields.take(name: name.prefix(nameEnd - position),
                            value: Bytes(base: buffer + nameEnd + 1, count: lineEnd - nameEnd - 1))
                position = lineEnd + 1
                continue
            }
            // A binary field: the length follows the name's newline.
            let lengthAt = lineEnd + 1
            guard lengthAt + 8 <= filled else { break }
            var length: UInt64 = 0
            memcpy(&length, buffer + lengthAt, 8)
            length = UInt64(littleEndian: length)
            guard length < UInt64(ExportEntryReader.maximumEntryBytes) else {
                damage = "a journal field claims \(length) bytes; the entries after it were not read"
                return entryStart
            }
            let valueEnd = lengthAt + 8 + Int(length)
            guard valueEnd < filled else { break }
            guard buffer[valueEnd] == 0x0A else {
                damage = "malformed journal export data (a binary field does not end with a newline)"
                return entryStart
            }
            fields.take(name: name, value: Bytes(base: buffer + lengthAt + 8, count: Int(length)))
            position = valueEnd + 1
        }
        if atEnd && position == filled && fields.hasAny {
            body(fields, filled - entryStart)
            return filled
        }
        return entryStart
    }

    private mutating func readSome(_ fd: Int32, into target: UnsafeMutablePointer<UInt8>, capacity: Int) -> Int {
        while true {
            let n = read(fd, target, capacity)
            if n >= 0 {
                bytesRead += n
                progress?.add(bytes: n)
                return n
            }
            if errno == EINTR { continue }
            damage = "read error: \(String(cString: strerror(errno)))"
            return 0
        }
    }

    private mutating func grow() {
        buffer = buffer.doubled(capacity: capacity)
        capacity *= 2
    }
}
