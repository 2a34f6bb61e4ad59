import Foundation
import LogscanCore
import Testing

/// `--format email` as printed, read back by Python's MIME parser; address checks; `--quiet-if-empty`.
@Suite struct EmailFormatTests {
    @Test func messageParsesWithBothPartsAndTheSubjectOfTheJSONReport() throws {
        let debian = try Harness.fixtures("debian"), hostile = try Harness.fixtures("hostile")
        let json = try Harness.logscan(["--format", "json", "--top", "0", debian.path, hostile.path])
        let expected = ExpectedSubject(try Harness.report(json))
        #expect(expected.alerts == 1 && expected.failures > 0 && expected.ips > 1, "the fixtures hold an alert and failures")
        let run = try Harness.logscan(["--format", "email", "--mailto", "root,Ops <ops@example.org>", debian.path, hostile.path])
        #expect(run.status == json.status)
        let mail = try ParsedEmail.text(run.out)
        #expect(mail.subject == "[logscan] \(ExpectedSubject.shortHost): \(expected.summary) (Nov 20-27)")
        #expect(mail.defects.isEmpty)
        #expect(mail.content_type == "multipart/alternative")
        #expect(mail.parts.map(\.type) == ["text/plain", "text/html"])
        for part in mail.parts {
            #expect(part.charset == "utf-8" && part.encoding == "quoted-printable" && part.defects.isEmpty)
        }
        #expect(mail.headers["to"] == ["root, Ops <ops@example.org>"])
        for name in ["from", "subject", "date", "message-id", "mime-version", "auto-submitted"] {
            #expect(mail.headers[name]?.count == 1, "\(name)")
        }
        #expect(mail.headers["auto-submitted"] == ["auto-generated"])
        #expect(mail.headers["from"]?.first?.hasPrefix("logscan@") == true)
        #expect(mail.max_line_octets <= 78)
        #expect(run.outBytes.allSatisfy { $0 < 0x80 }, "the message itself is 7-bit: QP bodies, RFC 2047 headers")
        let plain = try #require(mail.part("text/plain")?.text)
        #expect(plain.contains("→"), "UTF-8 survives the round trip")
        #expect(plain == (try Harness.logscan(["--color", "never", debian.path, hostile.path])).out)
    }

    @Test func subjectDaysFollowTheRangeAndZeroFailuresAreSaidPlainly() throws {
        let log = try Harness.fixtures("debian").appendingPathComponent("auth.log").path
        func subject(_ arguments: [String]) throws -> String {
            try ParsedEmail.text(try Harness.logscan(["--format", "email"] + arguments + [log]).out).subject
        }
        let host = ExpectedSubject.shortHost
        let day = try subject(["--since", "2026-11-26", "--until", "2026-11-27"])
        #expect(day.hasPrefix("[logscan] \(host): ") && day.hasSuffix(" (Nov 26)"), "\(day)")
        #expect(try subject(["--since", "2026-11-27T12:00", "--until", "2026-11-28"]) == "[logscan] \(host): no failed logins (Nov 27)")
        // The log's last line is Nov 27 18:00: a range days later says it went silent, before "no failed logins".
        #expect(try subject(["--since", "2026-11-29", "--until", "2026-12-02"]) == "[logscan] \(host): 1 log silent over a day; no failed logins (Nov 29 - Dec 1)")
        #expect(try subject(["--since", "2025-12-31", "--until", "2026-01-02"]) == "[logscan] \(host): no failed logins (Dec 31, 2025 - Jan 1, 2026)")
        let custom = try subject(["--subject", "Rapport für höst: <b>", "--since", "2026-11-26"])
        #expect(custom == "Rapport für höst: <b>")
    }

    @Test func nonASCIIHeadersAreEncodedWords() throws {
        let run = try Harness.logscan(["--format", "email", "--subject", "Grüße aus Köln", "--mail-from", "Jürgen <j@example.org>",
                                       try Harness.fixtures("debian").path])
        #expect(run.out.contains("Subject: =?utf-8?Q?Gr=C3=BC=C3=9Fe?= aus =?utf-8?Q?K=C3=B6ln?=\n"))
        #expect(run.out.contains("From: =?utf-8?Q?J=C3=BCrgen?= <j@example.org>\n"))
        let mail = try ParsedEmail.text(run.out)
        #expect(mail.subject == "Grüße aus Köln")
        #expect(mail.headers["from"] == ["Jürgen <j@example.org>"])
    }

    @Test(arguments: [
        ["--mailto", "root\nBcc: victim@example.org"], ["--mailto", "a@x.org,b@y.org\r\nBcc: c@z.org"],
        ["--mailto", "a@x.org, b@y.org;c@z.org"], ["--mailto", "a@x.org,,b@y.org"], ["--mailto", ""],
        ["--mail-from", "x@y.org\nSubject: hi"], ["--mail-from", "a@x.org,b@y.org"], ["--subject", "hi\nBcc: v@e.org"],
        ["--subject", "a\rb"],
    ])
    func headerInjectionIsAUsageError(_ arguments: [String]) throws {
        let run = try Harness.logscan(["--format", "email"] + arguments + [try Harness.fixtures("debian").path])
        #expect(run.status == 1)
        #expect(run.out.isEmpty)
        #expect(run.err.contains(arguments[0]), "the error names the option: \(run.err)")
    }

    @Test func mailOptionsNeedTheEmailFormat() throws {
        let run = try Harness.logscan(["--mailto", "root", try Harness.fixtures("debian").path])
        #expect(run.status == 1)
        #expect(run.err.contains("--mailto is used only with --format email"))
    }

    @Test(arguments: ["text", "json", "email"])
    func quietIfEmptyPrintsNothingForAnEmptyRange(_ format: String) throws {
        let debian = try Harness.fixtures("debian")
        // A quiet afternoon: the log has lines (cron, logind), none about logins.
        let empty = try Harness.logscan(["--format", format, "--quiet-if-empty", "--since", "2026-11-27T12:00",
                                         "--until", "2026-11-28", debian.appendingPathComponent("auth.log").path])
        #expect(empty.status == 0)
        #expect(empty.outBytes.isEmpty)
        let full = try Harness.logscan(["--format", format, "--quiet-if-empty", debian.appendingPathComponent("auth.log").path])
        #expect(full.status == 0)
        #expect(!full.outBytes.isEmpty)
        let partial = try Harness.logscan(["--format", format, "--quiet-if-empty", "--since", "2026-11-29",
                                           debian.appendingPathComponent("auth.log").path, "/nonexistent/auth.log"])
        #expect(partial.status == 2, "a run that could not read everything cannot say the range was empty")
        #expect(!partial.outBytes.isEmpty)
    }
}
