#if canImport(Glibc)
import Glibc
#endif
import LogscanCore

/// `events` lines kept compactly while they wait (see `OrderedEventPart`): behind a line whose verdict is
/// still open, or while their part of the output waits for its turn. About 20 bytes a line instead of the
/// 220 of its JSON, or the 600 of a held line. A queue: records are added at the end and read from the
/// front, up to the first line still open.
///
/// Each record is a flags byte, varints (the fragment, the line number and time as differences from the
/// record before, the count), the address in 4 or 16 bytes, and the byte fields with their lengths; the
/// host and the program are left out when they equal the record before's in the same block. An open line's
/// record has instead a state byte and its fragment and count in fixed width, written in place when its
/// verdict comes (`settle`). Records go into blocks mapped from the system; a block is unmapped once read,
/// and when every record is read the last block is written again from its start, so memory follows what
/// waits, not what passed.
///
/// One part's log is used by one thread at a time, so its state goes without dynamic exclusivity checks.
final class EventRecordLog {
    private struct Block {
        var base: UnsafeMutableRawPointer
        var size: Int
        /// Where its records end, once the writing moved on to the next block.
        var used: Int
    }

    private static let blockSize = 1 << 20
    /// From the block read next to the block written.
    @exclusivity(unchecked) private var blocks: [Block] = []
    /// Where the next record goes, in the last block, and where that block ends.
    @exclusivity(unchecked) private var cursor: UnsafeMutablePointer<UInt8>?
    @exclusivity(unchecked) private var end: UnsafeMutablePointer<UInt8>?
    /// The next record to read, in the first block.
    @exclusivity(unchecked) private var head: UnsafeMutablePointer<UInt8>?
    /// The bytes mapped for blocks.
    @exclusivity(unchecked) private(set) var mappedBytes = 0
    /// What the next record written, and the next one read, are told relative to.
    @exclusivity(unchecked) private var written = Previous()
    @exclusivity(unchecked) private var read = Previous()

    private struct Previous {
        var lineNumber = 0
        var micros: Int64 = 0
        /// Views of the last copies in the current block; a new block starts without them.
        var host = Bytes("")
        var program = Bytes("")

        mutating func forgetNames() {
            host = Bytes("")
            program = Bytes("")
        }
    }

    private enum Flag {
        static let hasTime: UInt8 = 1, sameHost: UInt8 = 2, sameProgram: UInt8 = 4, hasUser: UInt8 = 8
        static let hasText: UInt8 = 16, peerShift: UInt8 = 5
        static let peerV4: UInt8 = 1, peerV6: UInt8 = 2, peerHostname: UInt8 = 3
        /// The fragment and count follow the flags in fixed width, after a state byte (`Place`).
        static let place: UInt8 = 128
    }

    /// An open line's fixed fields, from the start of its record.
    private enum Place {
        static let state = 1, fragment = 2, count = 6, end = 14
        static let open: UInt8 = 0, settled: UInt8 = 1
    }

    /// True when no record waits.
    var isEmpty: Bool { head == cursor }

    deinit { release() }

    /// Keeps `line`'s fields. Returns the bytes newly mapped for it (0 mostly; a block's size when it
    /// started one).
    @discardableResult
    func append(_ line: EventLine) -> Int {
        write(line, open: false).mapped
    }

    /// Keeps a line whose verdict is still open: its fragment and count come with `settle(_:_:)`, and
    /// reading stops before it until then. Returns its place and the bytes newly mapped.
    func appendOpen(_ line: EventLine) -> (place: Int, mapped: Int) {
        let (record, mapped) = write(line, open: true)
        return (Int(bitPattern: record), mapped)
    }

    /// Gives the open line at `place` its fragment and count (`line`'s; its other fields are kept).
    func settle(_ place: Int, _ line: EventLine) {
        guard let record = UnsafeMutableRawPointer(bitPattern: place) else { return }
        record.storeBytes(of: UInt32(truncatingIfNeeded: line.fragment), toByteOffset: Place.fragment, as: UInt32.self)
        record.storeBytes(of: Int64(line.count), toByteOffset: Place.count, as: Int64.self)
        record.storeBytes(of: Place.settled, toByteOffset: Place.state, as: UInt8.self)
    }

    @inline(__always)
    private func write(_ line: EventLine, open: Bool) -> (record: UnsafeMutablePointer<UInt8>, mapped: Int) {
        let mappedBefore = mappedBytes
        let room = Place.end + 96 + 5 * 10 + line.variableBytes
        if cursor == nil || end! - cursor! < room { startBlock(atLeast: room) }
        let start = cursor!
        var out = start + 1
        var flags: UInt8 = 0
        if open {
            flags |= Flag.place
            start[Place.state] = Place.open
            out = start + Place.end
        } else {
            out = EventRecordLog.varint(UInt64(line.fragment), to: out)
        }
        out = EventRecordLog.varint(EventRecordLog.zigzag(Int64(line.lineNumber &- written.lineNumber)), to: out)
        written.lineNumber = line.lineNumber
        if let time = line.time {
            flags |= Flag.hasTime
            out = EventRecordLog.varint(EventRecordLog.zigzag(time.micros &- written.micros), to: out)
            written.micros = time.micros
        }
        if !open { out = EventRecordLog.varint(EventRecordLog.zigzag(Int64(line.count)), to: out) }
        switch line.peer {
        case .ip(let ip)?:
            if let v4 = ip.v4Value {
                flags |= Flag.peerV4 << Flag.peerShift
                UnsafeMutableRawPointer(out).storeBytes(of: v4, as: UInt32.self)
                out += 4
            } else {
                flags |= Flag.peerV6 << Flag.peerShift
                UnsafeMutableRawPointer(out).storeBytes(of: ip.high, as: UInt64.self)
                UnsafeMutableRawPointer(out + 8).storeBytes(of: ip.low, as: UInt64.self)
                out += 16
            }
        case .hostname(let name)?:
            flags |= Flag.peerHostname << Flag.peerShift
            out = EventRecordLog.field(name, to: out).end
        case nil:
            break
        }
        if let user = line.user {
            flags |= Flag.hasUser
            out = EventRecordLog.field(user, to: out).end
        }
        if line.host.equals(written.host) {
            flags |= Flag.sameHost
        } else {
            (out, written.host) = EventRecordLog.field(line.host, to: out)
        }
        if line.program.equals(written.program) {
            flags |= Flag.sameProgram
        } else {
            (out, written.program) = EventRecordLog.field(line.program, to: out)
        }
        if let text = line.text {
            flags |= Flag.hasText
            out = EventRecordLog.field(text, to: out).end
        }
        start[0] = flags
        cursor = out
        return (start, mappedBytes - mappedBefore)
    }

    /// Hands the records kept, oldest first, to `body`, up to the first line still open (all of them when
    /// none is), and unmaps the blocks read. Returns the bytes unmapped.
    @discardableResult
    func drain(_ body: (EventLine) -> Void) -> Int {
        guard let start = head, head != cursor else { return 0 }
        var at = UnsafePointer(start)
        let mappedBefore = mappedBytes
        while true {
            let stop = UnsafePointer(blocks.count == 1 ? cursor! : blocks[0].base.assumingMemoryBound(to: UInt8.self) + blocks[0].used)
            while at < stop {
                if at[0] & Flag.place != 0 && at[Place.state] == Place.open {
                    head = UnsafeMutablePointer(mutating: at)
                    return mappedBefore - mappedBytes
                }
                body(EventRecordLog.read(&at, previous: &read))
            }
            guard blocks.count > 1 else { break }
            munmap(blocks[0].base, blocks[0].size)
            mappedBytes -= blocks[0].size
            blocks.removeFirst()
            at = UnsafePointer(blocks[0].base.assumingMemoryBound(to: UInt8.self))
            read.forgetNames()
        }
        // Everything is read: the block is written again from its start.
        head = blocks[0].base.assumingMemoryBound(to: UInt8.self)
        cursor = head
        written.forgetNames()
        read.forgetNames()
        return mappedBefore - mappedBytes
    }

    private static func read(_ at: inout UnsafePointer<UInt8>, previous: inout Previous) -> EventLine {
        let flags = at[0]
        let fragment: Int
        var count = 0
        if flags & Flag.place != 0 {
            let record = UnsafeRawPointer(at)
            fragment = Int(record.loadUnaligned(fromByteOffset: Place.fragment, as: UInt32.self))
            count = Int(record.loadUnaligned(fromByteOffset: Place.count, as: Int64.self))
            at += Place.end
        } else {
            at += 1
            fragment = Int(varint(&at))
        }
        previous.lineNumber &+= Int(unzigzag(varint(&at)))
        var time: Instant?
        if flags & Flag.hasTime != 0 {
            previous.micros &+= unzigzag(varint(&at))
            time = Instant(micros: previous.micros)
        }
        if flags & Flag.place == 0 { count = Int(unzigzag(varint(&at))) }
        var peer: Peer?
        switch flags >> Flag.peerShift & 3 {
        case Flag.peerV4:
            peer = .ip(IPAddress(v4: UnsafeRawPointer(at).loadUnaligned(as: UInt32.self)))
            at += 4
        case Flag.peerV6:
            peer = .ip(IPAddress(high: UnsafeRawPointer(at).loadUnaligned(as: UInt64.self),
                                 low: UnsafeRawPointer(at + 8).loadUnaligned(as: UInt64.self)))
            at += 16
        case Flag.peerHostname:
            peer = .hostname(field(&at))
        default:
            break
        }
        let user = flags & Flag.hasUser != 0 ? field(&at) : nil
        if flags & Flag.sameHost == 0 { previous.host = field(&at) }
        if flags & Flag.sameProgram == 0 { previous.program = field(&at) }
        let text = flags & Flag.hasText != 0 ? field(&at) : nil
        return EventLine(lineNumber: previous.lineNumber, time: time, host: previous.host, program: previous.program,
                         fragment: fragment, peer: peer, user: user, count: count, text: text)
    }

    private func startBlock(atLeast room: Int) {
        if let cursor, let last = blocks.indices.last {
            blocks[last].used = UnsafeMutableRawPointer(cursor) - blocks[last].base
        }
        let size = max(EventRecordLog.blockSize, (room + 4095) & ~4095)
        guard let base = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              Int(bitPattern: base) != -1 else { fatalError("events: cannot map \(size) bytes to keep lines in") }
        blocks.append(Block(base: base, size: size, used: 0))
        mappedBytes += size
        cursor = base.assumingMemoryBound(to: UInt8.self)
        end = cursor! + size
        if blocks.count == 1 { head = cursor }
        written.forgetNames()
    }

    /// Unmaps every block, read or not. Returns the bytes unmapped.
    @discardableResult
    func release() -> Int {
        let unmapped = mappedBytes
        for block in blocks { munmap(block.base, block.size) }
        blocks = []
        cursor = nil
        end = nil
        head = nil
        mappedBytes = 0
        written = Previous()
        read = Previous()
        return unmapped
    }

    // MARK: encoding

    @inline(__always)
    private static func zigzag(_ value: Int64) -> UInt64 { UInt64(bitPattern: (value << 1) ^ (value >> 63)) }

    @inline(__always)
    private static func unzigzag(_ value: UInt64) -> Int64 { Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1) }

    @inline(__always)
    private static func varint(_ value: UInt64, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        var value = value, at = out
        while value >= 0x80 {
            at[0] = UInt8(truncatingIfNeeded: value) | 0x80
            value >>= 7
            at += 1
        }
        at[0] = UInt8(value)
        return at + 1
    }

    @inline(__always)
    private static func varint(_ at: inout UnsafePointer<UInt8>) -> UInt64 {
        var value: UInt64 = 0, shift: UInt64 = 0
        while true {
            let byte = at[0]
            at += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    /// The length and the bytes; returns where it ended and a view of the copy.
    @inline(__always)
    private static func field(_ bytes: Bytes, to out: UnsafeMutablePointer<UInt8>) -> (end: UnsafeMutablePointer<UInt8>, copy: Bytes) {
        let at = varint(UInt64(bytes.count), to: out)
        memcpy(at, bytes.base, bytes.count)
        return (at + bytes.count, Bytes(base: at, count: bytes.count))
    }

    @inline(__always)
    private static func field(_ at: inout UnsafePointer<UInt8>) -> Bytes {
        let count = Int(varint(&at))
        let bytes = Bytes(base: at, count: count)
        at += count
        return bytes
    }
}
