/// iptables for IPv4 and ip6tables for IPv6: a `logscan` chain, jumped to once from INPUT, with one DROP
/// rule per block. Rules stay until flushed: iptables has no timeouts.
public struct IptablesBackend: FirewallBackend {
    public static let chain = "logscan"

    public init() {}

    public var name: BackendName { .iptables }

    public var title: String { "iptables (IPv4) and ip6tables (IPv6), chain \(Self.chain)" }

    public func lifetimeNote(expireSeconds: Int64?) -> String {
        "Rules stay until flushed (iptables has no timeouts; --backend nft or ipset with --expire lets the kernel drop them)"
    }

    public func setup(ipv4: Bool, ipv6: Bool, expireSeconds: Int64?) -> [String] {
        [(ipv4, true), (ipv6, false)].filter(\.0).flatMap { _, isIPv4 -> [String] in
            let tool = xtables(isIPv4)
            return ["\(tool) -n -L \(Self.chain) >/dev/null 2>&1 || \(tool) -N \(Self.chain)",
                    insertOnce(tool, chain: "INPUT", "-j \(Self.chain)")]
        }
    }

    public func ban(target: String, isIPv4: Bool, expireSeconds: Int64?) -> [String] {
        [insertOnce(xtables(isIPv4), chain: Self.chain, "-s \(target) -j DROP")]
    }

    public func flush() -> [String] {
        [true, false].flatMap { isIPv4 -> [String] in
            let tool = xtables(isIPv4)
            return [deleteFromInput(tool, "-j \(Self.chain)"),
                    "if \(tool) -n -L \(Self.chain) >/dev/null 2>&1; then \(tool) -F \(Self.chain); \(tool) -X \(Self.chain); fi"]
        }
    }
}
