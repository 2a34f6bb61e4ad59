import Testing
@testable import LogscanCore

/// A reject reason's class (`PostfixRejects.reasonClass`, each wording searched for by a byte rarer than its
/// first) against the plain reading: a `contains` a wording, in the fixed order whose first match wins. The
/// same class on the examples' wordings, every wording alone and in pairs, at every place, truncated, and on
/// random mixes of wordings, their anchor bytes and other bytes (hostile reasons: a quoted recipient or a
/// host name can hold any wording).
@Suite struct PostfixRejectReasonTests {
    /// The plain reading: a search a wording, the first in order wins.
    private func plainReasonClass(_ reason: Bytes) -> RejectClass {
        if reason.contains("Relay access denied") { return .relayDenied }
        if reason.contains("User unknown") || reason.contains("undeliverable address")
            || reason.contains("Recipient address rejected: unverified address") { return .unknownRecipient }
        if reason.contains("Client host rejected") { return .clientHost }
        if reason.contains("Helo command rejected") { return .helo }
        if reason.contains("Sender address rejected") { return .sender }
        if reason.contains("olicy") || reason.contains("Greylist") || reason.contains("greylist") { return .policy }
        return .other
    }

    private let wordings = ["Relay access denied", "User unknown", "undeliverable address",
                            "Recipient address rejected: unverified address", "Client host rejected",
                            "Helo command rejected", "Sender address rejected", "olicy", "Greylist", "greylist"]

    /// Counts the texts on which the two readings differ (each one reported), and the classes seen.
    private func disagreements(_ texts: [String], seen: inout Set<RejectClass>) -> Int {
        var wrong = 0
        for text in texts {
            Bytes.with(text) { reason in
                let plain = plainReasonClass(reason)
                seen.insert(plain)
                if PostfixRejects.reasonClass(reason) != plain {
                    wrong += 1
                    Issue.record("\(text.debugDescription): \(PostfixRejects.reasonClass(reason)) != \(plain)")
                }
            }
        }
        return wrong
    }

    @Test func everyWordingAtEveryPlaceAgrees() {
        var texts: [String] = []
        let filler = "reject: RCPT from mail.example.com[192.0.2.1]: 554 5.7.1 <bob@example.org>: "
            + String(repeating: "x", count: 80)
        for wording in wordings {
            for lead in 0...140 {
                texts.append(String(filler.prefix(lead)) + wording)
                texts.append(String(filler.prefix(lead)) + wording + "; more")
                texts.append(String(filler.prefix(lead)) + wording.dropLast())  // cut short: no match
                texts.append(String(filler.prefix(lead)) + wording.dropFirst())
            }
            for other in wordings {
                texts.append(wording + other)
                texts.append(other + ": " + wording)
                texts.append(String(filler.prefix(60)) + other + String(filler.prefix(7)) + wording)
            }
        }
        var seen = Set<RejectClass>()
        #expect(disagreements(texts, seen: &seen) == 0)
        #expect(seen == [.relayDenied, .unknownRecipient, .clientHost, .helo, .sender, .policy, .other])
    }

    @Test func theExamplesAndHostileReasonsAgree() {
        let texts = [
            "", "R", "y", "b", "olicy", "Poli", "Greylis", "reject: RCPT from unknown[192.0.2.1]: 554 5.7.1 <x@y>: Relay access denied",
            "reject: RCPT from a[192.0.2.1]: 450 4.2.0 <a@b>: Recipient address rejected: Greylisted, see https://postgrey.example/",
            "reject: RCPT from a[192.0.2.1]: 550 5.1.1 <a@b>: Recipient address rejected: User unknown in virtual mailbox table",
            "reject: RCPT from a[192.0.2.1]: 450 4.7.1 Client host rejected: cannot find your hostname, [192.0.2.1]",
            "reject: RCPT from a[192.0.2.1]: 504 5.5.2 <x>: Helo command rejected: need fully-qualified hostname",
            "reject: RCPT from a[192.0.2.1]: 550 5.1.8 <s@x>: Sender address rejected: Domain not found",
            "reject: RCPT from a[192.0.2.1]: 554 5.7.1 <a@b>: Recipient address rejected: Access denied",
            "reject: RCPT from policy.example[192.0.2.1]: 554 5.7.1 <\"Relay access denied\"@x>: Sender address rejected",
            "reject: RCPT from greylist.example[192.0.2.1]: 550 <\"User unknownHelo command rejected\"@b>: Access denied",
            "reject: RCPT from a[192.0.2.1]: 450 4.1.1 <a@b>: Recipient address rejected: undeliverable address: host x said",
            "reject: RCPT from a[192.0.2.1]: 450 4.1.1 <a@b>: Recipient address rejected: unverified address: lookup",
            "reject: DATA from a[192.0.2.1]: 550 5.7.1 Policy rejection; \u{1B}[31mRelay access denied\u{1B}[0m",
            "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyolicy",
            String(repeating: "RUCHSbyvoe", count: 40) + "Sender address rejected",
        ]
        var seen = Set<RejectClass>()
        #expect(disagreements(texts, seen: &seen) == 0)
        #expect(seen.count >= 6)
    }

    @Test func randomMixesAgree() {
        var generator = SystemRandomNumberGenerator()
        let pieces = wordings + wordings.map { String($0.dropLast()) } + ["R", "U", "C", "H", "S", "b", "y", "v", "o", "G", "g", " ",
                     "<x@y>: ", "\u{00E9}", "\u{1B}", "\0", ";", "[192.0.2.1]", "RCPT", "Recipient address rejected: "]
        var texts: [String] = []
        for _ in 0..<4000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                text += Bool.random(using: &generator) ? pieces.randomElement(using: &generator)!
                    : String(UnicodeScalar(UInt8.random(in: 32...126, using: &generator)))
            }
            texts.append(text)
        }
        var seen = Set<RejectClass>()
        #expect(disagreements(texts, seen: &seen) == 0)
        #expect(seen.count == 7)
    }
}
