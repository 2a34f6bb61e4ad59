import Foundation
import LogscanCore
import Testing

/// The real MTA: logscan's email piped into Debian's exim (`sendmail -odi -t` delivers at once, no daemon),
/// read back from the local mailbox and parsed by Python's `email` package.
@Suite(.serialized) struct EmailDeliveryTests {
    static let user = "logscanmail"

    @Test func deliveredByEximAndReadBackFromTheMailbox() throws {
        let sendmail = try RealTool.require("sendmail", package: "exim4-daemon-light")
        let setup = try Harness.run(Harness.packageRoot.appendingPathComponent("Tests/Scripts/mail-test-setup"), [Self.user])
        try #require(setup.status == 0, "mail-test-setup: \(setup.err)")
        let mailbox = setup.out.trimmingCharacters(in: .whitespacesAndNewlines)

        let debian = try Harness.fixtures("debian"), hostile = try Harness.fixtures("hostile")
        let json = try Harness.logscan(["--format", "json", "--top", "0", debian.path, hostile.path])
        let expected = ExpectedSubject(try Harness.report(json))
        try #require(expected.alerts == 1, "the fixtures hold one possible compromise")
        let email = try Harness.logscan(["--format", "email", "--top", "0", "--mailto", Self.user, debian.path, hostile.path])
        let messageID = try #require(ParsedEmail.messageID(in: email.out))

        let delivery = try Harness.run(URL(fileURLWithPath: sendmail), ["-odi", "-t"], stdin: email.outBytes)
        #expect(delivery.status == 0, "sendmail: \(delivery.err)")
        let mail = try ParsedEmail.mailbox(mailbox, messageID: messageID)

        #expect(mail.subject == "[logscan] \(ExpectedSubject.shortHost): \(expected.summary) (Nov 20-27)")
        #expect(mail.subject.contains("ALERT 1 possible compromise; "))
        let to = try #require(mail.headers["to"])
        #expect(to.count == 1 && (to[0] == Self.user || to[0].hasPrefix(Self.user + "@")) && !to[0].contains(","),
                "one To: header with the one recipient (exim may qualify the local name): \(to)")
        #expect(mail.head.components(separatedBy: "\nTo:").count == 2, "exim added no second To:")
        #expect(mail.headers["auto-submitted"] == ["auto-generated"])
        #expect(mail.defects.isEmpty)
        #expect(mail.parts.map(\.type) == ["text/plain", "text/html"])
        let plain = try #require(mail.part("text/plain")).text
        let html = try #require(mail.part("text/html")).text
        #expect(plain.contains("!! POSSIBLE COMPROMISE") && plain.contains("→"))
        #expect(html.contains("Possible compromise: these addresses failed, then logged in"))

        // The hostile user names: escaped in the HTML, harmless in the text.
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<script>") && !html.contains("<b>x</b>"))
        #expect(html.contains("\\x1b[31mred\\x1b[0m"))
        #expect(plain.contains("<script>alert(1)</script>"), "shown as text, it is only text")
        #expect(plain.contains("\\x1b[31mred\\x1b[0m") && plain.contains("\\xff\\xfeadmin"))
        for text in [plain, html] {
            #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || ($0.value >= 0x7F && $0.value < 0xA0) },
                    "no control character in a decoded part")
        }
    }
}
