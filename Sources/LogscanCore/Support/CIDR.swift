/// An address block: an IPv4 or IPv6 network and its prefix length. IPv4 is held IPv4-mapped, like
/// `IPAddress`, so one 128-bit comparison serves both families; `length` is in the family's own terms
/// (0–32 or 0–128). Its text is re-serialised from the bits.
public struct CIDR: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The network address (host bits zero).
    public let network: IPAddress
    public let length: Int

    public var isIPv4: Bool { network.isIPv4 }
    public var maxLength: Int { isIPv4 ? 32 : 128 }
    public var isSingleAddress: Bool { length == maxLength }

    /// The block of `length` bits around `address` (host bits cleared).
    public init(_ address: IPAddress, length: Int) {
        let maxLength = address.isIPv4 ? 32 : 128
        let clamped = min(max(length, 0), maxLength)
        self.length = clamped
        network = CIDR.masked(address, bits: clamped + (address.isIPv4 ? 96 : 0))
    }

    /// `1.2.3.4`, `1.2.3.0/24`, `2001:db8::/32`. Host bits are allowed and cleared (as iptables does);
    /// anything else is nil: a malformed entry must be reported, never guessed.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = parts.first, let address = IPAddress(String(first)) else { return nil }
        let maxLength = address.isIPv4 ? 32 : 128
        var length = maxLength
        if parts.count == 2 {
            guard let digits = Int(parts[1]), parts[1].allSatisfy(\.isASCII), parts[1].allSatisfy(\.isNumber),
                  digits <= maxLength else { return nil }
            length = digits
        }
        self.init(address, length: length)
    }

    /// Like `init?(_:)`, but nil when host bits are set past the prefix (`10.0.0.1/8`): for options where
    /// such a value is more likely a typo than a network.
    public init?(exactly text: String) {
        guard let block = CIDR(text), text.split(separator: "/").first.flatMap({ IPAddress(String($0)) }) == block.network
        else { return nil }
        self = block
    }

    public func contains(_ address: IPAddress) -> Bool {
        address.isIPv4 == isIPv4 && CIDR.masked(address, bits: bits128) == network
    }

    /// True when the two blocks share any address (one then contains the other).
    public func overlaps(_ other: CIDR) -> Bool {
        guard isIPv4 == other.isIPv4 else { return false }
        let shorter = min(bits128, other.bits128)
        return CIDR.masked(network, bits: shorter) == CIDR.masked(other.network, bits: shorter)
    }

    public var description: String { isSingleAddress ? network.description : "\(network)/\(length)" }

    /// Always with the length, as iptables and ipset print it.
    public var withLength: String { "\(network)/\(length)" }

    public static func < (lhs: CIDR, rhs: CIDR) -> Bool { (lhs.network, lhs.length) < (rhs.network, rhs.length) }

    private var bits128: Int { length + (isIPv4 ? 96 : 0) }

    private static func masked(_ address: IPAddress, bits: Int) -> IPAddress {
        func mask(_ n: Int) -> UInt64 { n <= 0 ? 0 : n >= 64 ? .max : ~(UInt64.max >> UInt64(n)) }
        return IPAddress(high: address.high & mask(bits), low: address.low & mask(bits - 64))
    }
}
