import CByteScan
#if canImport(Glibc)
import Glibc
#endif

/// A borrowed view of bytes: a line, a field, a message. It never owns memory and is valid only while
/// the buffer it points into is; copy it with `array` to keep it.
public struct Bytes: @unchecked Sendable {
    public let base: UnsafePointer<UInt8>
    public let count: Int

    @inlinable
    public init(base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    @inlinable
    public init(_ buffer: UnsafeBufferPointer<UInt8>) {
        self.base = buffer.baseAddress ?? ("" as StaticString).utf8Start
        self.count = buffer.count
    }

    /// A view of a string literal, which lives as long as the program.
    @inlinable
    public init(_ literal: StaticString) {
        self.base = literal.utf8Start
        self.count = literal.utf8CodeUnitCount
    }

    @inlinable public var isEmpty: Bool { count == 0 }

    @inlinable
    public subscript(index: Int) -> UInt8 { base[index] }

    /// The bytes from `start` up to (not including) `end`.
    @inlinable
    public func slice(_ start: Int, _ end: Int) -> Bytes {
        Bytes(base: base + start, count: end - start)
    }

    @inlinable public func dropFirst(_ n: Int) -> Bytes { slice(Swift.min(n, count), count) }
    @inlinable public func dropLast(_ n: Int) -> Bytes { slice(0, Swift.max(0, count - n)) }
    @inlinable public func prefix(_ n: Int) -> Bytes { slice(0, Swift.min(n, count)) }
    @inlinable public func suffix(from start: Int) -> Bytes { slice(start, count) }

    public var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Lossless only for valid UTF-8; use `SafeText` for anything shown to a person.
    public var string: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

    // MARK: comparison with literals
    // Always inlined: the literal's length is then a constant, and the compiler compares with a load or
    // two instead of calling memcmp. It does so for at most 32 bytes and calls `bcmp` above that, so a longer
    // literal is compared as its first 32 bytes and the rest (`sameBytes`), each in registers.

    @inlinable @inline(__always)
    public func hasPrefix(_ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        return n <= count && Bytes.sameBytes(base, literal.utf8Start, n)
    }

    /// Whether the `n` bytes at `a` and `b` are the same, `n` a constant after inlining: in pieces of at most
    /// 32 bytes, which the compiler compares in registers rather than by a `bcmp` call.
    @inlinable @inline(__always)
    static func sameBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        n <= 32 ? memcmp(a, b, n) == 0 : memcmp(a, b, 32) == 0 && memcmp(a + 32, b + 32, n - 32) == 0
    }

    /// The literal's length when the bytes start with it: where the rest of the message begins.
    @inlinable @inline(__always)
    public func lengthOfPrefix(_ literal: StaticString) -> Int? {
        hasPrefix(literal) ? literal.utf8CodeUnitCount : nil
    }

    /// The bytes after `literal` when they start with it.
    @inlinable @inline(__always)
    public func after(_ literal: StaticString) -> Bytes? {
        hasPrefix(literal) ? dropFirst(literal.utf8CodeUnitCount) : nil
    }

    @inlinable @inline(__always)
    public func hasSuffix(_ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        return n <= count && Bytes.sameBytes(base + (count - n), literal.utf8Start, n)
    }

    @inlinable
    public func hasPrefix(_ other: Bytes) -> Bool {
        other.count <= count && memcmp(base, other.base, other.count) == 0
    }

    @inlinable @inline(__always)
    public func equals(_ literal: StaticString) -> Bool {
        literal.utf8CodeUnitCount == count && hasPrefix(literal)
    }

    @inlinable
    public func equals(_ other: Bytes) -> Bool {
        other.count == count && memcmp(base, other.base, count) == 0
    }

    // MARK: searching

    /// The index of the first `byte` at or after `start`.
    @inlinable
    public func firstIndex(of byte: UInt8, from start: Int = 0) -> Int? {
        guard start < count, let hit = memchr(base + start, Int32(byte), count - start) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    /// The index of the last `byte` before `end`.
    @inlinable
    public func lastIndex(of byte: UInt8, before end: Int? = nil) -> Int? {
        let limit = end ?? count
        guard limit > 0, let hit = logscan_memrchr(base, Int32(byte), limit) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    /// The index of the first occurrence of `literal` at or after `start`: `memchr` for its first byte and
    /// an inlined compare of the literal (its length is a constant at each call).
    @inline(__always)
    public func firstRange(of literal: StaticString, from start: Int = 0) -> Int? {
        firstRange(of: literal, anchor: 0, from: start)
    }

    /// The index of the last occurrence of `literal` that ends at or before `end`. Always inlined, so the
    /// literal's compare is a load or two rather than a `memcmp` call.
    @inline(__always)
    public func lastRange(of literal: StaticString, endingBy end: Int? = nil) -> Int? {
        let n = literal.utf8CodeUnitCount
        guard n > 0 else { return nil }
        let first = literal.utf8Start[0]
        var limit = (end ?? count) - n + 1
        while limit > 0, let at = lastIndex(of: first, before: limit) {
            if memcmp(base + at, literal.utf8Start, n) == 0 { return at }
            limit = at
        }
        return nil
    }

    @inline(__always)
    public func contains(_ literal: StaticString) -> Bool { firstRange(of: literal) != nil }

    /// Parses the whole view as a non-negative decimal number; one too large for `Int` saturates at
    /// `Int.max` (a log's numbers are attacker-chosen).
    @inlinable
    public var decimalValue: Int? {
        guard count > 0 else { return nil }
        var value = 0
        // Up to 18 digits cannot overflow: the common case pays no overflow check.
        let exact = Swift.min(count, 18)
        for i in 0..<exact {
            let digit = Int(base[i]) &- 48
            guard digit >= 0 && digit <= 9 else { return nil }
            value = value &* 10 &+ digit
        }
        for i in exact..<count {
            let digit = Int(base[i]) &- 48
            guard digit >= 0 && digit <= 9 else { return nil }
            value = value *| 10 +| digit
        }
        return value
    }
}

extension Bytes: Equatable {
    public static func == (lhs: Bytes, rhs: Bytes) -> Bool { lhs.equals(rhs) }
}

extension Bytes {
    /// Runs `body` with a view of `array`'s bytes; for tests and for the few places that start from a value.
    public static func with<R>(_ array: [UInt8], _ body: (Bytes) throws -> R) rethrows -> R {
        try array.withUnsafeBufferPointer { try body(Bytes($0)) }
    }

    public static func with<R>(_ text: String, _ body: (Bytes) throws -> R) rethrows -> R {
        try with(Array(text.utf8), body)
    }
}

@inlinable
func isDigit(_ byte: UInt8) -> Bool { byte &- 48 < 10 }
