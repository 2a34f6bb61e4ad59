#if canImport(Glibc)
import Glibc
#endif
import LogscanCore

/// Bytes bound for a file descriptor, gathered in one raw block and written when it fills: appending is a
/// bounds check and a `memcpy`, with no array bookkeeping per field. A writer that knows a bound on what it
/// will write can also `reserve` that much and write through the pointer it gets (see `EventLineWriter`).
public final class OutputBuffer {
    private let storage: UnsafeMutablePointer<UInt8>
    private var count = 0
    /// Room for a whole `events` line of the longest line read (64 KiB, its text and its fields).
    static let capacity = 1 << 18
    private let capacity = OutputBuffer.capacity
    private let fd: Int32

    public init(fd: Int32 = 1) {
        self.fd = fd
        storage = .allocate(capacity: capacity)
    }

    /// Room for `n` bytes (at most `capacity`) at the end of the buffer, flushing first if needed: write
    /// them through the pointer, then `commit` where the writing stopped.
    @inline(__always)
    func reserve(_ n: Int) -> UnsafeMutablePointer<UInt8> {
        if count + n > capacity { flush() }
        return storage + count
    }

    /// Keeps the bytes written through `reserve`'s pointer up to `end`.
    @inline(__always)
    func commit(_ end: UnsafeMutablePointer<UInt8>) {
        count = end - storage
    }

    deinit {
        flush()
        storage.deallocate()
    }

    @inline(__always)
    private func makeRoom(_ n: Int) {
        if count + n > capacity { flush() }
    }

    @inline(__always)
    private func appendRaw(_ source: UnsafeRawPointer, _ n: Int) {
        if n > capacity {
            flush()
            writeAll(source, n)
            return
        }
        makeRoom(n)
        memcpy(storage + count, source, n)
        count += n
    }

    @inline(__always)
    func appendByte(_ byte: UInt8) {
        makeRoom(1)
        storage[count] = byte
        count += 1
    }

    @inline(__always)
    func append(_ literal: StaticString) { appendRaw(literal.utf8Start, literal.utf8CodeUnitCount) }

    @inline(__always)
    func append(_ view: Bytes) { appendRaw(view.base, view.count) }

    func append(_ raw: [UInt8]) { raw.withUnsafeBufferPointer { appendRaw($0.baseAddress!, $0.count) } }

    /// Text built at run time (a literal goes through the `StaticString` overload).
    public func append(string text: String) {
        var text = text
        text.withUTF8 { appendRaw($0.baseAddress!, $0.count) }
    }

    func appendTwoDigits(_ value: Int) {
        makeRoom(2)
        storage[count] = UInt8(48 + value / 10)
        storage[count + 1] = UInt8(48 + value % 10)
        count += 2
    }

    /// The digits of 0…999, three bytes each (leading zeros included), for writing numbers by table.
    private static let digitTriples: [UInt8] = {
        var table: [UInt8] = []
        for n in 0..<1000 {
            let hundreds = UInt8(48 + n / 100), tens = UInt8(48 + n / 10 % 10), ones = UInt8(48 + n % 10)
            table += [hundreds, tens, ones]
        }
        return table
    }()

    /// A number below 1000 (an IPv4 octet, say) from the table.
    @inline(__always)
    private func appendSmall(_ value: Int) {
        makeRoom(3)
        let skip = value < 10 ? 2 : (value < 100 ? 1 : 0)
        OutputBuffer.digitTriples.withUnsafeBufferPointer { table in
            for k in skip..<3 { storage[count + k - skip] = table[value * 3 + k] }
        }
        count += 3 - skip
    }

    /// A non-negative number's digits, written without a `String`.
    func append(decimal value: Int) {
        if value < 1000 {
            appendSmall(max(0, value))
            return
        }
        makeRoom(20)
        var remaining = max(0, value)
        var digits = 1
        var probe = remaining
        while probe >= 10 {
            probe /= 10
            digits += 1
        }
        var at = count + digits
        repeat {
            at -= 1
            storage[at] = UInt8(48 + remaining % 10)
            remaining /= 10
        } while remaining > 0
        count += digits
    }

    /// An address in quotes: dotted quad written digit by digit, IPv6 through its canonical text.
    func appendJSONAddress(_ ip: IPAddress) {
        appendByte(UInt8(ascii: "\""))
        if let v4 = ip.v4Value {
            appendSmall(Int(v4 >> 24))
            appendByte(UInt8(ascii: "."))
            appendSmall(Int(v4 >> 16 & 0xFF))
            appendByte(UInt8(ascii: "."))
            appendSmall(Int(v4 >> 8 & 0xFF))
            appendByte(UInt8(ascii: "."))
            appendSmall(Int(v4 & 0xFF))
        } else {
            append(string: ip.description)
        }
        appendByte(UInt8(ascii: "\""))
    }

    /// A JSON string of log bytes, made safe by `SafeText` first (control characters and invalid UTF-8
    /// escaped), so JSON and text show the same thing.
    func appendJSONString(_ view: Bytes) {
        appendByte(UInt8(ascii: "\""))
        if isPlainASCII(view) {
            append(view)
        } else {
            appendEscaped(SafeText.from(view))
        }
        appendByte(UInt8(ascii: "\""))
    }

    func appendJSONString(_ text: String) {
        appendByte(UInt8(ascii: "\""))
        appendEscaped(text)
        appendByte(UInt8(ascii: "\""))
    }

    private func appendEscaped(_ text: String) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"" as StaticString)
            case UInt8(ascii: "\\"): append("\\\\" as StaticString)
            case 0..<0x20: append(string: "\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16))
            default: appendByte(byte)
            }
        }
    }

    private func isPlainASCII(_ view: Bytes) -> Bool {
        for i in 0..<view.count {
            let byte = view[i]
            if byte < 0x20 || byte >= 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return false }
        }
        return true
    }

    public func flush() {
        writeAll(storage, count)
        count = 0
    }

    private func writeAll(_ source: UnsafeRawPointer, _ n: Int) {
        var offset = 0
        while offset < n {
            let written = write(fd, source + offset, n - offset)
            if written < 0 {
                if errno == EINTR { continue }
                break
            }
            offset += written
        }
    }
}
