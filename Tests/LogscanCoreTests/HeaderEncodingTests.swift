import Testing
@testable import LogscanRender
import LogscanCore

/// Header fields: RFC 2047 encoded-words, folding, and no way to start a new header line.
@Suite struct HeaderEncodingTests {
    @Test func asciiValuesStayPlainAndFoldAtSpaces() {
        #expect(HeaderEncoding.field("Subject", "[logscan] web1: no failed logins (Nov 26)")
                == "Subject: [logscan] web1: no failed logins (Nov 26)")
        let long = HeaderEncoding.field("Subject", String(repeating: "word ", count: 40))
        let lines = long.split(separator: "\n")
        #expect(lines.count > 1)
        for line in lines { #expect(line.utf8.count <= 78) }
        for line in lines.dropFirst() { #expect(line.hasPrefix(" ")) }
        #expect(lines.joined().replacingOccurrences(of: "  ", with: " ") == "Subject: " + String(repeating: "word ", count: 40).dropLast())
    }

    @Test func nonASCIIWordsBecomeQEncodedWords() {
        #expect(HeaderEncoding.field("Subject", "[logscan] höst: 3 failed logins")
                == "Subject: [logscan] =?utf-8?Q?h=C3=B6st=3A?= 3 failed logins")
        // Neighbouring non-ASCII words share one encoded-word, so the space between them survives decoding.
        #expect(HeaderEncoding.field("Subject", "Grüße Köln") == "Subject: =?utf-8?Q?Gr=C3=BC=C3=9Fe_K=C3=B6ln?=")
        #expect(HeaderEncoding.field("Subject", "Grüße aus Köln") == "Subject: =?utf-8?Q?Gr=C3=BC=C3=9Fe?= aus =?utf-8?Q?K=C3=B6ln?=")
        // Text that looks like an encoded-word is encoded, so a client cannot decode it as one.
        #expect(HeaderEncoding.field("Subject", "=?utf-8?Q?x?=") == "Subject: =?utf-8?Q?=3D=3Futf-8=3FQ=3Fx=3F=3D?=")
    }

    @Test func encodedWordsStayShortAndNeverSplitACharacter() {
        let text = String(repeating: "日本語", count: 30)
        let words = HeaderEncoding.encodedWords(text)
        #expect(words.count > 1)
        var decoded: [UInt8] = []
        for word in words {
            #expect(word.count <= 75)
            #expect(word.hasPrefix("=?utf-8?Q?") && word.hasSuffix("?="))
            let payload = word.dropFirst(10).dropLast(2)
            let bytes = payload.split(separator: "=").map { UInt8($0, radix: 16)! }
            #expect(String(validating: bytes, as: UTF8.self) != nil, "each word holds whole characters")
            decoded += bytes
        }
        #expect(String(decoding: decoded, as: UTF8.self) == text)
        for line in HeaderEncoding.field("Subject", text).split(separator: "\n") { #expect(line.utf8.count <= 78) }
    }

    @Test func controlCharactersCannotStartANewHeader() {
        for hostile in ["x\nBcc: victim@example.org", "x\r\nBcc: victim@example.org", "x\rBcc: v@e", "x\u{85}Bcc: v@e",
                        "x\u{2028}Bcc: v@e", "x\u{0}y\u{1B}[31m"] {
            let field = HeaderEncoding.field("Subject", hostile)
            #expect(!field.unicodeScalars.contains { HeaderEncoding.isControl($0) && $0 != "\n" }, "\(field)")
            // A line break is only ever folding: the next line starts with a space.
            for line in field.split(separator: "\n").dropFirst() { #expect(line.hasPrefix(" "), "\(field)") }
            #expect(!field.contains("\nBcc"))
        }
    }
}

/// The `Date:` header and the message's frame.
@Suite struct EmailMessageTests {
    @Test func dateHeaderIsRFC5322() {
        #expect(MailDate.format(Instant(seconds: 1_795_674_300), zone: .utc) == "Thu, 26 Nov 2026 06:25:00 +0000")
        #expect(MailDate.format(Instant(seconds: -1), zone: .utc) == "Wed, 31 Dec 1969 23:59:59 +0000")
    }

    @Test func headersAppearOnceAndTheBoundaryOnlyWhereItBelongs() throws {
        let message = EmailMessage(
            from: try MailAddress(parsing: "logscan@web1.example.org"),
            to: try MailAddress.list("root,admin@example.org"), subject: "[logscan] web1: no failed logins",
            date: Instant(seconds: 1_795_674_300), zone: .utc, domain: "web1.example.org",
            plain: "--" + String(repeating: "=_logscan_", count: 10) + "\n", html: "<p>x</p>\n")
        let text = message.rendered()
        let (head, body) = try #require(text.split(separator: "\n\n", maxSplits: 1).map(String.init).pair)
        for name in ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Auto-Submitted", "Content-Type"] {
            #expect(head.split(separator: "\n").filter { $0.hasPrefix(name + ":") }.count == 1, "\(name)")
        }
        #expect(head.contains("To: root, admin@example.org"))
        #expect(message.messageID.hasSuffix("@web1.example.org>"))
        #expect(message.boundary.hasPrefix("=_logscan_"))
        let delimiter = "--" + message.boundary
        let delimiters: [String] = body.split(separator: "\n").map(String.init).filter { $0.hasPrefix(delimiter) }
        #expect(delimiters == [delimiter, delimiter, delimiter + "--"])
        for line in text.split(separator: "\n") { #expect(line.utf8.count <= 78) }
    }
}

private extension Array where Element == String {
    var pair: (String, String)? { count == 2 ? (self[0], self[1]) : nil }
}
