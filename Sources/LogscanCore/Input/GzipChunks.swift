import CZlib

/// A gzip input inflated with the system zlib. Members are inflated one after another (`inflateReset` at
/// each end), as `gzip -d` does. A truncated or corrupt stream delivers every byte inflated before the
/// damage and then reports it in `damage`.
///
/// The `z_stream` lives on the heap: zlib keeps a pointer back to it and refuses a stream that moved.
struct GzipChunks: ChunkProducer {
    private var input: PrefetchedInput
    private let streamPointer: UnsafeMutablePointer<z_stream>
    private var stream: z_stream {
        get { streamPointer.pointee }
        nonmutating set { streamPointer.pointee = newValue }
    }
    private let inputBuffer: UnsafeMutablePointer<UInt8>
    private static let inputCapacity = 256 * 1024
    private var inputEnded = false
    private var inMember = false
    private var finished = false
    private var members = 0
    private var consumed = 0
    private(set) var damage: String?
    /// Set when a member ended in the last `fill`; taken by the line splitter once its lines are out.
    private var memberEnd: GzipMemberEnd?

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
    }

    mutating func fill(_ buffer: UnsafeMutablePointer<UInt8>, capacity: Int) -> Int {
        guard !finished else { return 0 }
        // zlib counts output in 32 bits: fill at most 4 GiB - 1 per call.
        let capacity = min(capacity, Int(UInt32.max))
        stream.next_out = buffer
        stream.avail_out = UInt32(capacity)
        while stream.avail_out > 0 && !finished {
            if stream.avail_in == 0 && !refill() {
                if inMember {
                    fail("truncated: the file ends inside gzip member \(members + 1)")
                } else if members == 0 {
                    fail("empty gzip stream")
                }
                finished = true
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
                members += 1
                inMember = false
                inflateReset(streamPointer)
                // Stop at the member's end, so its lines are out before it is reported intact.
                memberEnd = GzipMemberEnd(index: members, intact: true, reason: nil)
                if Int(stream.avail_out) < capacity { return capacity - Int(stream.avail_out) }
            case Z_OK, Z_BUF_ERROR:
                continue
            default:
                let reason = stream.msg.map { String(cString: $0) } ?? "code \(status)"
                memberEnd = GzipMemberEnd(index: members + 1, intact: false, reason: reason)
                fail("corrupt gzip data in member \(members + 1) near compressed byte \(consumed): \(reason)")
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
            return true
        }
        if isZeroPadding() {
            finished = true
            return false
        }
        fail("trailing garbage after gzip member \(members) at compressed byte \(consumed)")
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

    private mutating func fail(_ message: String) {
        if damage == nil { damage = message }
        finished = true
    }

    /// Reads more compressed input when all of it was consumed.
    private mutating func refill() -> Bool {
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

    /// Moves the unread bytes to the front and reads more behind them (to see a 2-byte magic across reads).
    private mutating func refillAppending() -> Bool {
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
