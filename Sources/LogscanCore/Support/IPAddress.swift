/// An IPv4 or IPv6 address as 128 bits. IPv4 is stored IPv4-mapped (`::ffff:a.b.c.d`), so `1.2.3.4` and
/// `::ffff:1.2.3.4` are the same key. Its text is always re-serialized from these bits, never copied.
public struct IPAddress: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let high: UInt64
    public let low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    public init(v4 value: UInt32) {
        self.high = 0
        self.low = 0x0000_FFFF_0000_0000 | UInt64(value)
    }

    public var isIPv4: Bool { high == 0 && low >> 32 == 0x0000_FFFF }
    public var v4Value: UInt32? { isIPv4 ? UInt32(truncatingIfNeeded: low) : nil }

    public static func < (lhs: IPAddress, rhs: IPAddress) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }

    // MARK: parsing

    public init?(_ text: String) {
        guard let parsed = Bytes.with(text, { IPAddress(bytes: $0) }) else { return nil }
        self = parsed
    }

    /// Parses dotted-quad IPv4 or any RFC 4291 IPv6 text form (including embedded IPv4). An IPv6 zone id
    /// (RFC 4007: `fe80::1%eth0`) names the local interface, not the peer: it is accepted and dropped.
    public init?(bytes: Bytes) {
        guard bytes.count >= 2, bytes.count <= 45 + 16 else { return nil }
        // A dotted quad has no colon, so when it parses as one the search for a colon is not needed.
        if let v4 = IPAddress.parseV4(bytes) {
            self.init(v4: v4)
        } else if bytes.firstIndex(of: UInt8(ascii: ":")) == nil {
            return nil
        } else {
            guard let (high, low) = IPAddress.parseV6(IPAddress.droppingZone(bytes)) else { return nil }
            self.init(high: high, low: low)
        }
    }

    /// An interface name is at most 15 bytes on Linux (IFNAMSIZ) and the BSDs; a numeric zone is shorter.
    /// (`init?(bytes:)` writes it as a literal: a `static let` costs a lazy-initialisation check per call.)
    static let maxZoneLength = 16

    /// `addr%zone` → `addr`, when the zone is a plausible interface name or number; anything else is left
    /// for the address parser to refuse.
    static func droppingZone(_ bytes: Bytes) -> Bytes {
        guard let percent = bytes.lastIndex(of: UInt8(ascii: "%")) else { return bytes }
        let zone = bytes.suffix(from: percent + 1)
        guard zone.count >= 1, zone.count <= maxZoneLength, percent <= 45 else { return bytes }
        for i in 0..<zone.count {
            let byte = zone[i]
            let letter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            guard letter || isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
                    || byte == UInt8(ascii: "_") else { return bytes }
        }
        return bytes.prefix(percent)
    }

    /// Four decimal octets, no leading zeros ("01" is ambiguous), nothing else (`DottedQuad`'s rules).
    @inline(__always)
    static func parseV4(_ bytes: Bytes) -> UInt32? {
        let count = bytes.count
        guard count >= 7 && count <= 15, let (value, end) = DottedQuad.forward(bytes.base, from: 0, limit: count),
              end == count else { return nil }
        return value
    }

    static func parseV6(_ bytes: Bytes) -> (UInt64, UInt64)? {
        var storage: (UInt16, UInt16, UInt16, UInt16, UInt16, UInt16, UInt16, UInt16) = (0, 0, 0, 0, 0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &storage) { raw in
            parseV6(bytes, into: raw.bindMemory(to: UInt16.self))
        }
    }

    /// Parses into eight groups on the caller's stack: no allocation per address.
    private static func parseV6(_ bytes: Bytes, into groups: UnsafeMutableBufferPointer<UInt16>) -> (UInt64, UInt64)? {
        var count = 0
        var gapAt: Int? = nil
        var i = 0
        let n = bytes.count
        if bytes[0] == UInt8(ascii: ":") {
            guard n > 1, bytes[1] == UInt8(ascii: ":") else { return nil }
            gapAt = 0
            i = 2
        }
        while i < n {
            guard count < 8 else { return nil }
            var end = i
            var value: UInt32 = 0
            while end < n, let digit = hexValue(bytes[end]), end - i < 4 {
                value = value << 4 | digit
                end += 1
            }
            if end < n && bytes[end] == UInt8(ascii: ".") {
                // Embedded IPv4 in the last 32 bits.
                guard count <= 6, let v4 = parseV4(bytes.suffix(from: i)) else { return nil }
                groups[count] = UInt16(v4 >> 16)
                groups[count + 1] = UInt16(v4 & 0xFFFF)
                count += 2
                i = n
                break
            }
            guard end > i else { return nil }
            groups[count] = UInt16(value)
            count += 1
            i = end
            if i == n { break }
            guard bytes[i] == UInt8(ascii: ":") else { return nil }
            i += 1
            if i < n && bytes[i] == UInt8(ascii: ":") {
                guard gapAt == nil else { return nil }
                gapAt = count
                i += 1
            } else if i == n {
                return nil
            }
        }
        if let gap = gapAt {
            guard count < 8 else { return nil }
            let tailCount = count - gap
            // Move the groups after the gap to the end, from the last one back, then zero the gap.
            for k in stride(from: tailCount - 1, through: 0, by: -1) { groups[8 - tailCount + k] = groups[gap + k] }
            for k in gap..<(8 - tailCount) { groups[k] = 0 }
        } else if count != 8 {
            return nil
        }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for k in 0..<4 { high = high << 16 | UInt64(groups[k]) }
        for k in 4..<8 { low = low << 16 | UInt64(groups[k]) }
        return (high, low)
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - 48)
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - 87)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - 55)
        default: return nil
        }
    }

    // MARK: text

    /// Dotted quad for IPv4, RFC 5952 canonical form for IPv6.
    public var description: String {
        if let v4 = v4Value {
            return "\(v4 >> 24).\(v4 >> 16 & 0xFF).\(v4 >> 8 & 0xFF).\(v4 & 0xFF)"
        }
        let groups = (0..<8).map { k -> UInt16 in
            let word = k < 4 ? high : low
            return UInt16(truncatingIfNeeded: word >> UInt64((3 - k % 4) * 16))
        }
        var bestStart = -1, bestLength = 1
        var runStart = -1
        for k in 0...8 {
            if k < 8 && groups[k] == 0 {
                if runStart < 0 { runStart = k }
            } else if runStart >= 0 {
                if k - runStart > bestLength { bestStart = runStart; bestLength = k - runStart }
                runStart = -1
            }
        }
        // Appended group by group, not `joined(separator:)`: its first use costs a runtime conformance scan of
        // the whole binary (~0.22 M instructions a run; bench/RESULTS.md, round seven, start-up).
        func hex(_ range: Range<Int>) -> String {
            var text = ""
            for k in range {
                if k > range.lowerBound { text += ":" }
                text += String(groups[k], radix: 16)
            }
            return text
        }
        guard bestStart >= 0 else { return hex(0..<8) }
        return hex(0..<bestStart) + "::" + hex((bestStart + bestLength)..<8)
    }

    // Codable as its canonical text.
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let parsed = IPAddress(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad IP \(text)"))
        }
        self = parsed
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
