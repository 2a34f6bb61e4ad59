/// ipset: `hash:net` sets `logscan-v4` and `logscan-v6` (with a default `timeout` under `--expire`), each
/// matched by one DROP rule at the top of INPUT. `-exist` makes creating and adding idempotent.
public struct IpsetBackend: FirewallBackend {
    public static func setName(_ isIPv4: Bool) -> String { isIPv4 ? "logscan-v4" : "logscan-v6" }

    public init() {}

    public var name: BackendName { .ipset }

    public var title: String { "ipset (hash:net sets logscan-v4, logscan-v6) with iptables/ip6tables rules" }

    public func lifetimeNote(expireSeconds: Int64?) -> String {
        guard let expireSeconds else { return "Bans stay until flushed (--expire lets the kernel drop them)" }
        return "The kernel drops each ban \(expireSeconds)s after it is added (ipset timeout)"
    }

    public func setup(ipv4: Bool, ipv6: Bool, expireSeconds: Int64?) -> [String] {
        let timeout = expireSeconds.map { " timeout \($0)" } ?? ""
        return [(ipv4, true), (ipv6, false)].filter(\.0).flatMap { _, isIPv4 -> [String] in
            let set = Self.setName(isIPv4)
            return ["ipset create \(set) hash:net family \(isIPv4 ? "inet" : "inet6") maxelem 1048576\(timeout) -exist",
                    insertOnce(xtables(isIPv4), chain: "INPUT", rule(set))]
        }
    }

    public func ban(target: String, isIPv4: Bool, expireSeconds: Int64?) -> [String] {
        let timeout = expireSeconds.map { " timeout \($0)" } ?? ""
        return ["ipset add \(Self.setName(isIPv4)) \(target)\(timeout) -exist"]
    }

    public func flush() -> [String] {
        [true, false].flatMap { isIPv4 -> [String] in
            let set = Self.setName(isIPv4)
            return [deleteFromInput(xtables(isIPv4), rule(set)),
                    "if ipset -n list \(set) >/dev/null 2>&1; then ipset destroy \(set); fi"]
        }
    }

    private func rule(_ set: String) -> String { "-m set --match-set \(set) src -j DROP" }
}
