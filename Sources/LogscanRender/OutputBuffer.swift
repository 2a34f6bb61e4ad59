#if canImport(Glibc)
import Glibc
#endif
import LogscanCore

/// Bytes bound for a file descriptor, written in large blocks.
public struct OutputBuffer {
    private var bytes: [UInt8] = []
    private let fd: Int32
    private let threshold = 1 << 16

    public init(fd: Int32 = 1) {
        self.fd = fd
        bytes.reserveCapacity(threshold + 4096)
    }

    mutating func append(_ literal: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    public mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func append(_ view: Bytes) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: view.base, count: view.count))
    }

    mutating func append(_ raw: [UInt8]) { bytes.append(contentsOf: raw) }

    mutating func appendTwoDigits(_ value: Int) {
        bytes.append(UInt8(48 + value / 10))
        bytes.append(UInt8(48 + value % 10))
    }

    /// A non-negative number's digits, written without a `String`.
    mutating func append(decimal value: Int) {
        guard value >= 10 else {
            bytes.append(UInt8(48 + max(0, value)))
            return
        }
        append(decimal: value / 10)
        bytes.append(UInt8(48 + value % 10))
    }

    /// An address in quotes: dotted quad written digit by digit, IPv6 through its canonical text.
    mutating func appendJSONAddress(_ ip: IPAddress) {
        bytes.append(UInt8(ascii: "\""))
        if let v4 = ip.v4Value {
            for shift in [24, 16, 8, 0] {
                append(decimal: Int(v4 >> UInt32(shift) & 0xFF))
                if shift > 0 { bytes.append(UInt8(ascii: ".")) }
            }
        } else {
            append(ip.description)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A JSON string of log bytes, made safe by `SafeText` first (control characters and invalid UTF-8
    /// escaped), so JSON and text show the same thing.
    mutating func appendJSONString(_ view: Bytes) {
        bytes.append(UInt8(ascii: "\""))
        if isPlainASCII(view) {
            append(view)
        } else {
            appendEscaped(SafeText.from(view))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func appendJSONString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        appendEscaped(text)
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ text: String) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0..<0x20: append("\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16))
            default: bytes.append(byte)
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

    mutating func flushIfFull() {
        if bytes.count >= threshold { flush() }
    }

    public mutating func flush() {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                break
            }
            offset += n
        }
        bytes.removeAll(keepingCapacity: true)
    }
}
