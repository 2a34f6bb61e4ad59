/// `NOQUEUE: reject: RCPT from H[IP]: 554 5.7.1 <r@x>: Relay access denied; from=<s@y> to=<r@x> proto=ESMTP
/// helo=<h>` and `milter-reject`, grouped by reason.
enum PostfixRejects {
    static func parse(_ text: Bytes, into parsed: inout ParsedMessage) -> Bool {
        guard let rest = text.after("NOQUEUE: ") else { return false }
        if rest.hasPrefix("lost connection after ") { return PostfixSmtpdLines.session(rest, into: &parsed) }
        guard rest.hasPrefix("reject: ") || rest.hasPrefix("milter-reject: ") else {
            guard rest.hasPrefix("reject_warning: ") || rest.hasPrefix("filter: ") else { return false }
            parsed = ParsedMessage(.noise)
            return true
        }
        classified(rest, peer: PostfixClient.afterFrom(rest)?.peer ?? PostscreenLines.peer(in: rest), into: &parsed)
        return true
    }

    /// The reason is the text before the last `; from=<` (the envelope that follows is the sender's).
    static func classified(_ rest: Bytes, peer: Peer?, into parsed: inout ParsedMessage) {
        parsed = ParsedMessage(.reject, peer: peer)
        let reasonEnd = rest.lastRange(of: "; from=<") ?? rest.count
        let reason = rest.prefix(reasonEnd)
        parsed.detail = reason
        if rest.hasPrefix("milter-reject: ") {
            parsed.rejectClass = .milter
        } else if let listAt = reason.firstRange(of: " blocked using ", anchor: 13) {  // its `g`: `k` is in `unknown`
            parsed.rejectClass = .rbl
            let list = reason.suffix(from: listAt + 15)
            let end = list.firstIndex(of: UInt8(ascii: ";")) ?? list.firstIndex(of: UInt8(ascii: ",")) ?? list.count
            parsed.detail = list.prefix(end)
        } else {
            parsed.rejectClass = reasonClass(reason)
        }
    }

    /// Each wording is searched for by a byte rarer in reject texts than its first where that pays (the same
    /// answer as `contains`): `Relay`'s `y` and `unverified`'s `v`, not the `R` of the `RCPT` every reason holds.
    static func reasonClass(_ reason: Bytes) -> RejectClass {
        if reason.firstRange(of: "Relay access denied", anchor: 4) != nil { return .relayDenied }
        if reason.contains("User unknown") || reason.firstRange(of: "undeliverable address", anchor: 4) != nil
            || reason.firstRange(of: "Recipient address rejected: unverified address", anchor: 30) != nil {
            return .unknownRecipient
        }
        if reason.contains("Client host rejected") { return .clientHost }
        if reason.contains("Helo command rejected") { return .helo }
        if reason.contains("Sender address rejected") { return .sender }
        if reason.firstRange(of: "olicy", anchor: 4) != nil || reason.contains("Greylist")
            || reason.firstRange(of: "greylist", anchor: 3) != nil { return .policy }
        return .other
    }
}
