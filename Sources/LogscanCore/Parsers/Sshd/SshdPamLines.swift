/// PAM's lines in sshd's log: sshd's own `PAM: …` errors, and pam_unix's `authentication failure` and
/// `N more authentication failures` records.
enum SshdPamLines {
    /// `PAM: Authentication failure for [illegal user ]U from H` and
    /// `PAM: User not known to the underlying authentication module for [illegal user ]U from H`.
    static func pamError(_ text: Bytes) -> ParsedMessage? {
        let kind: EventKind
        let prefixLength: Int
        // Linux-PAM's wording, then OpenPAM's (FreeBSD, macOS).
        if let length = text.lengthOfPrefix("PAM: Authentication failure for ")
            ?? text.lengthOfPrefix("PAM: authentication error for ") {
            (kind, prefixLength) = (.pamAuthFailure, length)
        } else if let length = text.lengthOfPrefix("PAM: User not known to the underlying authentication module for ")
                    ?? text.lengthOfPrefix("PAM: unknown user for ") {
            (kind, prefixLength) = (.pamUserUnknown, length)
        } else {
            return nil
        }
        guard let (peer, start) = MessageFields.trailingPeer(text),
              let userField = MessageFields.user(before: start, in: text, after: prefixLength) else { return nil }
        var (user, validity) = SshdAuthLines.splitInvalidUser(userField)
        if kind == .pamUserUnknown { validity = .invalid }
        return ParsedMessage(kind, peer: peer, user: user, validity: validity)
    }

    /// `PAM N more authentication failure[s]; logname= uid=0 euid=0 tty=ssh ruser= rhost=H[  user=U]`,
    /// or the same without `PAM ` under the old `sshd(pam_unix)` tag.
    static func pamMore(_ text: Bytes) -> ParsedMessage? {
        let start = text.lengthOfPrefix("PAM ") ?? 0
        guard let spaceAt = text.firstIndex(of: UInt8(ascii: " "), from: start),
              let count = text.slice(start, spaceAt).decimalValue,
              text.suffix(from: spaceAt).hasPrefix(" more authentication failure") else { return nil }
        var parsed = PamRecord.parse(.pamMoreFailures, text)
        parsed.count = count
        return parsed
    }

    /// `pam_unix(sshd:auth): authentication failure; … rhost=H[  user=U]`, or the same without the
    /// `pam_unix(sshd:auth): ` part under the `sshd(pam_unix)` tag.
    static func pamUnixFailure(_ text: Bytes) -> ParsedMessage? {
        let record = text.after("pam_unix(sshd:auth): ") ?? text
        guard record.hasPrefix("authentication failure;") else { return nil }
        return PamRecord.parse(.pamUnixFailure, record)
    }
}
