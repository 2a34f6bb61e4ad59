import LogscanCore

/// Text that goes into a `#` comment of a shell script (or a warning): one line, nothing invisible.
/// `SafeText` has already escaped control bytes and bidirectional controls; this also escapes every
/// other format, separator and unassigned character (zero-width spaces, U+2028…) and cuts long names.
public enum CommentText {
    /// User names longer than this are cut, with `…`.
    public static let maxLength = 32

    /// Attacker-controlled bytes (a user name) as a short, one-line, visible text.
    public static func name(_ bytes: ByteString) -> String { truncated(clean(bytes.safeText)) }

    public static func clean(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if isVisible(scalar) { out.unicodeScalars.append(scalar) } else { out += "\\u{" + String(scalar.value, radix: 16) + "}" }
        }
        return out
    }

    static func truncated(_ text: String) -> String {
        text.count <= maxLength ? text : String(text.prefix(maxLength - 1)) + "…"
    }

    private static func isVisible(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator, .unassigned, .surrogate,
             .privateUse:
            return false
        default:
            return true
        }
    }
}
