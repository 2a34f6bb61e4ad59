#if canImport(Glibc)
import Glibc
#endif
import LogscanCore

/// JSON pieces written through a raw pointer into room already reserved (`OutputBuffer.reserve`): no bounds
/// check or call per byte. Each function returns where its writing stopped.
enum RawJSON {
    /// For each byte, 1 when it goes into a JSON string as it is and `SafeText` leaves it alone (printable
    /// ASCII other than `"` and `\\`), else 0.
    private static let plainBytes = ConstantTable<UInt8> {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for byte in 0..<256 {
            table[byte] = byte >= 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x5C ? 1 : 0
        }
        return UnsafePointer(table)
    }

    /// Each number below 256 as up to three digits, then its digit count: four bytes, stored as one word.
    private static let octets = ConstantTable<UInt32> {
        let table = UnsafeMutablePointer<UInt32>.allocate(capacity: 256)
        for n in 0..<256 {
            let digits = Array(String(n).utf8)
            var word: UInt32 = UInt32(digits.count) << 24
            for (k, digit) in digits.enumerated() { word |= UInt32(digit) << (8 * k) }
            table[n] = word
        }
        return UnsafePointer(table)
    }

    /// The two digits of 00…99, for writing numbers two digits at a time.
    private static let digitPairs = ConstantTable<UInt16> {
        let table = UnsafeMutablePointer<UInt16>.allocate(capacity: 100)
        for n in 0..<100 { table[n] = UInt16(48 + n / 10) | UInt16(48 + n % 10) << 8 }
        return UnsafePointer(table)
    }

    @inline(__always)
    static func copy(_ bytes: UnsafeRawBufferPointer, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        memcpy(out, bytes.baseAddress!, bytes.count)
        return out + bytes.count
    }

    @inline(__always)
    static func copy(_ literal: StaticString, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        memcpy(out, literal.utf8Start, literal.utf8CodeUnitCount)
        return out + literal.utf8CodeUnitCount
    }

    /// `bytes` in quotes when every byte is plain (see `plainBytes`); nil when one is not, for the caller to
    /// take the escaping path. Needs `bytes.count + 2` bytes of room.
    @inline(__always)
    static func plainString(_ bytes: Bytes, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8>? {
        out[0] = 0x22
        let source = bytes.base, count = bytes.count
        var i = 0
        while i < count {
            let byte = source[i]
            if plainBytes.base[Int(byte)] == 0 { return nil }
            out[1 + i] = byte
            i += 1
        }
        out[1 + count] = 0x22
        return out + count + 2
    }

    /// A non-negative number's digits (negative ones as 0). Needs 20 bytes of room.
    @inline(__always)
    static func decimal(_ value: Int, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        if value < 10 {
            out[0] = UInt8(48 + max(0, value))
            return out + 1
        }
        var digits = 2
        var probe = value / 100
        while probe > 0 {
            probe /= 10
            digits += 1
        }
        var remaining = value
        var at = out + digits
        while remaining >= 10 {
            at -= 2
            UnsafeMutableRawPointer(at).storeBytes(of: digitPairs.base[remaining % 100], as: UInt16.self)
            remaining /= 100
        }
        if at > out { out[0] = UInt8(48 + remaining) }
        return out + digits
    }

    /// An IPv4 address in quotes, octet by octet from a table. Needs 18 bytes of room.
    @inline(__always)
    static func quotedIPv4(_ value: UInt32, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        out[0] = 0x22
        var at = octet(value >> 24, to: out + 1)
        at = octet(value >> 16 & 0xFF, to: at)
        at = octet(value >> 8 & 0xFF, to: at)
        at = octet(value & 0xFF, to: at)
        at[-1] = 0x22
        return at
    }

    /// One octet's digits and a dot; writes 4 bytes, keeps up to 4.
    @inline(__always)
    private static func octet(_ value: UInt32, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        let word = octets.base[Int(value)]
        UnsafeMutableRawPointer(out).storeBytes(of: word, as: UInt32.self)
        let end = out + Int(word >> 24)
        end[0] = 0x2E
        return end + 1
    }

    /// Two digits of a number below 100. Needs 2 bytes of room.
    @inline(__always)
    static func twoDigits(_ value: Int, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        UnsafeMutableRawPointer(out).storeBytes(of: digitPairs.base[value], as: UInt16.self)
        return out + 2
    }
}

/// A table filled once, at first use, and only read after: safe to share between threads.
struct ConstantTable<Element>: @unchecked Sendable {
    let base: UnsafePointer<Element>

    init(_ make: () -> UnsafePointer<Element>) { base = make() }
}
