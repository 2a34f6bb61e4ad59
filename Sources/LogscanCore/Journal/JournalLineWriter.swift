/// Writes a journal entry as the one line a syslog daemon would have written (`host program[pid]: message`,
/// without the time) into a reusable buffer, and gives the `SyslogLine` whose views point into that line. So
/// an entry looks like any other line to the pipeline: a held line copies it whole, and unmatched samples
/// and `events --unmatched` show it readably.
struct JournalLineWriter {
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int

    init(capacity: Int = 64 << 10) {
        self.capacity = capacity
        buffer = .allocate(capacity: capacity)
    }

    func deallocate() { buffer.deallocate() }

    /// The entry's line and its header fields (an entry without a MESSAGE has an empty message).
    mutating func line(_ fields: JournalFields) -> (line: SyslogLine, raw: Bytes) {
        let message = fields.message ?? Bytes("")
        let host = fields.hostname ?? Bytes("")
        let program = fields.program ?? Bytes("")
        let pid = fields.pid
        let needed = host.count + program.count + message.count + 24
        if needed > capacity { grow(to: needed) }
        var length = 0
        let hostView = append(host, at: &length)
        if !host.isEmpty { append(byte: 0x20, at: &length) }
        let programView = append(program, at: &length)
        if !program.isEmpty {
            if pid >= 0 { appendPID(pid, at: &length) }
            append(byte: 0x3A, at: &length)
            append(byte: 0x20, at: &length)
        }
        let messageView = append(message, at: &length)
        let line = SyslogLine(time: fields.time, host: hostView, program: programView, pid: pid,
                              message: messageView, repeatCount: 1)
        return (line, Bytes(base: buffer, count: length))
    }

    private func append(_ bytes: Bytes, at length: inout Int) -> Bytes {
        (buffer + length).update(from: bytes.base, count: bytes.count)
        defer { length += bytes.count }
        return Bytes(base: buffer + length, count: bytes.count)
    }

    private func append(byte: UInt8, at length: inout Int) {
        buffer[length] = byte
        length += 1
    }

    /// `[1234]`
    private func appendPID(_ pid: Int32, at length: inout Int) {
        append(byte: 0x5B, at: &length)
        var digits = 1
        var rest = pid / 10
        while rest > 0 { digits += 1; rest /= 10 }
        var value = pid
        for index in stride(from: length + digits - 1, through: length, by: -1) {
            buffer[index] = UInt8(48 + value % 10)
            value /= 10
        }
        length += digits
        append(byte: 0x5D, at: &length)
    }

    private mutating func grow(to needed: Int) {
        buffer.deallocate()
        capacity = max(needed, capacity * 2)
        buffer = .allocate(capacity: capacity)
    }
}
