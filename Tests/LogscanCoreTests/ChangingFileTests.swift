import Foundation
import Testing
@testable import LogscanCore

/// A file that shrinks or is replaced while it is read is told apart from one that only grows (a live log).
@Suite struct ChangingFileTests {
    func scratch(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("logscan-change-\(UUID().uuidString).log").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func open(_ path: String) throws -> OpenedInput {
        try path.withCString { OpenedInput.open($0) }.get()
    }

    @Test func shrinkingIsTold() throws {
        let path = try scratch(String(repeating: "line\n", count: 1000))
        let input = try open(path)
        defer { close(input.fd) }
        #expect(truncate(path, 100) == 0)
        let change = path.withCString { input.changeDuringRead(path: $0, bytesRead: 100) }
        #expect(change?.hasPrefix("shrank while being read (from 5000 to 100 bytes") == true)
    }

    @Test func readingLessThanWasThereIsTold() throws {
        let path = try scratch(String(repeating: "line\n", count: 1000))
        let input = try open(path)
        defer { close(input.fd) }
        let change = path.withCString { input.changeDuringRead(path: $0, bytesRead: 4000) }
        #expect(change?.contains("4000 of 5000 bytes") == true)
    }

    @Test func replacingIsTold() throws {
        let path = try scratch("old\n")
        let input = try open(path)
        defer { close(input.fd) }
        let other = try scratch("new\n")
        #expect(rename(other, path) == 0)
        let change = path.withCString { input.changeDuringRead(path: $0, bytesRead: 4) }
        #expect(change?.hasPrefix("was replaced while being read") == true)
    }

    @Test func growingIsNormal() throws {
        let path = try scratch("one\n")
        let input = try open(path)
        defer { close(input.fd) }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("two\n".utf8))
        try handle.close()
        #expect(path.withCString { input.changeDuringRead(path: $0, bytesRead: 8) } == nil)
    }

    @Test func devicesAndDirectoriesAreRefused() {
        for path in ["/dev/zero", "/dev/urandom", "/tmp"] {
            guard case .failure(let refusal) = path.withCString({ OpenedInput.open($0) }) else {
                Issue.record("\(path) was opened")
                continue
            }
            #expect(refusal.message.hasPrefix("not read: it is a"), "\(path): \(refusal.message)")
        }
    }
}
