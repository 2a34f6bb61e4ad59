import LogscanCore

/// A checked mailbox for the `From:` and `To:` headers: `user`, `user@example.org` or
/// `Display Name <user@example.org>`.
///
/// The address part must be a plain addr-spec (dot-atom local part, ASCII domain labels): no spaces,
/// quotes, commas, angle brackets or control characters, so nothing given on the command line can add a
/// recipient or a header. A bare local part (`root`) is kept as is: `sendmail -t` delivers it locally.
public struct MailAddress: Equatable, Sendable {
    public var displayName: String?
    public var address: String

    public struct Invalid: Error, CustomStringConvertible {
        public var text: String
        public var reason: String
        public var description: String { "invalid mail address \(Invalid.shown(text)): \(reason)" }

        /// The rejected text with control characters made visible.
        static func shown(_ text: String) -> String {
            "'" + text.unicodeScalars.map { HeaderEncoding.isControl($0) ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined() + "'"
        }
    }

    public init(parsing text: String) throws(Invalid) {
        let trimmed = text.trimmingSpaces
        if let open = trimmed.lastIndex(of: "<"), trimmed.hasSuffix(">") {
            let name = String(trimmed[..<open]).trimmingSpaces
            let inner = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            if let bad = name.unicodeScalars.first(where: { HeaderEncoding.isControl($0) || "<>\"\\".unicodeScalars.contains($0) }) {
                throw Invalid(text: text, reason: "the name holds \(bad.value < 0x20 ? "a control character" : "'\(bad)'")")
            }
            displayName = name.isEmpty ? nil : name
            address = try Self.checkedAddress(inner, whole: text)
        } else {
            displayName = nil
            address = try Self.checkedAddress(trimmed, whole: text)
        }
    }

    /// A comma-separated list (`--mailto a@x,b@y`): every item checked, duplicates dropped, order kept.
    public static func list(_ text: String) throws(Invalid) -> [MailAddress] {
        var result: [MailAddress] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard !item.trimmingSpaces.isEmpty else { throw Invalid(text: text, reason: "empty entry in the list") }
            let address = try MailAddress(parsing: String(item))
            if !result.contains(where: { $0.address == address.address }) { result.append(address) }
        }
        return result
    }

    /// The mailbox as a header writes it: the name quoted, or RFC 2047-encoded when it is not ASCII.
    public var headerText: String {
        guard let displayName else { return address }
        if displayName.unicodeScalars.allSatisfy({ $0.isASCII }) {
            return "\"" + displayName + "\" <" + address + ">"
        }
        return HeaderEncoding.encodedWords(displayName).joined(separator: " ") + " <" + address + ">"
    }

    private static func checkedAddress(_ text: String, whole: String) throws(Invalid) -> String {
        guard !text.isEmpty else { throw Invalid(text: whole, reason: "no address") }
        if let bad = text.unicodeScalars.first(where: { HeaderEncoding.isControl($0) }) {
            throw Invalid(text: whole, reason: "control character \\u{\(String(bad.value, radix: 16))} (a header line break?)")
        }
        if let bad = text.first(where: { " ;,:<>\"()[]\\".contains($0) }) {
            throw Invalid(text: whole, reason: "'\(bad)' has no place in an address (give one address per comma-separated item)")
        }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw Invalid(text: whole, reason: "more than one '@'") }
        let local = parts[0]
        guard !local.isEmpty, local.utf8.allSatisfy(isAtomText), !local.hasPrefix("."), !local.hasSuffix("."),
              !local.contains("..") else {
            throw Invalid(text: whole, reason: "the part before '@' may hold only letters, digits, dots and !#$%&'*+-/=?^_`{|}~")
        }
        if parts.count == 2 {
            let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
            guard labels.allSatisfy({ label in
                !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                    && label.utf8.allSatisfy { isDomainText($0) }
            }) else {
                throw Invalid(text: whole, reason: "the domain must be ASCII labels of letters, digits and '-' "
                              + "separated by dots (write an international domain in its xn-- form)")
            }
        }
        guard text.utf8.count <= 254 else { throw Invalid(text: whole, reason: "longer than 254 characters") }
        return text
    }

    private static func isAtomText(_ byte: UInt8) -> Bool {
        isDomainText(byte) || byte == UInt8(ascii: ".") || "!#$%&'*+/=?^_`{|}~".utf8.contains(byte)
    }

    private static func isDomainText(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
    }
}
