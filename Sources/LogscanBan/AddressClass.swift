import LogscanCore

/// Address blocks that are never banned (loopback) or that deserve a warning before they are (private,
/// shared, link-local, documentation and other special-purpose ranges of RFC 6890 / the IANA registries).
public enum AddressClass {
    public static let loopback = [CIDR("127.0.0.0/8")!, CIDR("::1/128")!]

    static let reserved: [(CIDR, String)] = [
        ("0.0.0.0/8", "this network"), ("10.0.0.0/8", "private"), ("100.64.0.0/10", "shared (CGNAT)"),
        ("169.254.0.0/16", "link-local"), ("172.16.0.0/12", "private"), ("192.0.0.0/24", "IETF protocol"),
        ("192.0.2.0/24", "documentation"), ("192.168.0.0/16", "private"), ("198.18.0.0/15", "benchmarking"),
        ("198.51.100.0/24", "documentation"), ("203.0.113.0/24", "documentation"), ("224.0.0.0/4", "multicast"),
        ("240.0.0.0/4", "reserved"), ("::/128", "unspecified"), ("64:ff9b::/96", "NAT64"),
        ("100::/64", "discard"), ("2001:db8::/32", "documentation"), ("fc00::/7", "unique local (private)"),
        ("fe80::/10", "link-local"), ("ff00::/8", "multicast"),
    ].map { (CIDR($0.0)!, $0.1) }

    /// The kind of special range `block` lies in or overlaps, or nil for ordinary public space.
    public static func reservedKind(_ block: CIDR) -> String? {
        reserved.first { $0.0.overlaps(block) }?.1
    }

    public static func isLoopback(_ block: CIDR) -> Bool { loopback.contains { $0.overlaps(block) } }
}
