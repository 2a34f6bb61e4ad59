import Testing
@testable import LogscanCore

/// The auth process's passdb word, compared in place before a `(` (`DovecotAuthLines.passdbEnds`), against the
/// walk back over the word and `isPassdb` that it replaced.
@Suite struct DovecotPassdbWordTests {
    /// The general reading: the word back to a space, a colon or the start, then its name.
    private func walkedBack(_ text: Bytes, at open: Int) -> Bool {
        var start = open
        while start > 0 && text[start - 1] != UInt8(ascii: " ") && text[start - 1] != UInt8(ascii: ":") { start -= 1 }
        return DovecotAuthLines.isPassdb(text.slice(start, open))
    }

    private static let pieces = [
        "pam", "sql", "lua", "ldap", "imap", "passwd", "shadow", "static", "oauth2", "bsdauth", "passwd-file",
        "checkpassword", "auth", "auth-worker", "x", "-", " ", ": ", ":", "(", ")", ",", "am", "file", "check", "s",
    ]

    @Test func answersAsTheWalkBackAtEveryParenthesis() {
        var random = SplitMix64(state: 13)
        var texts = Self.pieces.map { $0 + "(" } + Self.pieces.map { "auth: " + $0 + "(u,1.2.3.4): x" }
        for _ in 0..<4000 {
            texts.append((0..<(1 + random.next(6))).map { _ in Self.pieces[random.next(Self.pieces.count)] }.joined())
        }
        var passdbs = 0
        for text in texts {
            Bytes.with(text) { view in
                for open in 0..<view.count where view[open] == UInt8(ascii: "(") {
                    let expected = walkedBack(view, at: open)
                    #expect(DovecotAuthLines.passdbEnds(view, at: open) == expected, "\(text) at \(open)")
                    if expected { passdbs += 1 }
                }
            }
        }
        #expect(passdbs > 50)
    }
}
