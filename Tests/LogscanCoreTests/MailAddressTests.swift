import Testing
@testable import LogscanRender

/// `--mailto` and `--mail-from`: plain addresses pass, anything that could add a header or recipient fails.
@Suite struct MailAddressTests {
    @Test func validAddressesAndLists() throws {
        #expect(try MailAddress(parsing: "root").address == "root")
        #expect(try MailAddress(parsing: " admin@example.org ").address == "admin@example.org")
        #expect(try MailAddress(parsing: "o'brien+logs@mail-1.example.org").address == "o'brien+logs@mail-1.example.org")
        let named = try MailAddress(parsing: "Ops Team <ops@example.org>")
        #expect(named.displayName == "Ops Team")
        #expect(named.headerText == "\"Ops Team\" <ops@example.org>")
        #expect(try MailAddress(parsing: "Jürgen <j@example.org>").headerText == "=?utf-8?Q?J=C3=BCrgen?= <j@example.org>")
        #expect(try MailAddress.list("a@x.org,b@y.org, root,a@x.org").map(\.address) == ["a@x.org", "b@y.org", "root"])
    }

    @Test(arguments: [
        "root\nBcc: victim@example.org", "root\r\n", "a@x.org\rBcc: b@y.org", "a@x.org\u{0}", "a b@x.org",
        "a@x.org b@y.org", "<a@x.org>>", "a@@x.org", "a@x@y.org", "a@-x.org", "a@x..org", ".a@x.org", "a..b@x.org",
        "\"quoted\"@x.org", "a@müller.de", "Name \"q\" <a@x.org>", "Evil\nBcc: v@e <a@x.org>", "", "   ", "a@",
        "a;b@x.org", "a@x.org;b@y.org", "a(comment)@x.org",
    ])
    func hostileOrMalformedAddressesAreRefused(_ text: String) {
        #expect(throws: MailAddress.Invalid.self) { try MailAddress(parsing: text) }
    }

    @Test func listsRefuseEmptyEntriesAndBadItems() {
        #expect(throws: MailAddress.Invalid.self) { try MailAddress.list("a@x.org,,b@y.org") }
        #expect(throws: MailAddress.Invalid.self) { try MailAddress.list("a@x.org,") }
        #expect(throws: MailAddress.Invalid.self) { try MailAddress.list("a@x.org,b@y.org\nBcc: c@z.org") }
    }

    @Test func errorsShowControlCharactersVisibly() throws {
        let error = try #require(throws: MailAddress.Invalid.self) { try MailAddress(parsing: "root\nBcc: x") }
        #expect(error.description.contains("\\u{a}"))
        #expect(!error.description.contains("\n"))
    }
}
