import Foundation
import Testing
@testable import LogscanCore

/// After a gzip member fails its integrity check, the members after it are still read (GzipRecovery.swift):
/// right after the trailer for a CRC mismatch, by a search for the next header for a data error.
extension GzipReaderTests {
    /// Three members of distinct lines: (first, second, third), compressed by the system's gzip.
    func threeMembers() throws -> (lines: [[String]], members: [Data]) {
        let lines = [Self.sampleLines(40, tag: "one"), Self.sampleLines(300, tag: "two"), Self.sampleLines(40, tag: "three")]
        return (lines, try lines.map { try gzip(Self.text($0)) })
    }

    /// Checks that member 2 failed and that members 1 and 3 were read in full and intact.
    func expectMember2Failed(_ read: (lines: [String], ends: [(end: GzipMemberEnd, lines: Int)], result: ReadResult),
                             _ lines: [[String]], _ comment: Comment? = nil) {
        #expect(read.ends.map(\.end.intact) == [true, false, true], comment)
        #expect(read.ends.map(\.end.index) == [1, 2, 3], comment)
        #expect(read.lines.prefix(40) == lines[0][...], comment)
        let third = read.ends.count == 3 ? read.lines[read.ends[1].lines...] : []
        #expect(Array(third) == lines[2], comment)
        #expect(read.result.problem == nil, comment)
    }

    @Test func aMemberFailingItsCRCDoesNotStopTheNext() throws {
        defer { cleanUp() }
        var (lines, members) = try threeMembers()
        members[1][members[1].count - 8] ^= 0x01
        let read = read(try write("crc.gz", members[0] + members[1] + members[2]))
        expectMember2Failed(read, lines)
        #expect(read.lines[40..<340] == lines[1][...], "inflated in full, then found wrong")
        let third = members[0].count + members[1].count
        #expect(read.ends[1].end.reason == "incorrect data check at compressed byte \(third - 4)")
        #expect(read.ends[1].end.resumed == "reading went on with the member at compressed byte \(third)")
    }

    @Test func aMemberWithAWrongLengthDoesNotStopTheNext() throws {
        defer { cleanUp() }
        var (lines, members) = try threeMembers()
        members[1][members[1].count - 1] ^= 0x01
        let read = read(try write("length.gz", members[0] + members[1] + members[2]))
        expectMember2Failed(read, lines)
        #expect(read.ends[1].end.reason?.hasPrefix("incorrect length check") == true)
    }

    @Test func aDataErrorIsSkippedToTheNextMember() throws {
        defer { cleanUp() }
        var (lines, members) = try threeMembers()
        members[1][10] = 0xFF  // the first block's type becomes 3, which does not exist
        let read = read(try write("data.gz", members[0] + members[1] + members[2]))
        expectMember2Failed(read, lines)
        let second = members[0].count, third = second + members[1].count
        #expect(read.ends[1].end.reason == "invalid block type at compressed byte \(second + 11)")
        #expect(read.ends[1].end.resumed == "compressed bytes \(second)–\(third - 1) were skipped; reading went on with the member at byte \(third)")
    }

    /// Every third byte of member 2 after its magic flipped in turn (about 100 cases; every byte takes half a
    /// minute in a debug build): however the damage derails the decoder (an error at once, a CRC mismatch,
    /// or a decoder that runs on into member 3 or to the end of the file), member 3 is read in full and intact.
    @Test func damageAnywhereInAMemberLeavesTheNextReadable() throws {
        defer { cleanUp() }
        let (lines, members) = try threeMembers()
        let path = directory.appendingPathComponent("flip.gz").path
        var failed = 0
        for offset in stride(from: 2, to: members[1].count, by: 3) {
            var damaged = members[1]
            damaged[offset] ^= 0x5A
            try (members[0] + damaged + members[2]).write(to: URL(fileURLWithPath: path))
            let read = read(path)
            if read.ends.count == 3 && read.ends[1].end.intact {
                #expect(read.lines == lines.flatMap { $0 }, "byte \(offset): a field that does not matter (mtime, OS)")
                continue
            }
            failed += 1
            expectMember2Failed(read, lines, "byte \(offset)")
        }
        #expect(failed > members[1].count / 3 - 8)
    }

    @Test func garbageBetweenMembersIsSkippedWithANote() throws {
        defer { cleanUp() }
        let (lines, members) = try threeMembers()
        let garbage = Data("not gzip \u{1F}\u{8B} at all\n".utf8)
        let read = read(try write("garbage.gz", members[0] + garbage + members[2]))
        #expect(read.lines == lines[0] + lines[2])
        #expect(read.ends.map(\.end.intact) == [true, true])
        let at = members[0].count
        #expect(read.result.problem == "compressed bytes \(at)–\(at + garbage.count - 1) after gzip member 1 are not gzip: skipped to the member at byte \(at + garbage.count)")
    }
}
