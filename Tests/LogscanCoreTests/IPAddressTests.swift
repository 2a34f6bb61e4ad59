import Foundation
import Testing
@testable import LogscanCore

@Suite struct IPAddressTests {
    // MARK: IPv4

    @Test(arguments: [
        ("1.2.3.4", UInt32(0x0102_0304)),
        ("0.0.0.0", UInt32(0)),
        ("255.255.255.255", UInt32.max),
        ("10.0.100.9", UInt32(0x0A00_6409)),
    ])
    func parsesIPv4(text: String, value: UInt32) throws {
        let ip = try #require(IPAddress(text))
        #expect(ip.isIPv4)
        #expect(ip.v4Value == value)
        #expect(ip == IPAddress(v4: value))
        #expect(ip.description == text)
    }

    @Test(arguments: ["01.2.3.4", "1.2.3.04", "1.2.3.00", "256.1.1.1", "1.2.3.256", "1.2.3", "1.2", "1.2.3.",
                      ".1.2.3", "1.2.3.4.5", "1..3.4", "", "1", "1.2.3.4 ", "a.b.c.d", "1.2.3.-4"])
    func rejectsBadIPv4(text: String) {
        #expect(IPAddress(text) == nil)
    }

    // MARK: IPv6

    @Test(arguments: [
        ("2001:db8:0:0:0:0:0:1", "2001:db8::1"),
        ("2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1"),
        ("::", "::"),
        ("::1", "::1"),
        ("1::", "1::"),
        ("fe80::1:2", "fe80::1:2"),
        // Longest zero run wins.
        ("1:0:0:2:0:0:0:3", "1:0:0:2::3"),
        // Leftmost run wins a tie.
        ("1:0:0:2:0:0:3:4", "1::2:0:0:3:4"),
        // A single zero group is not compressed.
        ("1:0:2:3:4:5:6:7", "1:0:2:3:4:5:6:7"),
        ("1::2:3:4:5:6:7", "1:0:2:3:4:5:6:7"),
        ("2001:DB8:ABCD:EF01:2345:6789:ABCD:EF01", "2001:db8:abcd:ef01:2345:6789:abcd:ef01"),
        ("0:0:0:0:0:0:0:0", "::"),
        ("a:0:0:0:b:0:0:0", "a::b:0:0:0"),
        ("a:0:0:b:0:0:0:0", "a:0:0:b::"),
    ])
    func printsRFC5952(text: String, canonical: String) throws {
        let ip = try #require(IPAddress(text))
        #expect(!ip.isIPv4)
        #expect(ip.description == canonical)
        #expect(IPAddress(canonical) == ip)
    }

    @Test func parsesIPv6Bits() throws {
        let ip = try #require(IPAddress("2001:db8::1"))
        #expect(ip.high == 0x2001_0DB8_0000_0000)
        #expect(ip.low == 1)
    }

    @Test func mappedIPv4IsTheSameAsIPv4() throws {
        let mapped = try #require(IPAddress("::ffff:1.2.3.4"))
        let hexMapped = try #require(IPAddress("::FFFF:102:304"))
        let plain = try #require(IPAddress("1.2.3.4"))
        #expect(mapped == plain)
        #expect(hexMapped == plain)
        #expect(mapped.hashValue == plain.hashValue)
        #expect(mapped.isIPv4)
        #expect(mapped.description == "1.2.3.4")
        #expect(Set([mapped, plain, hexMapped]).count == 1)
    }

    @Test(arguments: [
        ("64:ff9b::1.2.3.4", "64:ff9b::102:304"),
        ("::1.2.3.4", "::102:304"),
        ("1:2:3:4:5:6:10.0.0.1", "1:2:3:4:5:6:a00:1"),
    ])
    func embeddedIPv4InOtherIPv6(text: String, canonical: String) throws {
        let ip = try #require(IPAddress(text))
        #expect(!ip.isIPv4)
        #expect(ip.v4Value == nil)
        #expect(ip.description == canonical)
    }

    @Test(arguments: [
        "1::2::3", "::1::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8::", "1:2:3:4:5:6:7", "12345::1", "g::1",
        "1:2:3:4:5:6:7:1.2.3.4", "::ffff:1.2.3", "::ffff:01.2.3.4", "::ffff:1.2.3.4:5", ":1", "1:", ":::",
        "1:::2", "2001:db8::1 ", "fe80::1%", "fe80::1%eth 0", "fe80::1%%eth0", "1.2.3.4%eth0",
        "fe80::1%an-interface-name-too-long", "fe80::1%eth0/64",
    ])
    func rejectsBadIPv6(text: String) {
        #expect(IPAddress(text) == nil)
    }

    /// A zone id names the local interface a link-local peer was reached through: the address is kept, the
    /// zone dropped, so the canonical text and the per-address key do not depend on it.
    @Test(arguments: [
        ("fe80::1%eth0", "fe80::1"),
        ("2001:db8::7%enp3s0", "2001:db8::7"),
        ("fe80::a00:27ff:fe4e:66a1%3", "fe80::a00:27ff:fe4e:66a1"),
        ("fe80::1%br-lan.10", "fe80::1"),
    ])
    func dropsTheZoneId(text: String, canonical: String) throws {
        let ip = try #require(IPAddress(text))
        #expect(ip.description == canonical)
        #expect(ip == IPAddress(canonical))
    }

    // MARK: ordering

    @Test func ordersByBits() throws {
        let texts = ["2001:db8::1", "10.0.0.1", "::1", "9.255.255.255", "10.0.0.0", "::", "fe80::"]
        let sorted = texts.compactMap { IPAddress($0) }.sorted().map(\.description)
        #expect(sorted == ["::", "::1", "9.255.255.255", "10.0.0.0", "10.0.0.1", "2001:db8::1", "fe80::"])
        #expect(IPAddress("1.2.3.4")! < IPAddress("1.2.3.5")!)
        #expect(!(IPAddress("1.2.3.4")! < IPAddress("::ffff:1.2.3.4")!))
    }

    @Test func codableAsCanonicalText() throws {
        let ip = try #require(IPAddress("2001:0db8:0:0::0001"))
        let data = try JSONEncoder().encode([ip])
        #expect(String(decoding: data, as: UTF8.self) == #"["2001:db8::1"]"#)
        #expect(try JSONDecoder().decode([IPAddress].self, from: data) == [ip])
    }
}
