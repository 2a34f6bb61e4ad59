import Foundation
import Testing
@testable import LogscanCore

/// `CommonHeader`, the fast path for the usual `Mmm dd hh:mm:ss host name[pid]: message`, against
/// `SyslogHeaderParser.parseGeneral`, the parser of every shape: wherever the fast path answers, the two
/// `SyslogLine`s must be the same views of the same bytes. Lines: every plain file of `Fixtures/`, the
/// other shapes a header can take, every prefix of each line (cut lines, and lines ending just before or
/// inside an 8-byte load), and each line with one byte of its header replaced by a byte that matters to it.
@Suite struct CommonHeaderTests {
    static let reference = Instant(seconds: CivilDate.days(year: 2026, month: 11, day: 27) * 86_400 + 12 * 3600)

    /// The lines of every uncompressed file under `Fixtures/` (journal exports included: binary noise too).
    static func fixtureLines() throws -> [[UInt8]] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { !$0.hasDirectoryPath && $0.pathExtension != "gz" }
            .sorted { $0.path < $1.path }
        var lines: [[UInt8]] = []
        for file in files {
            let data = [UInt8](try Data(contentsOf: file))
            lines += data.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        }
        return lines
    }

    /// Other shapes and traps, each behind the same minute's stamps (so the minute cache is in play).
    static let variants = [
        // First, while the caches are empty, and after a host and name too long for the prefix cache: lines
        // whose bytes after the stamp would fit a stale or empty entry.
        "Nov 27 04:50:37 [12345]: a message long enough for every load of the fast path",
        "Nov 27 04:50:37 web1 a-program-name-of-more-than-forty-bytes-in-all[1]: a message long enough for the loads",
        "Nov 27 04:50:37 web1 x b c d e f g h i j k l m n o p q r s t[1234]: a message long enough for the loads",
        "Nov 27 04:50:37 web1 a-program-name-of-more-than-forty-bytes-in-all: a message long enough for the loads",
        "Nov 27 04:50:37 web1 a-program-name-of-more-than-forty-bytes-in-all[2]: a message long enough for the loads",
        "Nov 27 04:50:37 web1 a-program-name-of-thirty-bytes[1]: a message long enough for the loads",
        "Nov 27 04:50:37 web1 a-program-name-of-thirty-bytes[1]: a message long enough for the loads",
        "Nov 27 04:50:37 web1 a-program-name-of-thirty-bytes: a message long enough for the loads",
        "Nov 27 04:50:37 web1 a-program-name-of-twenty[1]: a message long enough for the loads",
        "Nov 27 04:50:37 web1 a-program-name-of-twenty[1]x a message long enough for the loads",
        "Nov 27 04:50:37 web1 a-program-name-of-twenty: a message long enough for the loads",
        "Nov 27 04:50:37 web2 a-program-name-of-twenty[1]: a message long enough for the loads",
        "Nov 27 04:50:37 web1 a-program-name-of-twenty[12]: a message long enough for the loads",
        "Nov 27 04:50:37 web1 sshd[4211]: Accepted publickey for bob",
        "Nov 27 04:50:38 web1 sshd: no pid here", "Nov 27 04:50:39 web1 sshd:", "Nov 27 04:50:39 web1 sshd[12]:",
        "Nov 27 04:50:40 web1 [sshd]: bracketed", "Nov 27 04:50:41 web1 auth.info sshd[7]: facility first",
        "Nov 27 04:50:42 web1 sshd[7]: message repeated 3 times: [ Failed password for root ]",
        "Nov 27 04:50:43 web1 sshd[7]: [ID 800047 auth.notice] Solaris", "Nov 27 04:50:44 sshd[9]: no host",
        "Nov 27 04:50:45 web1 kernel: [  970.699396] uptime", "Nov 27 04:50:46 web1 sshd[7]: trailing \t\r ",
        "Nov 27 04:50:47 web1 sshd[7]:  two spaces", "Nov 27 04:50:48  web1 sshd[7]: two before host",
        "Nov 27 04:50:49 web1  sshd[7]: two before tag", "Nov 27 04:50:60 web1 sshd[7]: leap second",
        "Nov 27 04:50:61 web1 sshd[7]: no second", "Nov 27 04:50:5x web1 sshd[7]: bad second",
        "Nov  7 04:50:37 web1 sshd[7]: padded day", "Nov 7 04:50:37 web1 sshd[7]: unpadded day",
        "Feb 29 04:50:37 web1 sshd[7]: leap day", "Feb 30 04:50:37 web1 sshd[7]: no such day",
        "Nov 27 24:50:37 web1 sshd[7]: no such hour", "Nov 27 04:50:37web1 sshd[7]: no space",
        "Nov 27 04:50:37 web1: sshd[7]: host with colon", "Nov 27 04:50:37 web1 sshd[12345678]: eight digits",
        "Nov 27 04:50:37 web1 sshd[1234567]: seven digits", "Nov 27 04:50:37 web1 sshd[0042]: zeros",
        "Nov 27 04:50:37 web1 sshd[]: empty pid", "Nov 27 04:50:37 web1 sshd[12]x: after the bracket",
        "Nov 27 04:50:37 web1 sshd[1a]: letter", "Nov 27 04:50:37 web1 sshd[12]:x no space after",
        "Nov 27 04:50:37 web1 a[b[12]: two brackets", "Nov 27 04:50:37 web1 a]b[12]: close first",
        "Nov 27 04:50:37 web1 a]: close only", "Nov 27 04:50:37 web1 9sshd[1]: digit first",
        "Nov 27 04:50:37 web1 <sshd>[1]: angle first", "Nov 27 04:50:37 web1 a:b[1]: colon in name",
        "Nov 27 04:50:37 web1 sshd(pam_unix)[20882]: session opened", "Nov 27 04:50:37 web1 Info: imap: x",
        "Nov 27 04:50:37 web1 postfix/submission/smtpd[9]: connect from x", "Nov 27 04:50:37 web1 message",
        "Nov 27 04:50:37 web1", "Nov 27 04:50:37 web1 ", "Nov 27 04:50:37 w s[1]: m", "Nov 27 04:50:37 w s: m",
        "<38>Nov 27 04:50:37 web1 sshd[7]: with priority",
        "<38>1 2026-11-27T04:50:37+00:00 web1 sshd 7 - - RFC 5424",
        "2026-11-27T04:50:37.123456+01:00 web1 sshd[7]: RFC 3339", "2026-11-27 04:50:37 web1 sshd[7]: ISO",
        "@4000000069279b9d00000000 sshd[7]: TAI64N", "web1 sshd[7]: no stamp", "sshd[7]: nothing else",
        "Nov 27 04:50:37 web1 sshd[7]: invalid \u{FFFD} bytes",
    ]

    /// Views equal as views: same start, same length (so the same bytes of the same line).
    static func same(_ a: Bytes, _ b: Bytes) -> Bool { a.base == b.base && a.count == b.count }

    static func same(_ a: SyslogLine, _ b: SyslogLine) -> Bool {
        a.time == b.time && a.pid == b.pid && a.repeatCount == b.repeatCount && same(a.host, b.host)
            && same(a.program, b.program) && same(a.message, b.message)
    }

    /// The answers kept with the header cache's name (`HeaderPrefixCache.nameAnswer`), as `LineProcessor`
    /// keeps them: each answer given is the index of the name it was given for, so a line whose
    /// `programIsHeld` finds an answer must have that same name.
    struct HeldNames {
        var names: [[UInt8]] = []

        /// False when the answer found for `line` belongs to another name.
        mutating func check(_ line: SyslogLine, _ times: inout TimeResolver) -> Bool {
            guard line.programIsHeld else { return true }
            let answer = times.lastHeader.nameAnswer
            guard answer == HeaderPrefixCache.noAnswer else { return names[answer] == line.program.array }
            names.append(line.program.array)
            times.lastHeader.keepNameAnswer(names.count - 1)
            return true
        }
    }

    /// Runs each line through the fast path, the general path and `parse` (each with its own resolver, as
    /// the caches are part of what is tested) and returns how many lines the fast path took.
    @discardableResult
    static func compare(_ lines: [[UInt8]]) -> (taken: Int, differing: [String]) {
        var fastTimes = TimeResolver(zone: .utc, reference: reference)
        var generalTimes = fastTimes, parseTimes = fastTimes, plainTimes = fastTimes
        var fastNames = HeldNames(), parseNames = HeldNames()
        var taken = 0
        var differing: [String] = []
        for line in lines {
            Bytes.with(line) { bytes in
                let general = SyslogHeaderParser.parseGeneral(bytes, times: &generalTimes)
                if let fast = CommonHeader.parse(bytes, times: &fastTimes) {
                    taken += 1
                    // The time also as the stamp parser and the calendar give it, with no minute cache.
                    let plain = StampParser.classic(bytes).map { plainTimes.instant($0.0) }
                    if !same(fast, general) || fast.time != plain {
                        differing.append(String(decoding: line, as: UTF8.self))
                    }
                    if !fastNames.check(fast, &fastTimes) {
                        differing.append("held name: " + String(decoding: line, as: UTF8.self))
                    }
                }
                let parsed = SyslogHeaderParser.parse(bytes, times: &parseTimes)
                if !same(parsed, general) {
                    differing.append("parse: " + String(decoding: line, as: UTF8.self))
                }
                if !parseNames.check(parsed, &parseTimes) {
                    differing.append("parse, held name: " + String(decoding: line, as: UTF8.self))
                }
            }
        }
        return (taken, differing)
    }

    @Test func fixtureLinesReadTheSameBothWays() throws {
        let lines = try Self.fixtureLines()
        let (taken, differing) = Self.compare(lines)
        #expect(differing.count == 0, "\(differing.prefix(3))")
        // The fast path must be the usual way for classic lines, or this test would compare little.
        let classic = lines.filter { Bytes.with($0) { StampParser.paddedClassic($0) } != nil }.count
        #expect(classic > 400 && taken * 10 > classic * 9, "\(taken) of \(classic)")
    }

    @Test func variantsReadTheSameBothWays() {
        let lines = Self.variants.map { Array($0.utf8) }
        let (taken, differing) = Self.compare(lines)
        #expect(differing.count == 0, "\(differing.prefix(3))")
        #expect(taken >= 15, "\(taken)")
    }

    /// Interleaved names of 12 bytes or more, which `TagNameTable` keeps: names sharing its 13-byte key,
    /// one a prefix of another, with `[` or `:`, a space or colon one byte later, each twice so the second
    /// time finds the first's entry.
    static let tableNames = [
        "postfix/smtpd[9]", "postfix/smtp[9]", "postfix/smtp:", "postfix/smtpd-x[9]", "postfix/smtpd", "postfix/smtp d[9]",
        "postfix/smtpd:[9]", "postfix/submission/smtpd[12]", "postfix/submission/smtpd", "postfix/submission/smtpdd[1]",
        "a-name-of-thirty-one-bytes-long[1]", "a-name-of-thirty-two-bytes-long![1]", "sshd-session[7]", "sshd-session:",
    ]

    @Test func interleavedNamesReadTheSameBothWaysAndUseTheTable() {
        let texts = (Self.tableNames + Self.tableNames + Self.tableNames.reversed()).enumerated().map { index, tag in
            "Nov 27 04:50:37 mx\(index % 3) \(tag): a message long enough for every load of the table"
        }
        let lines = texts.map { Array($0.utf8) }
        let (taken, differing) = Self.compare(lines)
        #expect(differing.count == 0, "\(differing.prefix(3))")
        #expect(taken >= 30, "\(taken)")
        // After the runs, the table holds names, so the comparison above went through it.
        var times = TimeResolver(zone: .utc, reference: Self.reference)
        for line in lines { _ = Bytes.with(line) { CommonHeader.parse($0, times: &times) } }
        let found = Bytes.with("postfix/submission/smtpd[12]: and the bytes for all loads") {
            times.lastHeader.names.find($0.base)?.nameLength
        }
        #expect(found == 24)
    }

    @Test func theUsualShapesTakeTheFastPath() {
        var times = TimeResolver(zone: .utc, reference: Self.reference)
        for text in ["Nov 27 04:50:37 web1 sshd[4211]: Accepted publickey for bob", "Nov 27 04:50:38 w s: mmm",
                     "Nov  7 04:50:37 mx postfix/smtpd[9]: connect from x", "Nov 27 04:50:39 web1 dovecot: imap: x",
                     "Nov 27 04:50:40 web1 sshd[7]: message repeated 3 times: [ Failed password for root ]"] {
            #expect(Bytes.with(text) { CommonHeader.parse($0, times: &times) } != nil, "\(text)")
        }
    }

    @Test func everyPrefixReadsTheSameBothWays() throws {
        let lines = try Self.fixtureLines() + Self.variants.map { Array($0.utf8) }
        let prefixes = lines.flatMap { line in (0...line.count).map { Array(line.prefix($0)) } }
        let (taken, differing) = Self.compare(prefixes)
        #expect(differing.count == 0, "\(differing.prefix(3))")
        #expect(taken > 1000)
    }

    @Test func everyHeaderByteReplacedReadsTheSameBothWays() throws {
        let lines = try Self.fixtureLines() + Self.variants.map { Array($0.utf8) }
        let replacements: [UInt8] = [0x20, 0x3A, 0x5B, 0x5D, 0x00, 0xFF, 0x30, 0x39, 0x36, 0x61, 0x3C, 0x09, 0x0D, 0x6D]
        var mutated: [[UInt8]] = []
        for line in lines {
            for position in 0..<min(line.count, 48) {
                for byte in replacements where line[position] != byte {
                    var copy = line
                    copy[position] = byte
                    mutated.append(copy)
                }
            }
        }
        let (taken, differing) = Self.compare(mutated)
        #expect(differing.count == 0, "\(differing.prefix(3))")
        #expect(taken > 1000)
    }
}

/// The parser index `LineProcessor` keeps with the header cache's name: over the fixtures' lines in order,
/// most lines find it (so the check above compares something), and none finds another name's.
@Suite struct HeldNameAnswerTests {
    @Test func mostLinesFindTheirNamesAnswer() throws {
        var times = TimeResolver(zone: .utc, reference: CommonHeaderTests.reference)
        var names = CommonHeaderTests.HeldNames()
        var found = 0, wrong = 0, lines = 0
        for line in try CommonHeaderTests.fixtureLines() {
            Bytes.with(line) { bytes in
                let parsed = SyslogHeaderParser.parse(bytes, times: &times)
                guard parsed.hasTag else { return }
                lines += 1
                if parsed.programIsHeld && times.lastHeader.nameAnswer != HeaderPrefixCache.noAnswer { found += 1 }
                if !names.check(parsed, &times) { wrong += 1 }
            }
        }
        #expect(wrong == 0)
        #expect(lines > 400 && found * 2 > lines, "\(found) of \(lines)")
    }
}
