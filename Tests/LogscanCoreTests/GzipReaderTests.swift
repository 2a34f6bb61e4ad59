import Foundation
import Testing
@testable import LogscanCore

/// Reads real files, plain and gzip (made by the system's `gzip`), through `InputReader`.
@Suite struct GzipReaderTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("logscan-gzip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// Each test gets its own instance and directory, and removes it with `defer { cleanUp() }`.
    func cleanUp() { try? FileManager.default.removeItem(at: directory) }

    func write(_ name: String, _ data: Data) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The output of `gzip -n -c` for `data`.
    func gzip(_ data: Data) throws -> Data {
        let input = try write("gzip-input-\(UUID().uuidString)", data)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: FileManager.default.isExecutableFile(atPath: "/bin/gzip")
                                    ? "/bin/gzip" : "/usr/bin/gzip")
        process.arguments = ["-n", "-f", input]  // replaces `input` with `input.gz`
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return try Data(contentsOf: URL(fileURLWithPath: input + ".gz"))
    }

    /// The lines read, each gzip member's end with the count of lines delivered until then, and the result.
    func read(_ path: String) -> (lines: [String], ends: [(end: GzipMemberEnd, lines: Int)], result: ReadResult) {
        var lines: [String] = []
        var ends: [(end: GzipMemberEnd, lines: Int)] = []
        let result = InputReader.forEachLine(of: InputSource(path: path, kind: .file, size: nil, modified: nil),
                                             memberEnded: { ends.append(($0, lines.count)) }) {
            lines.append($0.string)
        }
        return (lines, ends, result)
    }

    /// `count` distinct lines that do not compress to almost nothing.
    static func sampleLines(_ count: Int, tag: String = "a") -> [String] {
        (0..<count).map { "Nov 27 04:50:\(String(format: "%02d", $0 % 60)) web1 sshd[\($0 * 7919 % 65_521)]: "
            + "Failed password for user\($0 * 31 % 997) from 10.\($0 % 256).\($0 * 13 % 256).\($0 * 17 % 256) \(tag)" }
    }

    static func text(_ lines: [String]) -> Data { Data((lines.joined(separator: "\n") + "\n").utf8) }

    // MARK: plain

    @Test func plainFileWithAndWithoutFinalNewline() throws {
        defer { cleanUp() }
        let with = read(try write("with.log", Data("one\ntwo\n\nfour\n".utf8)))
        #expect(with.lines == ["one", "two", "", "four"])
        #expect(with.result.problem == nil)
        #expect(with.result.compressed == false)
        #expect(with.result.rawBytes == 14)
        let without = read(try write("without.log", Data("one\ntwo\n\nfour".utf8)))
        #expect(without.lines == ["one", "two", "", "four"])
        #expect(without.result.problem == nil)
        #expect(without.result.rawBytes == 13)
        let empty = read(try write("empty.log", Data()))
        #expect(empty.lines == [])
        #expect(empty.result.problem == nil)
        #expect(empty.result.rawBytes == 0)
    }

    @Test func crlfLinesLoseTheirCarriageReturn() throws {
        defer { cleanUp() }
        let crlf = read(try write("crlf.log", Data("one\r\ntwo\r\nin\rside\r\nlast\r".utf8)))
        #expect(crlf.lines == ["one", "two", "in\rside", "last"])
        #expect(crlf.result.problem == nil)
    }

    @Test func lineLongerThanTheCapIsCut() throws {
        defer { cleanUp() }
        let long = String(repeating: "0123456789abcdef", count: 3 * 65_536 + 5)  // 3 MiB + 80 bytes
        let lines = ["first", long, "last"]
        let kept = ["first", String(long.prefix(LineSplitter.maxLineBytes)), "last"]
        let plain = read(try write("long.log", Self.text(lines)))
        #expect(plain.lines == kept)
        #expect(plain.result.cutLines == 1)
        #expect(plain.result.problem == nil)
        let zipped = read(try write("long.log.gz", try gzip(Self.text(lines))))
        #expect(zipped.lines == kept)
        #expect(zipped.result.cutLines == 1)
        #expect(zipped.result.problem == nil)
    }

    // MARK: gzip

    @Test func gzipFile() throws {
        defer { cleanUp() }
        let lines = Self.sampleLines(5000)
        let compressed = try gzip(Self.text(lines))
        let read = read(try write("auth.log.2.gz", compressed))
        #expect(read.lines.count == 5000)
        #expect(read.lines == lines)
        #expect(read.result.compressed)
        #expect(read.result.problem == nil)
        #expect(read.result.rawBytes == compressed.count)
    }

    @Test func gzipRecognisedByMagicNotName() throws {
        defer { cleanUp() }
        let read = read(try write("auth.log", try gzip(Data("alpha\nbeta\n".utf8))))
        #expect(read.lines == ["alpha", "beta"])
        #expect(read.result.compressed)
        #expect(read.result.problem == nil)
    }

    @Test func multiMemberGzipYieldsEveryMember() throws {
        defer { cleanUp() }
        let first = Self.sampleLines(3000, tag: "first")
        let second = Self.sampleLines(2000, tag: "second")
        let joined = try gzip(Self.text(first)) + gzip(Self.text(second))
        let read = read(try write("multi.gz", joined))
        #expect(read.lines.count == 5000)
        #expect(read.lines == first + second)
        #expect(read.result.problem == nil)
        #expect(read.result.rawBytes == joined.count)
    }

    @Test func truncatedGzipYieldsAPrefixAndAProblem() throws {
        defer { cleanUp() }
        let lines = Self.sampleLines(20_000)
        let compressed = try gzip(Self.text(lines))
        let read = read(try write("cut.gz", compressed.prefix(compressed.count / 2)))
        #expect(read.lines.count > 1000)
        #expect(read.lines.count < lines.count)
        #expect(read.lines == Array(lines.prefix(read.lines.count)))
        let problem = try #require(read.result.problem)
        #expect(problem.contains("truncated"))
        #expect(read.result.compressed)
    }

    @Test func corruptGzipReportsCorruption() throws {
        defer { cleanUp() }
        let lines = Self.sampleLines(20_000)
        var compressed = try gzip(Self.text(lines))
        let middle = compressed.count / 2
        for offset in middle..<(middle + 16) { compressed[offset] ^= 0xFF }
        let read = read(try write("corrupt.gz", compressed))
        #expect(read.result.problem == nil, "the member's failure is told through its end, for the ledger")
        let end = try #require(read.ends.last?.end)
        #expect(read.ends.count == 1 && !end.intact && end.index == 1)
        #expect(end.reason?.contains("at compressed byte") == true)
        #expect(end.resumed == "no later member was found (compressed bytes 0–\(compressed.count - 1) searched)")
        // What was inflated before the damaged bytes comes through unchanged; the rest cannot be trusted.
        #expect(read.lines.prefix(lines.count / 4) == lines.prefix(lines.count / 4))
        #expect(read.lines != lines)
        // A bad CRC-32 in the trailer is found only after all the data was inflated.
        let short = Self.sampleLines(100)
        var badCRC = try gzip(Self.text(short))
        badCRC[badCRC.count - 8] ^= 0x01
        let crc = self.read(try write("crc.gz", badCRC))
        #expect(crc.lines == short)
        #expect(crc.ends.map(\.end.intact) == [false])
        #expect(crc.ends.first?.end.reason == "incorrect data check at compressed byte \(badCRC.count - 4)")
    }

    @Test func missingFileCannotBeOpened() throws {
        defer { cleanUp() }
        let read = read(directory.appendingPathComponent("no-such.log").path)
        #expect(read.lines == [])
        #expect(read.result.problem == "cannot open: No such file or directory")
        #expect(read.result.rawBytes == 0)
    }
}
