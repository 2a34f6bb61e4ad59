/// A firewall's commands for a `BanPlan`. Every command is built from re-serialised addresses and fixed
/// words, never from log text; each is idempotent, so a script can run twice.
public protocol FirewallBackend: Sendable {
    /// Its `--backend` name.
    var name: BackendName { get }
    /// The header's description of it.
    var title: String { get }
    /// What the header says about how long bans last.
    func lifetimeNote(expireSeconds: Int64?) -> String
    /// Creates what the bans need (chains, tables, sets), for the families that have bans.
    func setup(ipv4: Bool, ipv6: Bool, expireSeconds: Int64?) -> [String]
    /// Bans one block (`target` is `address/length`).
    func ban(target: String, isIPv4: Bool, expireSeconds: Int64?) -> [String]
    /// Removes everything this backend's scripts add.
    func flush() -> [String]
}

/// The backends `--backend` names.
public enum BackendName: String, CaseIterable, Sendable {
    case iptables, nft, ipset

    public var backend: any FirewallBackend {
        switch self {
        case .iptables: return IptablesBackend()
        case .nft: return NftBackend()
        case .ipset: return IpsetBackend()
        }
    }

    /// Whether the kernel can expire its bans (`--expire`).
    public var supportsExpiry: Bool { self != .iptables }
}

/// The iptables command of a family, with `-w` (wait for the xtables lock rather than fail).
func xtables(_ isIPv4: Bool) -> String { isIPv4 ? "iptables -w" : "ip6tables -w" }

/// Deletes every copy of a rule in INPUT (a loop, since `-D` deletes one).
func deleteFromInput(_ tool: String, _ rule: String) -> String {
    "while \(tool) -C INPUT \(rule) 2>/dev/null; do \(tool) -D INPUT \(rule); done"
}

/// Inserts a rule unless it is there (`-C … || -I …`).
func insertOnce(_ tool: String, chain: String, _ rule: String) -> String {
    "\(tool) -C \(chain) \(rule) 2>/dev/null || \(tool) -I \(chain) \(rule)"
}
