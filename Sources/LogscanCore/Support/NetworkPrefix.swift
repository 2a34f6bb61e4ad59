/// A network in CIDR notation (`192.168.0.0/16`, `2001:db8::/32`, or one address), matched against
/// addresses on their 128-bit form (IPv4 as IPv4-mapped IPv6, so `10.0.0.0/8` is `::ffff:10.0.0.0/104`).
public struct NetworkPrefix: Hashable, Sendable, CustomStringConvertible {
    public let address: IPAddress
    /// Prefix length over 128 bits.
    public let length: Int

    /// Parses `address` or `address/length`; nil for anything else, or for host bits set past the prefix.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = IPAddress(String(parts[0])) else { return nil }
        let limit = address.isIPv4 ? 32 : 128
        var length = limit
        if parts.count == 2 {
            guard let given = Int(parts[1]), parts[1].allSatisfy(\.isASCII), (0...limit).contains(given) else { return nil }
            length = given
        }
        self.length = length + (address.isIPv4 ? 96 : 0)
        self.address = address
        guard Self.masked(address, self.length) == address else { return nil }
    }

    public func contains(_ ip: IPAddress) -> Bool {
        Self.masked(ip, length) == address
    }

    public var description: String {
        "\(address)/\(address.isIPv4 ? length - 96 : length)"
    }

    static func masked(_ ip: IPAddress, _ length: Int) -> IPAddress {
        func mask(_ bits: Int) -> UInt64 { bits <= 0 ? 0 : bits >= 64 ? .max : ~(UInt64.max >> UInt64(bits)) }
        return IPAddress(high: ip.high & mask(length), low: ip.low & mask(length - 64))
    }
}
