#if canImport(Glibc)
import Glibc
#endif
import LogscanCore

/// `events` lines kept compactly while their part of the output waits for its turn (see
/// `OrderedEventPart`): about 20 bytes a line instead of the 220 of its JSON. Each record is a flags byte,
/// varints (the fragment, the line number and time as differences from the record before, the count), the
/// address in 4 or 16 bytes, and the byte fields with their lengths; the host and the program are left out
/// when they equal the record before's. Records go into blocks mapped from the system and unmapped when
/// the log is written, so a waiting part's memory is returned at once.
final class EventRecordLog {
    private struct Block {
        var base: UnsafeMutableRawPointer
        var size: Int
        var used: Int
    }

    private static let blockSize = 1 << 20
    private var blocks: [Block] = []
    private var cursor: UnsafeMutablePointer<UInt8>?
    private var end: UnsafeMutablePointer<UInt8>?
    /// The bytes mapped for blocks.
    private(set) var mappedBytes = 0
    private var last = Previous()

    /// What a record is told relative to.
    private struct Previous {
        var lineNumber = 0
        var micros: Int64 = 0
        var host = Bytes("")
        var program = Bytes("")
    }

    private enum Flag {
        static let hasTime: UInt8 = 1, sameHost: UInt8 = 2, sameProgram: UInt8 = 4, hasUser: UInt8 = 8
        static let hasText: UInt8 = 16, peerShift: UInt8 = 5
        static let peerV4: UInt8 = 1, peerV6: UInt8 = 2, peerHostname: UInt8 = 3
    }

    deinit { release() }

    /// Keeps `line`'s fields. Returns the bytes newly mapped for it (0 mostly; a block's size when it
    /// started one).
    @discardableResult
    func append(_ line: EventLine) -> Int {
        let mappedBefore = mappedBytes
        let room = 96 + 5 * 10 + line.variableBytes
        if cursor == nil || end! - cursor! < room { startBlock(atLeast: room) }
        let start = cursor!
        var out = start + 1
        var flags: UInt8 = 0
        out = EventRecordLog.varint(UInt64(line.fragment), to: out)
        out = EventRecordLog.varint(EventRecordLog.zigzag(Int64(line.lineNumber &- last.lineNumber)), to: out)
        last.lineNumber = line.lineNumber
        if let time = line.time {
            flags |= Flag.hasTime
            out = EventRecordLog.varint(EventRecordLog.zigzag(time.micros &- last.micros), to: out)
            last.micros = time.micros
        }
        out = EventRecordLog.varint(EventRecordLog.zigzag(Int64(line.count)), to: out)
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
        if line.host.equals(last.host) {
            flags |= Flag.sameHost
        } else {
            (out, last.host) = EventRecordLog.field(line.host, to: out)
        }
        if line.program.equals(last.program) {
            flags |= Flag.sameProgram
        } else {
            (out, last.program) = EventRecordLog.field(line.program, to: out)
        }
        if let text = line.text {
            flags |= Flag.hasText
            out = EventRecordLog.field(text, to: out).end
        }
        start[0] = flags
        cursor = out
        return mappedBytes - mappedBefore
    }

    /// Hands every record kept, in order, to `body`, then unmaps the blocks.
    func drain(_ body: (EventLine) -> Void) {
        var previous = Previous()
        for block in blocks {
            let used = block.base == blocks.last?.base ? UnsafeMutableRawPointer(cursor!) - block.base : block.used
            var at = UnsafePointer(block.base.assumingMemoryBound(to: UInt8.self))
            let stop = at + used
            while at < stop {
                body(EventRecordLog.read(&at, previous: &previous))
            }
        }
        release()
    }

    private static func read(_ at: inout UnsafePointer<UInt8>, previous: inout Previous) -> EventLine {
        let flags = at[0]
        at += 1
        let fragment = Int(varint(&at))
        previous.lineNumber &+= Int(unzigzag(varint(&at)))
        var time: Instant?
        if flags & Flag.hasTime != 0 {
            previous.micros &+= unzigzag(varint(&at))
            time = Instant(micros: previous.micros)
        }
        let count = Int(unzigzag(varint(&at)))
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
    }

    private func release() {
        for block in blocks { munmap(block.base, block.size) }
        blocks = []
        cursor = nil
        end = nil
        mappedBytes = 0
        last = Previous()
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
