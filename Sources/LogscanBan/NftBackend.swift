/// nftables: a table `inet logscan` with sets `v4` and `v6` (`flags interval` for prefixes, `timeout` with
/// `--expire`) and one drop rule each in its own input chain. The chain belongs to logscan, so the setup
/// empties it and adds the two rules again: a re-run leaves the same rules, and `add element` of an element
/// already there changes nothing.
public struct NftBackend: FirewallBackend {
    public static let table = "inet logscan"

    public init() {}

    public var name: BackendName { .nft }

    public var title: String { "nft, table \(Self.table), sets v4 and v6" }

    public func lifetimeNote(expireSeconds: Int64?) -> String {
        guard let expireSeconds else { return "Bans stay until flushed (--expire lets the kernel drop them)" }
        return "The kernel drops each ban \(expireSeconds)s after it is added (set element timeout)"
    }

    public func setup(ipv4: Bool, ipv6: Bool, expireSeconds: Int64?) -> [String] {
        let flags = expireSeconds == nil ? "interval" : "interval, timeout"
        return ["nft -f - <<'LOGSCAN_NFT'",
                "add table \(Self.table)",
                "add set \(Self.table) v4 { type ipv4_addr; flags \(flags); auto-merge; }",
                "add set \(Self.table) v6 { type ipv6_addr; flags \(flags); auto-merge; }",
                "add chain \(Self.table) input { type filter hook input priority -10; policy accept; }",
                "flush chain \(Self.table) input",
                "add rule \(Self.table) input ip saddr @v4 drop",
                "add rule \(Self.table) input ip6 saddr @v6 drop",
                "LOGSCAN_NFT"]
    }

    public func ban(target: String, isIPv4: Bool, expireSeconds: Int64?) -> [String] {
        let timeout = expireSeconds.map { " timeout \($0)s" } ?? ""
        return ["nft add element \(Self.table) \(isIPv4 ? "v4" : "v6") '{ \(target)\(timeout) }'"]
    }

    public func flush() -> [String] {
        ["if nft list table \(Self.table) >/dev/null 2>&1; then nft delete table \(Self.table); fi"]
    }
}
