import Foundation
import Testing

/// `logscan ban`'s policy, read from its JSON plan. `Fixtures/ban` (sshd, Nov 26 in auth.log.1, Nov 27 in
/// auth.log), one address per case:
/// - 198.51.100.21: 5 attempts, first to last exactly 10m (inside); .22: 10m01s (outside); .25: 4 in 2h;
/// - 198.51.100.20: 3 attempts at the end of auth.log.1 and 3 at the start of auth.log, 2 minutes apart
///   (qualifies only if the window spans the rotation); .26: 3 + 3 spread over 19 minutes (never in 10m);
/// - 198.51.100.23 fails 6 times, then logs in (a colleague); .24 fails 6 times (the tests allowlist it);
/// - 127.0.0.1 and ::1 (loopback), scanner.example.net (a host name, UseDNS): 6 failures each;
/// - 2001:db8:1:2::10 and ::11: 5 each (one /64); 203.0.113.1–3 and 192.0.2.50–51: 5 each (/24 grouping).
@Suite struct BanTests {
    static let mtimes = ["auth.log.1": "2026-11-27T00:00:00Z", "auth.log": "2026-11-27T12:00:00Z"]

    struct Plan {
        var bans: [String]
        var notBanned: [String: String]
        var json: [String: Any]
    }

    static func plan(_ arguments: [String], set: String = "ban", environment: [String: String] = [:],
                     paths: [String]? = nil) throws -> Plan {
        let dir = try Harness.fixtures(set, mtimes: set == "ban" ? mtimes : [:])
        let run = try Harness.logscan(["ban", "--format", "json", "--quiet"] + arguments + (paths?.map { dir.appendingPathComponent($0).path } ?? [dir.path]),
                                      environment: environment)
        #expect(run.status == 0, "\(run.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: run.outBytes) as? [String: Any])
        let bans = try #require(json["bans"] as? [[String: Any]]).compactMap { $0["target"] as? String }
        var skipped: [String: String] = [:]
        for entry in try #require(json["notBanned"] as? [[String: Any]]) {
            let offender = try #require(entry["offender"] as? [String: Any])
            skipped[try #require(offender["address"] as? String)] = try #require(entry["reason"] as? String)
        }
        return Plan(bans: bans, notBanned: skipped, json: json)
    }

    static let expected = ["192.0.2.50/32", "192.0.2.51/32", "198.51.100.20/32", "198.51.100.21/32",
                           "203.0.113.1/32", "203.0.113.2/32", "203.0.113.3/32", "2001:db8:1:2::/64"]

    @Test func defaultPolicyBansExactlyTheOffenders() throws {
        let plan = try Self.plan(["--allow", "198.51.100.24"])
        #expect(plan.bans == Self.expected)
        #expect(plan.notBanned == ["198.51.100.23": "logged_in", "198.51.100.24": "allowlisted", "127.0.0.1": "loopback",
                                   "::1": "loopback", "scanner.example.net": "hostname"])
    }

    @Test func windowEdgesAndRotation() throws {
        let plan = try Self.plan([])
        #expect(plan.bans.contains("198.51.100.21/32"), "first to fifth exactly 10m apart is inside")
        #expect(!plan.bans.contains("198.51.100.22/32"), "10m01s is outside")
        #expect(plan.bans.contains("198.51.100.20/32"), "3 + 3 across auth.log.1 and auth.log")
        #expect(!plan.bans.contains("198.51.100.26/32"))
        #expect(plan.bans.contains("198.51.100.24/32"), "not allowlisted this time")
        let wide = try Self.plan(["--window", "20m"])
        #expect(wide.bans.contains("198.51.100.26/32") && wide.bans.contains("198.51.100.22/32"))
        #expect(!wide.bans.contains("198.51.100.25/32"))
        let onlyNewFile = try Self.plan([], paths: ["auth.log"])
        #expect(!onlyNewFile.bans.contains("198.51.100.20/32"), "3 attempts alone do not qualify")
    }

    @Test func chunksOfOneLargeFileGiveTheSamePlan() throws {
        // Both days in one plain file, read in ~400-byte chunks by both cores.
        let dir = try Harness.fixtures("ban", mtimes: Self.mtimes)
        var combined = try Data(contentsOf: dir.appendingPathComponent("auth.log.1"))
        combined.append(try Data(contentsOf: dir.appendingPathComponent("auth.log")))
        let file = dir.appendingPathComponent("combined.log")
        try combined.write(to: file)
        for chunk in ["400", "997", "4096"] {
            let run = try Harness.logscan(["ban", "--format", "json", "--quiet", file.path], environment: ["LOGSCAN_CHUNK_BYTES": chunk])
            let json = try #require(try JSONSerialization.jsonObject(with: run.outBytes) as? [String: Any])
            let bans = try #require(json["bans"] as? [[String: Any]]).compactMap { $0["target"] as? String }
            #expect(bans == Self.expected.filter { $0 < "198.51.100.22" } + ["198.51.100.24/32"]
                + Self.expected.filter { $0 > "198.51.100.22" }, "chunks of \(chunk) bytes")
            #expect(bans.contains("198.51.100.20/32"))
        }
    }

    @Test func prefixesLoggedInAndServices() throws {
        let grouped = try Self.plan(["--v4-prefix", "24", "--allow", "198.51.100.24"])
        #expect(grouped.bans == ["192.0.2.50/32", "192.0.2.51/32", "198.51.100.20/32", "198.51.100.21/32",
                                 "203.0.113.0/24", "2001:db8:1:2::/64"],
                "198.51.100.0/24 holds a logged-in and an allowlisted address: never grouped")
        let single = try Self.plan(["--v6-prefix", "128"])
        #expect(single.bans.contains("2001:db8:1:2::10/128") && single.bans.contains("2001:db8:1:2::11/128"))
        let colleague = try Self.plan(["--ban-logged-in"])
        #expect(colleague.bans.contains("198.51.100.23/32"))
        let mailOnly = try Self.plan(["--services", "postfix,dovecot"])
        #expect(mailOnly.bans.isEmpty)
    }

    @Test func logInjectionNeverBansTheInjectedAddress() throws {
        let dir = try Harness.fixtures("hostile")
        let run = try Harness.logscan(["ban", "--quiet", "--include-probes", "--threshold", "1", dir.path])
        #expect(run.status == 0, "\(run.err)")
        #expect(!run.out.contains("10.0.0.1/") && !run.out.contains("10.9.9.9") && !run.out.contains("10.0.0.2"))
        #expect(run.out.contains("-s 203.0.113.66/32 -j DROP"))
        #expect(run.out.contains("x from 10.0.0.1 port 22"), "the user name is shown, in a comment")
        #expect(!run.outBytes.contains(0x1B) && !run.outBytes.contains(0x07))
        for line in run.out.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
            let known = ["#", "set -eu", "iptables -w ", "ip6tables -w "].contains { line.hasPrefix($0) }
            #expect(known, "unexpected script line: \(line)")
        }
    }

    @Test func nothingToBanIsAQuietScript() throws {
        let dir = try Harness.fixtures("ban", mtimes: Self.mtimes)
        let run = try Harness.logscan(["ban", "--quiet", "--threshold", "1000", dir.path])
        #expect(run.status == 0)
        #expect(run.out.contains("# Nothing to ban"))
        #expect(!run.out.split(separator: "\n").contains { !$0.hasPrefix("#") && $0 != "set -eu" })
    }

    @Test func badAllowlistEntriesStopTheCommand() throws {
        let dir = try Harness.fixtures("ban", mtimes: Self.mtimes)
        let allow = dir.deletingLastPathComponent().appendingPathComponent("ops.allow")
        try "# office\n198.51.100.0/24\n198.51.100.300 # typo\n".write(to: allow, atomically: true, encoding: .utf8)
        let run = try Harness.logscan(["ban", "--allow-file", allow.path, dir.path])
        #expect(run.status == 1)
        #expect(run.err.contains("\(allow.path):3: \"198.51.100.300\""), "\(run.err)")
        #expect(run.out.isEmpty)
        let option = try Harness.logscan(["ban", "--allow", "10.0.0.0/33", dir.path])
        #expect(option.status == 1 && option.out.isEmpty)
        let expire = try Harness.logscan(["ban", "--expire", "1h", dir.path])
        #expect(expire.status == 1 && expire.err.contains("--expire needs --backend nft or ipset"))
        try "198.51.100.0/24 # office\n".write(to: allow, atomically: true, encoding: .utf8)
        let good = try Self.plan(["--allow-file", allow.path])
        #expect(!good.bans.contains { $0.hasPrefix("198.51.100.") })
        #expect(good.notBanned["198.51.100.21"] == "allowlisted")
    }

    @Test func thisHostsOwnAddressesAreNeverBanned() throws {
        let hostname = try RealTool.require("hostname", package: "hostname")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: hostname)
        process.arguments = ["-I"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let own = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        process.waitUntilExit()
        try #require(!own.isEmpty, "hostname -I shows no address of this host")
        var lines = ""
        for (index, address) in (own.prefix(4) + ["198.51.100.77"]).enumerated() {
            for minute in 10 * index + 10..<10 * index + 16 {
                lines += "Nov 26 10:\(minute):00 web1 sshd[\(900 + minute)]: Failed password for root from \(address) port 4000 ssh2\n"
            }
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("logscan-own-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try lines.write(to: dir.appendingPathComponent("auth.log"), atomically: true, encoding: .utf8)
        let run = try Harness.logscan(["ban", "--format", "json", "--quiet", "--v6-prefix", "128", dir.path])
        let json = try #require(try JSONSerialization.jsonObject(with: run.outBytes) as? [String: Any])
        let bans = try #require(json["bans"] as? [[String: Any]]).compactMap { $0["target"] as? String }
        #expect(bans == ["198.51.100.77/32"], "only the stranger: \(own) are this host's")
        let skipped = try #require(json["notBanned"] as? [[String: Any]]).compactMap { $0["reason"] as? String }
        #expect(skipped == Array(repeating: "this_host", count: min(own.count, 4)))
    }

    @Test func probesAndRejectsCountOnlyWhenAsked() throws {
        func bans(_ extra: [String]) throws -> Set<String> {
            Set(try Self.plan(["--threshold", "2", "--window", "1d"] + extra, set: "mail").bans)
        }
        let failures = try bans([])
        #expect(failures == ["198.51.100.60/32", "198.51.100.61/32", "198.51.100.62/32", "203.0.113.10/32"])
        #expect(try bans(["--include-rejects"]).subtracting(failures) == ["192.0.2.80/32", "192.0.2.81/32"],
                "the addresses postfix rejected by policy")
        #expect(try bans(["--include-probes"]).subtracting(failures) == ["192.0.2.70/32", "192.0.2.71/32", "192.0.2.90/32"],
                "the postfix and dovecot probes")
        #expect(try bans(["--services", "dovecot"]) == ["198.51.100.62/32", "203.0.113.10/32"])
    }
}
