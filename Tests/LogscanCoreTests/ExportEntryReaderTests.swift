import Foundation
import Testing
@testable import LogscanCore

/// journalctl's export format, parsed from a file descriptor: text and binary fields, entries cut by the
/// buffer at every possible place, a missing last empty line, and a stream cut inside an entry.
@Suite struct ExportEntryReaderTests {
    /// One entry as journalctl writes it; `message` goes out as a binary field when it must.
    static func entry(_ micros: Int, host: String = "web1", identifier: String = "sshd", pid: Int = 42,
                      message: [UInt8]) -> [UInt8] {
        var out = Array("__CURSOR=s=1;i=\(micros)\n__REALTIME_TIMESTAMP=\(micros)\n__MONOTONIC_TIMESTAMP=5\n".utf8)
        out += Array("_HOSTNAME=\(host)\nSYSLOG_IDENTIFIER=\(identifier)\n_PID=\(pid)\n".utf8)
        if message.contains(0x0A) || String(validating: message, as: UTF8.self) == nil {
            out += Array("MESSAGE\n".utf8)
            withUnsafeBytes(of: UInt64(message.count).littleEndian) { out += $0 }
            out += message + [0x0A]
        } else {
            out += Array("MESSAGE=".utf8) + message + [0x0A]
        }
        return out + [0x0A]
    }

    struct Seen: Equatable {
        var time: Int64?
        var line: String
        var pid: Int32
    }

    /// Everything the reader delivers from `data`, with a buffer of `capacity` bytes to start with.
    static func read(_ data: [UInt8], capacity: Int) throws -> (seen: [Seen], damage: String?) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)").path
        try Data(data).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fd = open(path, O_RDONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        var reader = ExportEntryReader(capacity: capacity)
        var writer = JournalLineWriter(capacity: 8)
        defer {
            reader.deallocate()
            writer.deallocate()
        }
        var seen: [Seen] = []
        reader.forEachEntry(of: fd) { fields, _ in
            let (line, raw) = writer.line(fields)
            seen.append(Seen(time: line.time?.micros, line: SafeText.from(raw), pid: line.pid))
        }
        return (seen, reader.damage)
    }

    static let stream = entry(1_000_000, message: Array("Failed password for root from 203.0.113.9 port 1 ssh2".utf8))
        + entry(2_000_000, identifier: "postfix/smtpd", pid: 7, message: [0x61, 0x0A, 0x62])
        + entry(3_000_000, message: Array("Invalid user ".utf8) + [0xFF, 0xFE] + Array("x from 203.0.113.9 port 2".utf8))

    static let expected = [
        Seen(time: 1_000_000, line: "web1 sshd[42]: Failed password for root from 203.0.113.9 port 1 ssh2", pid: 42),
        Seen(time: 2_000_000, line: "web1 postfix/smtpd[7]: a\\x0ab", pid: 7),
        Seen(time: 3_000_000, line: "web1 sshd[42]: Invalid user \\xff\\xfex from 203.0.113.9 port 2", pid: 42),
    ]

    /// Found by fuzz/targets/journal.swift: a timestamp past year 9999 overflowed the report's hour buckets.
    @Test func aTimestampPastYear9999IsNoTime() throws {
        let failed = Array("Failed password for root from 203.0.113.9 port 1 ssh2".utf8)
        let (seen, _) = try Self.read(Self.entry(Int.max, message: failed) + Self.entry(253_402_300_800_000_000, message: failed)
                                        + Self.entry(1_000_000, message: failed), capacity: 64)
        #expect(seen.map(\.time) == [nil, nil, 1_000_000])
    }

    @Test func everyBufferSizeGivesTheSameEntries() throws {
        for capacity in [8, 13, 64, 100, 1 << 16] {
            let (seen, damage) = try Self.read(Self.stream, capacity: capacity)
            #expect(seen == Self.expected, "capacity \(capacity)")
            #expect(damage == nil)
        }
    }

    @Test func theLastEmptyLineMayBeMissing() throws {
        let (seen, damage) = try Self.read(Array(Self.stream.dropLast()), capacity: 64)
        #expect(seen == Self.expected)
        #expect(damage == nil)
    }

    @Test func aStreamCutInsideAnEntryKeepsTheEntriesBefore() throws {
        let cut = Array(Self.stream.dropLast(20))
        let (seen, damage) = try Self.read(cut, capacity: 64)
        #expect(seen == Array(Self.expected.prefix(2)))
        #expect(damage?.contains("ended inside an entry") == true)
    }

    @Test func aBinaryFieldWithoutItsNewlineIsDamage() throws {
        var broken = Self.entry(1, message: [0x0A])
        broken[broken.count - 2] = 0x41
        let (seen, damage) = try Self.read(broken + Self.stream, capacity: 64)
        #expect(seen.isEmpty)
        #expect(damage?.contains("malformed") == true)
    }

    @Test func anEntryWithoutProgramOrPidIsABareMessage() throws {
        let data = Array("__REALTIME_TIMESTAMP=5\nMESSAGE=hello\n\n".utf8)
        let (seen, _) = try Self.read(data, capacity: 64)
        #expect(seen == [Seen(time: 5, line: "hello", pid: -1)])
    }
}
