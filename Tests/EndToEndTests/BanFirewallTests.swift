import Foundation
import LogscanCore
import Testing

/// Each backend's script run for real, as root, in a fresh network namespace (`unshare -n`): the rules are
/// read back in the same namespace and must hold exactly the expected blocks; a second run adds nothing;
/// the `--flush` script leaves nothing of logscan's.
@Suite(.serialized) struct BanFirewallTests {
    /// With `--v4-prefix 24 --allow 198.51.100.24` on Fixtures/ban (see BanTests).
    static let v4 = ["192.0.2.50/32", "192.0.2.51/32", "198.51.100.20/32", "198.51.100.21/32", "203.0.113.0/24"]
    static let v6 = ["2001:db8:1:2::/64"]

    struct Namespace {
        /// What `dump` printed after the first run, after the second, and after the flush.
        var first: String
        var second: String
        var flushed: String
    }

    /// Writes the ban and flush scripts for `backend`, runs them in one new network namespace with `dump`
    /// between the steps.
    static func run(_ backend: String, extra: [String] = [], dump: String) throws -> Namespace {
        let unshare = try RealTool.require("unshare", package: "util-linux")
        let dir = try Harness.fixtures("ban", mtimes: BanTests.mtimes)
        let ban = try Harness.logscan(["ban", "--quiet", "--backend", backend, "--v4-prefix", "24", "--allow", "198.51.100.24"]
                                      + extra + [dir.path])
        #expect(ban.status == 0, "\(ban.err)")
        let flush = try Harness.logscan(["ban", "--flush", "--backend", backend])
        #expect(flush.status == 0)
        let work = dir.deletingLastPathComponent()
        try ban.out.write(to: work.appendingPathComponent("ban.sh"), atomically: true, encoding: .utf8)
        try flush.out.write(to: work.appendingPathComponent("flush.sh"), atomically: true, encoding: .utf8)
        let steps = "sh ban.sh; \(dump); echo =====; sh ban.sh; \(dump); echo =====; sh flush.sh; sh flush.sh; \(dump)"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: unshare)
        process.arguments = ["-n", "sh", "-ec", steps]
        process.currentDirectoryURL = work
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(errors)")
        let parts = text.components(separatedBy: "=====\n")
        try #require(parts.count == 3, "\(text)\n\(errors)")
        return Namespace(first: parts[0], second: parts[1], flushed: parts[2])
    }

    /// `-s BLOCK -j DROP` rules of `iptables -S` output.
    static func sources(_ rules: String, chain: String) -> [String] {
        rules.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ").map(String.init)
            guard words.starts(with: ["-A", chain]), let s = words.firstIndex(of: "-s"), words.last == "DROP" else { return nil }
            return words[s + 1]
        }.sorted()
    }

    @Test func iptables() throws {
        _ = try RealTool.require("iptables", package: "iptables")
        _ = try RealTool.require("ip6tables", package: "iptables")
        let result = try Self.run("iptables", dump: "iptables -S; ip6tables -S")
        #expect(Self.sources(result.first, chain: "logscan") == (Self.v4 + Self.v6).sorted())
        #expect(result.first.components(separatedBy: "-A INPUT -j logscan").count - 1 == 2, "one jump per family")
        #expect(result.second == result.first, "a second run adds nothing")
        #expect(!result.flushed.contains("logscan"), "\(result.flushed)")
    }

    @Test func nft() throws {
        _ = try RealTool.require("nft", package: "nftables")
        let result = try Self.run("nft", extra: ["--expire", "1d"], dump: "nft -j list table inet logscan 2>/dev/null || true")
        let elements = try Self.nftElements(result.first)
        // The sets' auto-merge joins adjacent blocks (192.0.2.50 and .51 become 192.0.2.50/31): compare what
        // they cover.
        #expect(Self.v4Coverage(elements["v4"] ?? []) == Self.v4Coverage(Self.v4))
        #expect(elements["v6"] == Self.v6)
        #expect(try Self.nftRules(result.first) == 2)
        #expect(try Self.nftElements(result.second) == elements, "a second run adds nothing")
        #expect(try Self.nftRules(result.second) == 2)
        #expect(result.flushed.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(result.flushed)")
        #expect(result.first.contains("\"timeout\": 86400"), "--expire gives each element a kernel timeout")
    }

    @Test func ipset() throws {
        _ = try RealTool.require("ipset", package: "ipset")
        _ = try RealTool.require("iptables", package: "iptables")
        let result = try Self.run("ipset", dump: "ipset list; echo; iptables -S INPUT; ip6tables -S INPUT")
        #expect(Self.ipsetMembers(result.first, set: "logscan-v4") == Self.v4.map { $0.hasSuffix("/32") ? String($0.dropLast(3)) : $0 })
        #expect(Self.ipsetMembers(result.first, set: "logscan-v6") == Self.v6)
        #expect(result.first.contains("-A INPUT -m set --match-set logscan-v4 src -j DROP"))
        #expect(result.first.contains("-A INPUT -m set --match-set logscan-v6 src -j DROP"))
        #expect(result.second == result.first, "a second run adds nothing")
        #expect(!result.flushed.contains("logscan"), "\(result.flushed)")
    }

    /// The elements of each set in `nft -j list table` output, as `addr` or `addr/len`.
    static func nftElements(_ json: String) throws -> [String: [String]] {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        var sets: [String: [String]] = [:]
        for object in try #require(root["nftables"] as? [[String: Any]]) {
            guard let set = object["set"] as? [String: Any], let name = set["name"] as? String else { continue }
            sets[name] = (set["elem"] as? [Any] ?? []).map(nftElement).sorted()
        }
        return sets
    }

    static func nftElement(_ value: Any) -> String {
        if let text = value as? String { return text }
        guard let object = value as? [String: Any] else { return "?" }
        if let prefix = object["prefix"] as? [String: Any] { return "\(prefix["addr"] ?? "?")/\(prefix["len"] ?? "?")" }
        if let range = object["range"] as? [Any], range.count == 2 { return "\(range[0])-\(range[1])" }
        if let element = object["elem"] as? [String: Any], let inner = element["val"] { return nftElement(inner) }
        return "?"
    }

    static func nftRules(_ json: String) throws -> Int {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return try #require(root["nftables"] as? [[String: Any]]).filter { $0["rule"] != nil }.count
    }

    /// The IPv4 addresses `blocks` (`a.b.c.d`, `a.b.c.d/n`, `a.b.c.d-e.f.g.h`) cover, as merged ranges.
    static func v4Coverage(_ blocks: [String]) -> [ClosedRange<UInt32>] {
        func value(_ text: Substring) -> UInt32 { IPAddress(String(text))?.v4Value ?? 0 }
        let ranges = blocks.map { block -> ClosedRange<UInt32> in
            if let dash = block.firstIndex(of: "-") { return value(block[..<dash])...value(block[block.index(after: dash)...]) }
            let parts = block.split(separator: "/")
            let length = parts.count == 2 ? UInt32(parts[1]) ?? 32 : 32
            let low = value(parts[0])
            return low...(low | (length == 32 ? 0 : UInt32.max >> length))
        }.sorted { $0.lowerBound < $1.lowerBound }
        var merged: [ClosedRange<UInt32>] = []
        for range in ranges {
            if let last = merged.last, range.lowerBound <= last.upperBound &+ 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    /// The members of one set in `ipset list` output.
    static func ipsetMembers(_ listing: String, set: String) -> [String] {
        let blocks = listing.components(separatedBy: "Name: ")
        guard let block = blocks.first(where: { $0.hasPrefix(set + "\n") }),
              let members = block.components(separatedBy: "Members:\n").last else { return [] }
        return members.components(separatedBy: "\n\n")[0].split(separator: "\n").map(String.init).sorted()
    }
}
