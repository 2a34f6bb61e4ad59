import CZlib

/// A gzip input inflated with the system zlib. Members are inflated one after another (`inflateReset` at
/// each end), as `gzip -d` does. A member that fails its integrity check (a data error inside its deflate
/// stream, a CRC or length mismatch) is reported through `takeMemberEnd` and reading goes on with the next
/// member (GzipRecovery.swift). A truncated file or trailing garbage delivers every byte inflated before it
/// and is reported in `damage`.
///
/// The `z_stream` lives on the heap: zlib keeps a pointer back to it and refuses a stream that moved.
struct GzipChunks: ChunkProducer {
    var input: PrefetchedInput
    let streamPointer: UnsafeMutablePointer<z_stream>
    var stream: z_stream {
        get { streamPointer.pointee }
        nonmutating set { streamPointer.pointee = newValue }
    }
    let inputBuffer: UnsafeMutablePointer<UInt8>
    static let inputCapacity = 256 * 1024
    var inputEnded = false
    var inMember = false
    var finished = false
    /// Members begun so far, intact or not: the current member's number.
    var members = 0
    /// Compressed bytes consumed: the offset in the file of `stream.next_in`.
    var consumed = 0
    /// Where the current member starts (its `1f 8b`).
    var memberStart = 0
    /// A search for the next member never goes back before the point where the last failure was found, so
    /// each compressed byte is read at most twice however the damage is laid out.
    var searchFloor = 0
    private(set) var damage: String?
    /// Damage read past: garbage skipped between members.
    private(set) var notes: [String] = []
    /// Set when a member ended in the last `fill`; taken by the line splitter once its lines are out.
    var memberEnd: GzipMemberEnd?
    /// Output of the trial inflations of `GzipRecovery`, made at the first.
    var trialOutput: UnsafeMutablePointer<UInt8>?

    init(input: PrefetchedInput) {
        self.input = input
        inputBuffer = .allocate(capacity: GzipChunks.inputCapacity)
        streamPointer = .allocate(capacity: 1)
        streamPointer.initialize(to: z_stream())
        let status = logscan_inflateInit2(streamPointer, 15 + 32)
        if status != Z_OK {
            damage = "zlib could not start (code \(status))"
            finished = true
        }
    }

    var rawBytesRead: Int { input.rawBytesRead }

    /// Frees zlib's state; call once when done.
    mutating func close() {
        inflateEnd(streamPointer)
        streamPointer.deallocate()
        inputBuffer.deallocate()
        trialOutput?.deallocate()
    }

    /// Inflates into `buffer`, stopping at a member's end (intact or failed) so the member's lines are out
    /// before its end is told: a fill that returns 0 with a member end pending is not the end of the input.
    mutating func fill(_ buffer: UnsafeMutablePointer<UInt8>, capacity: Int) -> Int {
        guard !finished else { return 0 }
        // zlib counts output in 32 bits: fill at most 4 GiB - 1 per call.
        let capacity = min(capacity, Int(UInt32.max))
        stream.next_out = buffer
        stream.avail_out = UInt32(capacity)
        while stream.avail_out > 0 && !finished && memberEnd == nil {
            if stream.avail_in == 0 && !refill() {
                if inMember {
                    endOfFileInMember()
                } else if members == 0 {
                    fail("empty gzip stream")
                }
                finished = finished || memberEnd == nil
                break
            }
            if !inMember {
                guard startMember() else { break }
            }
            let before = stream.avail_in
            let status = inflate(streamPointer, Z_NO_FLUSH)
            consumed += Int(before - stream.avail_in)
            switch status {
            case Z_STREAM_END:
                inMember = false
                inflateReset(streamPointer)
                memberEnd = GzipMemberEnd(index: members, intact: true, reason: nil)
            case Z_OK, Z_BUF_ERROR:
                continue
            default:
                memberFailed(stream.msg.map { String(cString: $0) } ?? "code \(status)")
            }
        }
        return capacity - Int(stream.avail_out)
    }

    mutating func takeMemberEnd() -> GzipMemberEnd? {
        defer { memberEnd = nil }
        return memberEnd
    }

    /// Checks the magic of the next member; trailing zero padding ends the file quietly.
    private mutating func startMember() -> Bool {
        while stream.avail_in < 2 && refillAppending() {}
        let next = stream.next_in!
        if stream.avail_in >= 2 && next[0] == 0x1F && next[1] == 0x8B {
            inMember = true
            members += 1
            memberStart = consumed
            return true
        }
        if isZeroPadding() {
            finished = true
            return false
        }
        let garbageAt = consumed
        if let next = findHeader() {
            notes.append("compressed bytes \(garbageAt)–\(next - 1) after gzip member \(members) are not gzip: skipped to the member at byte \(next)")
            return startMember()
        }
        fail("trailing garbage after gzip member \(members) at compressed byte \(garbageAt)")
        return false
    }

    private mutating func isZeroPadding() -> Bool {
        repeat {
            for i in 0..<Int(stream.avail_in) where stream.next_in[i] != 0 { return false }
            consumed += Int(stream.avail_in)
            stream.avail_in = 0
        } while refill()
        return true
    }

    mutating func fail(_ message: String) {
        if damage == nil { damage = message }
        finished = true
    }

    /// Reads more compressed input when all of it was consumed.
    mutating func refill() -> Bool {
        guard stream.avail_in == 0, !inputEnded else { return stream.avail_in > 0 }
        let n = input.read(inputBuffer, capacity: GzipChunks.inputCapacity)
        if let error = input.readError { fail("read error: \(error)") }
        guard n > 0 else {
            inputEnded = true
            return false
        }
        stream.next_in = inputBuffer
        stream.avail_in = UInt32(n)
        return true
    }

    /// Moves the unread bytes to the front and reads more behind them (to see a header across reads).
    mutating func refillAppending() -> Bool {
        guard !inputEnded else { return false }
        let left = Int(stream.avail_in)
        if left > 0 { inputBuffer.update(from: stream.next_in, count: left) }
        let n = input.read(inputBuffer + left, capacity: GzipChunks.inputCapacity - left)
        guard n > 0 else {
            inputEnded = true
            stream.next_in = inputBuffer
            return false
        }
        stream.next_in = inputBuffer
        stream.avail_in = UInt32(left + n)
        return true
    }
}
