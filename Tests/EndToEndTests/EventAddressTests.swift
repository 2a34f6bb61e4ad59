import Foundation
import Testing

/// `logscan events` writes addresses through its own byte writer: they must read exactly as the report
/// writes them (RFC 5952 for IPv6: lowercase, no leading zeros, the first longest run of zero groups as
/// `::`, a single zero group kept), whether a line is written at once or kept while its part waits.
@Suite struct EventAddressTests {
    static let addresses: [(logged: String, canonical: String)] = [
        ("2001:0DB8:0000:0000:0001:0000:0000:0001", "2001:db8::1:0:0:1"),
        ("2001:db8:0:0:0:0:2:1", "2001:db8::2:1"),
        ("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"),
        ("2001:db8::", "2001:db8::"),
        ("::1", "::1"),
        ("fe80::a:0:0:0:b%eth0", "fe80:0:0:a::b"),
        ("::ffff:192.0.2.7", "192.0.2.7"),
        ("198.51.100.250", "198.51.100.250"),
        ("10.0.0.9", "10.0.0.9"),
    ]

    @Test func addressesReadAsInTheReport() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("logscan-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Two files, so the second is printed on another core while the first is written.
        for (file, pidBase) in [("auth.log.1", 100), ("auth.log", 200)] {
            var text = ""
            for (k, address) in Self.addresses.enumerated() {
                for repeat_ in 0..<300 {
                    let second = String(format: "%02d", repeat_ % 60)
                    text += "Nov 30 10:\(String(format: "%02d", repeat_ / 60 + k * 5)):\(second) host sshd[\(pidBase + k)]: "
                        + "Failed password for root from \(address.logged) port 22 ssh2\n"
                }
            }
            try text.write(to: dir.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        let files = [dir.appendingPathComponent("auth.log.1").path, dir.appendingPathComponent("auth.log").path]
        let report = try Harness.report(try Harness.logscan(["--format", "json", "--top", "0"] + files))
        let reported = Set(try #require(report.sshd).ips.rows.map(\.ip))
        #expect(reported == Set(Self.addresses.map(\.canonical)))
        for chunk in [nil, "2000"] {
            let run = try Harness.logscan(["events", "--quiet"] + files,
                                          environment: chunk.map { ["LOGSCAN_CHUNK_BYTES": $0] } ?? [:])
            let events = try Harness.events(run)
            #expect(events.count == 2 * 300 * Self.addresses.count)
            #expect(Set(events.compactMap { $0["ip"] as? String }) == reported, "chunks: \(chunk ?? "none")")
            for (k, address) in Self.addresses.enumerated() {
                let lines = events.filter { ($0["line"] as? Int).map { ($0 - 1) / 300 == k } ?? false }
                #expect(lines.allSatisfy { $0["ip"] as? String == address.canonical }, "\(address.logged)")
            }
        }
    }
}
