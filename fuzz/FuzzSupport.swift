/// Shared by every fuzz target: the input as `Bytes`, split into lines, and a sink that touches every
/// field of what the pipeline delivers (so a bad view or count shows up under AddressSanitizer).
@testable import LogscanCore
import Glibc

enum Fuzz {
    /// Calls `body` with libFuzzer's input as a `Bytes` view.
    static func withInput(_ data: UnsafePointer<UInt8>?, _ size: Int, _ body: (Bytes) -> Void) {
        guard let data else { return body(Bytes("")) }
        body(Bytes(base: data, count: size))
    }

    /// The input's lines, split at `\n` like the reader does.
    static func forEachLine(_ input: Bytes, _ body: (Bytes) -> Void) {
        var start = 0
        while start <= input.count {
            let end = input.firstIndex(of: 0x0A, from: start) ?? input.count
            body(input.slice(start, end))
            start = end + 1
        }
    }

    /// Rewrites one unlinked temporary file with libFuzzer's input and returns its descriptor at offset 0, for
    /// targets that read a file descriptor as logscan reads a log (gzip, journal export).
    static func inputFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        let fd = scratchFile
        ftruncate(fd, 0)
        if let data, size > 0 { _ = pwrite(fd, data, size, 0) }
        lseek(fd, 0, SEEK_SET)
        return fd
    }

    private static let scratchFile: Int32 = {
        var template = Array("/tmp/logscan-fuzz-XXXXXX".utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { fatalError("mkstemp failed") }
        unlink(template)
        return fd
    }()

    /// A fixed reference time, so runs are reproducible.
    static let reference = Instant(micros: 1_795_000_000_000_000)

    /// Reads every field of a parsed message and its text as a person would see it.
    static func touch(_ parsed: ParsedMessage) -> Int {
        var sum = parsed.count +| parsed.kind.index
        if let user = parsed.user { sum +|= SafeText.from(user).utf8.count }
        if let peer = parsed.peer { sum +|= peer.key.description.utf8.count }
        for field in [parsed.detail, parsed.method, parsed.relay, parsed.queueID] {
            if let field { sum +|= SafeText.from(field).utf8.count }
        }
        return sum +| parsed.size
    }

    /// One service parser's target: the first byte picks one of the programs it claims, the rest is the
    /// message.
    static func parser(_ parser: some ServiceParser, _ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        withInput(data, size) { input in
            guard !input.isEmpty else { return }
            let programs = parser.programs + parser.programFamilies.map { $0 + "/smtpd" } + [""]
            let program = programs[Int(input[0]) % programs.count]
            let message = input.dropFirst(1)
            var utf8 = Array(program.utf8)
            let sum = utf8.withUnsafeMutableBufferPointer { name -> Int in
                let parsed = parser.parse(message, program: Bytes(UnsafeBufferPointer(name)))
                return parsed.map(touch) ?? 0
            }
            sink = sink &+ sum
        }
        return 0
    }

    /// Keeps results alive, so the optimiser cannot drop the work.
    nonisolated(unsafe) static var sink = 0
}

/// Counts what reaches it and renders the text of each line, like the `events` writer.
struct FuzzSink: EventSink {
    var needsInputOrder: Bool
    var total = 0

    mutating func record(_ event: inout Event) {
        total +|= Fuzz.touch(event.parsed) +| event.line.repeatCount
        total +|= SafeText.from(event.line.host).utf8.count
    }

    mutating func unmatched(_ line: SyslogLine, raw: Bytes, service: Service?, lineNumber: Int) {
        total +|= SafeText.from(raw).utf8.count +| lineNumber
    }
}
