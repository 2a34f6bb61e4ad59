import Foundation
import Testing

/// `logscan ban` on the hostile inputs of issue #11: the special files of Tests/Scripts/make_hostile.py
/// (made by `HostileFilesTests.make()`, run under `HostileFilesTests.bounded`) and Fixtures/hostile, as the
/// script of every backend and as the JSON plan: no crash, no address from a damaged member or an
/// attacker-chosen position, nothing invisible in a comment, every script line a comment or a command.
@Suite(.serialized) struct BanHostileTests {
    static let backends = ["iptables", "nft", "ipset"]

    /// `logscan ban ARGUMENTS` in `dir`, under the time bound.
    static func ban(_ arguments: [String], in dir: URL) throws -> Harness.Run {
        try HostileFilesTests.bounded(["ban"] + arguments, in: dir).run
    }

    /// The JSON plan's object.
    static func plan(_ run: Harness.Run) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: run.outBytes) as? [String: Any], "\(run.err)")
    }

    /// Every offender of the plan, banned or not, as (address, attempts).
    static func offenders(_ plan: [String: Any]) throws -> [(address: String, attempts: Int)] {
        let banned = try #require(plan["bans"] as? [[String: Any]]).flatMap { ($0["offenders"] as? [[String: Any]]) ?? [] }
        let skipped = try #require(plan["notBanned"] as? [[String: Any]]).compactMap { $0["offender"] as? [String: Any] }
        return try (banned + skipped).map {
            (try #require($0["address"] as? String), try #require($0["attempts"] as? Int))
        }
    }

    static func targets(_ plan: [String: Any]) throws -> [String] {
        try #require(plan["bans"] as? [[String: Any]]).compactMap { $0["target"] as? String }
    }

    /// Lines of a script that no backend writes: text that is neither empty, a comment nor a command.
    static func strayLines(_ script: String) -> [Substring] {
        let commands = ["#", "set -eu", "iptables -w ", "ip6tables -w ", "ipset ", "nft ",
                        // the body of nft's here-document
                        "add table ", "add set ", "add chain ", "add rule ", "flush chain ", "LOGSCAN_NFT"]
        return script.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { line in !line.isEmpty && !commands.contains { line.hasPrefix($0) } }
    }

    /// Characters no comment may hold: controls, line and paragraph separators, bidi and zero-width marks.
    static func invisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    @Test func countsPastIntMaxSaturateInThePlan() throws {
        let dir = try HostileFilesTests.make()
        let json = try Self.ban(["--format", "json", "--threshold", "1", "counts.log"], in: dir)
        #expect([0, 2].contains(json.status), "exit \(json.status): \(json.err)")
        let offenders = try Self.offenders(try Self.plan(json))
        // Each of these addresses has more than 2^32 attempts in counts.log; the ban tally keeps a UInt32
        // per address and service (BanTally.CountedAttempts), so each stops at its ceiling.
        let saturated = Dictionary(offenders.map { ($0.address, $0.attempts) }, uniquingKeysWith: max)
        #expect(saturated == ["203.0.113.9": Int(UInt32.max), "203.0.113.10": Int(UInt32.max),
                              "198.51.100.7": Int(UInt32.max), "198.51.100.8": Int(UInt32.max)], "\(offenders)")
        // A count at its ceiling says so: `atCeiling` in the JSON, `≥` in the script's comments.
        let plan = try Self.plan(json)
        let listed = try #require(plan["bans"] as? [[String: Any]]).flatMap { ($0["offenders"] as? [[String: Any]]) ?? [] }
            + (try #require(plan["notBanned"] as? [[String: Any]])).compactMap { $0["offender"] as? [String: Any] }
        let nine = try #require(listed.first { $0["address"] as? String == "203.0.113.9" })
        #expect(nine["atCeiling"] as? Bool == true)
        #expect((nine["services"] as? [[String: Any]])?.first?["atCeiling"] as? Bool == true)
        #expect(listed.allSatisfy { ($0["atCeiling"] as? Bool == true) == (saturated[$0["address"] as? String ?? ""] == Int(UInt32.max)) })
        for backend in Self.backends {
            let script = try Self.ban(["--backend", backend, "--threshold", "1", "counts.log"], in: dir)
            #expect([0, 2].contains(script.status), "\(backend): exit \(script.status): \(script.err)")
            #expect(script.out.contains("203.0.113.9/32"), "\(backend)")
            #expect(script.out.contains("203.0.113.9: ≥4294967295 attempts (sshd ≥4294967295)"), "\(backend)")
            #expect(Self.strayLines(script.out).isEmpty, "\(backend): \(Self.strayLines(script.out))")
        }
    }

    @Test func aMemberThatFailedItsCRCBansNobody() throws {
        let dir = try HostileFilesTests.make()
        let json = try Self.ban(["--format", "json", "--threshold", "1", "crc.log.gz"], in: dir)
        #expect(json.status == 2)
        #expect(json.err.contains("crc.log.gz: gzip member 2 (lines 11–78) failed its integrity check"), "\(json.err)")
        let plan = try Self.plan(json)
        let addresses = try Self.offenders(plan).map(\.address)
        #expect(addresses == ["203.0.113.40"], "only the good member's address: \(addresses)")
        #expect(try Self.targets(plan) == ["203.0.113.40/32"])
        for backend in Self.backends {
            let script = try Self.ban(["--backend", backend, "--threshold", "1", "crc.log.gz"], in: dir)
            #expect(script.status == 2, "\(backend)")
            #expect(script.err.contains("crc.log.gz: gzip member 2"), "\(backend): \(script.err)")
            #expect(!script.out.contains("198.51.100."), "\(backend): an address of the damaged member")
            #expect(script.out.contains("203.0.113.40/32"), "\(backend): the good member is still read")
        }
    }

    @Test func fileNamesReachNoScriptLine() throws {
        let dir = try HostileFilesTests.make()
        let json = try Self.ban(["--format", "json", "--threshold", "1", "names"], in: dir)
        #expect(json.status == 0, "\(json.err)")
        #expect(!json.outBytes.contains(0x1B) && !json.err.utf8.contains(0x1B))
        #expect(try Self.offenders(try Self.plan(json)).map(\.address) == ["203.0.113.9"], "both files are read")
        for backend in Self.backends {
            let script = try Self.ban(["--backend", backend, "--threshold", "1", "names"], in: dir)
            #expect(script.status == 0, "\(backend): \(script.err)")
            #expect(!script.outBytes.contains(0x1B) && !script.err.utf8.contains(0x1B), "\(backend)")
            #expect(script.out.contains("203.0.113.9/32"), "\(backend)")
            #expect(Self.strayLines(script.out).isEmpty, "\(backend): \(Self.strayLines(script.out))")
        }
    }

    /// The addresses Fixtures/hostile writes where an attacker chooses the text (user names); never banned.
    static let fakes = ["10.0.0.1", "10.0.0.2", "10.9.9.9"]
    static let hostileArguments = ["--threshold", "1", "--include-probes", "--include-rejects"]

    /// A script made from attacker-chosen names: no fake address on a command line, no raw control byte,
    /// nothing invisible in a comment, only comments and commands, valid `sh`. Gives its comment lines.
    @discardableResult
    static func checkHostileScript(_ script: Harness.Run, _ context: String) throws -> [Substring] {
        #expect(script.status == 0, "\(context): \(script.err)")
        let lines = script.out.split(separator: "\n")
        let commands = lines.filter { !$0.hasPrefix("#") }
        #expect(!commands.contains { line in fakes.contains { line.contains($0) } }, "\(context): a fake address is banned")
        #expect(!script.outBytes.contains(0x1B) && !script.outBytes.contains(0x07) && !script.outBytes.contains(0x0D), "\(context)")
        #expect(strayLines(script.out).isEmpty, "\(context): \(strayLines(script.out))")
        let comments = lines.filter { $0.hasPrefix("#") }
        for comment in comments {
            let hidden = comment.unicodeScalars.filter(invisible)
            #expect(hidden.isEmpty, "\(context): \(hidden.map { String($0.value, radix: 16) }) in \(comment)")
        }
        let sh = try RealTool.require("sh", package: "dash")
        let syntax = try Harness.run(URL(fileURLWithPath: sh), ["-n"], stdin: script.outBytes)
        #expect(syntax.status == 0, "\(context): sh -n: \(syntax.err)")
        return comments
    }

    @Test func attackerChosenNamesNeitherBanNorHide() throws {
        let dir = try Harness.fixtures("hostile")
        let arguments = Self.hostileArguments + ["auth.log", "mail.log"]
        let json = try Self.ban(["--format", "json"] + arguments, in: dir)
        #expect(json.status == 0, "\(json.err)")
        let plan = try Self.plan(json)
        let addresses = try Self.offenders(plan).map(\.address)
        let targets = try Self.targets(plan)
        #expect(addresses.contains("203.0.113.66") && targets.contains("203.0.113.66/32"), "the real client: \(addresses)")
        // The fakes may appear inside a user name ("x from 10.0.0.1 port 22"), never as an address.
        for fake in Self.fakes {
            #expect(!addresses.contains(fake) && !targets.contains { $0.hasPrefix(fake + "/") }, "\(fake) is in the plan")
        }
        for backend in Self.backends {
            let script = try Self.ban(["--backend", backend] + arguments, in: dir)
            #expect(script.out.contains("203.0.113.66/32"), "\(backend)")
            let comments = try Self.checkHostileScript(script, backend)
            #expect(comments.contains { $0.contains("x from 10.0.0.1 port 22") }, "\(backend): the user name is shown")
        }
    }

    /// A comment shows an offender's five most tried names; one line at a time shows every name.
    @Test func everyNameAloneStaysVisibleInAComment() throws {
        let dir = try Harness.fixtures("hostile")
        for file in ["auth.log", "mail.log"] {
            let lines = try Data(contentsOf: dir.appendingPathComponent(file)).split(separator: 0x0A)
            var named = 0
            for (index, line) in lines.enumerated() {
                try (line + [0x0A]).write(to: dir.appendingPathComponent("single.log"))
                for backend in Self.backends {
                    let script = try Self.ban(["--backend", backend] + Self.hostileArguments + ["single.log"], in: dir)
                    let comments = try Self.checkHostileScript(script, "\(backend), \(file) line \(index + 1)")
                    if comments.contains(where: { $0.contains(" users ") }) { named += 1 }
                }
            }
            if file == "mail.log" {
                #expect(named == 3 * lines.count, "every mail.log line is one attempt with one name")
            } else {
                #expect(named > 0)
            }
        }
    }
}
