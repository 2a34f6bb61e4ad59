#if canImport(Glibc)
import Glibc
#endif
import LogscanCore

/// JSON pieces written through a raw pointer into room already reserved (`OutputBuffer.reserve`): no bounds
/// check or call per byte. Each function returns where its writing stopped. The tables are made once and
/// held by value (`shared`), so a writer reads them without a lazy-global check per use.
struct RawJSON: @unchecked Sendable {
    /// For each byte, 1 when it goes into a JSON string as it is and `SafeText` leaves it alone (printable
    /// ASCII other than `"` and `\\`), else 0.
    private let plainBytes: UnsafePointer<UInt8>
    /// Each number below 256 as up to three digits, then its digit count: four bytes, stored as one word.
    private let octets: UnsafePointer<UInt32>
    /// The two digits of 00…99, for writing numbers two digits at a time.
    private let digitPairs: UnsafePointer<UInt16>

    /// Made once, at first use, and only read after: safe to share between threads.
    static let shared = RawJSON()

    private init() {
        let plain = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        let octets = UnsafeMutablePointer<UInt32>.allocate(capacity: 256)
        for byte in 0..<256 {
            plain[byte] = byte >= 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x5C ? 1 : 0
            octets[byte] = Self.octetWord(byte)
        }
        let pairs = UnsafeMutablePointer<UInt16>.allocate(capacity: 100)
        for n in 0..<100 { pairs[n] = UInt16(48 + n / 10) | UInt16(48 + n % 10) << 8 }
        (plainBytes, self.octets, digitPairs) = (UnsafePointer(plain), UnsafePointer(octets), UnsafePointer(pairs))
    }

    /// `byte`'s decimal digits in ASCII, the first in the lowest byte, and their count in the top byte (by
    /// arithmetic: a `String` per number made the table cost `events` 0.18 M instructions a run).
    private static func octetWord(_ byte: Int) -> UInt32 {
        var word: UInt32 = 0, count: UInt32 = 0
        var divisor = byte >= 100 ? 100 : byte >= 10 ? 10 : 1
        while divisor > 0 {
            word |= UInt32(48 + byte / divisor % 10) << (8 * count)
            count += 1
            divisor /= 10
        }
        return word | count << 24
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

    /// True when none of the eight bytes of `word` needs escaping: none below 0x20, none at or above 0x7F,
    /// no `"` and no `\\` (the bit tricks of "Bit Twiddling Hacks": hasless, hasmore, haszero).
    @inline(__always)
    private static func allPlain(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word
        let upper = (word &+ ones) | word
        let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
        let hasQuote = (quote &- ones) & ~quote, hasBackslash = (backslash &- ones) & ~backslash
        return (control | upper | hasQuote | hasBackslash) & high == 0
    }

    /// `bytes` in quotes when every byte is plain (see `plainBytes`); nil when one is not, for the caller to
    /// take the escaping path. Needs `bytes.count + 2` bytes of room.
    @inline(__always)
    func plainString(_ bytes: Bytes, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8>? {
        out[0] = 0x22
        let source = bytes.base, count = bytes.count, into = out + 1
        var i = 0
        while i + 8 <= count {
            let word = UnsafeRawPointer(source + i).loadUnaligned(as: UInt64.self)
            guard RawJSON.allPlain(word) else { break }
            UnsafeMutableRawPointer(into + i).storeBytes(of: word, as: UInt64.self)
            i += 8
        }
        while i < count {
            let byte = source[i]
            if plainBytes[Int(byte)] == 0 { return nil }
            into[i] = byte
            i += 1
        }
        into[count] = 0x22
        return into + count + 1
    }

    /// A non-negative number's digits (negative ones as 0). Needs 20 bytes of room.
    @inline(__always)
    func decimal(_ value: Int, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
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
            UnsafeMutableRawPointer(at).storeBytes(of: digitPairs[remaining % 100], as: UInt16.self)
            remaining /= 100
        }
        if at > out { out[0] = UInt8(48 + remaining) }
        return out + digits
    }

    /// Two digits of a number below 100. Needs 2 bytes of room.
    @inline(__always)
    func twoDigits(_ value: Int, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        UnsafeMutableRawPointer(out).storeBytes(of: digitPairs[value], as: UInt16.self)
        return out + 2
    }

    /// An IPv4 address in quotes, octet by octet from a table. Needs 18 bytes of room.
    @inline(__always)
    func quotedIPv4(_ value: UInt32, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        out[0] = 0x22
        var at = octet(value >> 24, to: out + 1)
        at = octet(value >> 16 & 0xFF, to: at)
        at = octet(value >> 8 & 0xFF, to: at)
        at = octet(value & 0xFF, to: at)
        at[-1] = 0x22
        return at
    }

    /// An IPv6 address in quotes, in the canonical form `IPAddress.description` gives (RFC 5952: lowercase,
    /// no leading zeros, the first longest run of two or more zero groups as `::`). Needs 42 bytes of room.
    func quotedIPv6(_ ip: IPAddress, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        @inline(__always) func group(_ k: Int) -> UInt16 {
            UInt16(truncatingIfNeeded: (k < 4 ? ip.high : ip.low) >> UInt64((3 - k % 4) * 16))
        }
        var bestStart = -1, bestLength = 1, runStart = -1
        for k in 0...8 {
            if k < 8 && group(k) == 0 {
                if runStart < 0 { runStart = k }
            } else if runStart >= 0 {
                if k - runStart > bestLength { (bestStart, bestLength) = (runStart, k - runStart) }
                runStart = -1
            }
        }
        out[0] = 0x22
        var at = out + 1
        var k = 0
        while k < 8 {
            if k == bestStart {
                at[0] = 0x3A
                at[1] = 0x3A
                at += 2
                k += bestLength
                continue
            }
            if k > 0 && k != bestStart + bestLength {
                at[0] = 0x3A
                at += 1
            }
            let value = group(k)
            var shift = value >= 0x1000 ? 12 : value >= 0x100 ? 8 : value >= 0x10 ? 4 : 0
            while shift >= 0 {
                let digit = UInt8(truncatingIfNeeded: value >> UInt16(shift)) & 0xF
                at[0] = digit < 10 ? 48 + digit : 87 + digit
                at += 1
                shift -= 4
            }
            k += 1
        }
        at[0] = 0x22
        return at + 1
    }

    /// One octet's digits and a dot; writes 4 bytes, keeps up to 4.
    @inline(__always)
    private func octet(_ value: UInt32, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        let word = octets[Int(value)]
        UnsafeMutableRawPointer(out).storeBytes(of: word, as: UInt32.self)
        let end = out + Int(word >> 24)
        end[0] = 0x2E
        return end + 1
    }
}
