import Foundation
import Testing
@testable import LogscanBan
import LogscanCore

@Suite struct CIDRTests {
    @Test func parsesAndPrintsFromTheBits() {
        #expect(CIDR("203.0.113.7")?.withLength == "203.0.113.7/32")
        #expect(CIDR("203.0.113.7/24")?.withLength == "203.0.113.0/24", "host bits are cleared")
        #expect(CIDR("2001:DB8:0:0:1::1/64")?.withLength == "2001:db8::/64")
        #expect(CIDR("::ffff:198.51.100.1")?.withLength == "198.51.100.1/32", "IPv4-mapped is IPv4")
        for bad in ["", "10.0.0", "10.0.0.1/33", "10.0.0.1/", "10.0.0.1/-1", "10.0.0.1/+8", "2001:db8::/129",
                    "example.com", "10.0.0.1 # x", "10.0.0.1/٨"] {
            #expect(CIDR(bad) == nil, "\(bad)")
        }
    }

    @Test func containsAndOverlaps() throws {
        let block = try #require(CIDR("198.51.100.0/24"))
        #expect(block.contains(try #require(IPAddress("198.51.100.255"))))
        #expect(!block.contains(try #require(IPAddress("198.51.101.0"))))
        #expect(!block.contains(try #require(IPAddress("::c633:6401"))), "IPv6 never matches an IPv4 block")
        #expect(block.overlaps(try #require(CIDR("198.51.0.0/16"))))
        #expect(block.overlaps(try #require(CIDR("198.51.100.9"))))
        #expect(!block.overlaps(try #require(CIDR("198.51.101.0/24"))))
        #expect(try #require(CIDR("0.0.0.0/0")).overlaps(block))
    }

    @Test func allowFileErrorsNameFileAndLine() throws {
        var list = AllowList()
        try list.add(fileContents: Array("# office\n198.51.100.0/24  # vpn\n\n2001:db8::1\n".utf8), name: "ops.allow")
        #expect(list.entries.map(\.origin) == ["ops.allow:2", "ops.allow:4"])
        #expect(list.entry(overlapping: try #require(CIDR("198.51.100.77")))?.origin == "ops.allow:2")
        var broken = AllowList()
        #expect(throws: AllowList.BadEntry.self) {
            try broken.add(fileContents: Array("10.0.0.1\n10.0.0.300\n".utf8), name: "ops.allow")
        }
        do {
            try broken.add(fileContents: Array("10.0.0.1\n10.0.0.300\n".utf8), name: "ops.allow")
        } catch let error as AllowList.BadEntry {
            #expect(error.description.hasPrefix("ops.allow:2: \"10.0.0.300\""))
        }
    }

    @Test func reservedRangesAreNamed() throws {
        #expect(AddressClass.reservedKind(try #require(CIDR("10.1.2.3"))) == "private")
        #expect(AddressClass.reservedKind(try #require(CIDR("fd00::1"))) == "unique local (private)")
        #expect(AddressClass.reservedKind(try #require(CIDR("8.8.8.8"))) == nil)
        #expect(AddressClass.isLoopback(try #require(CIDR("127.0.0.53"))))
        #expect(AddressClass.isLoopback(try #require(CIDR("::1"))))
    }

    @Test func commentsHoldOnlyVisibleText() {
        let hostile = ByteString(Array("a\u{200B}b\u{2028}c\u{202E}d\ne\u{1B}[31m".utf8))
        let text = CommentText.name(hostile)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{200B}" || $0 == "\u{2028}" || $0 == "\u{202E}" })
        #expect(CommentText.name(ByteString(Array(String(repeating: "a", count: 100).utf8))).count == CommentText.maxLength)
    }
}
