import Mustache

/// HTML escaping of `{{ }}` by Unicode scalar, for every template: swift-mustache escapes by `Character`, so
/// a `<`, `>`, `&`, `"` or `'` followed by a combining mark (one grapheme cluster, not in its table) went out
/// as it was (a user name `<\u{301}script>` became `<́script&gt;`). Registered as swift-mustache's `HTML`
/// content type and named by a pragma put before every template as it is loaded (`ReportTemplates`), since
/// the content type of a template without a pragma cannot be replaced: so a template from `--template-dir`
/// is escaped this way too. Text without such a pair is escaped to the same bytes as before.
struct ScalarHTMLEscaping: MustacheContentType {
    /// The line put before every template: a standalone tag, so it draws nothing (not even its line's end).
    static let pragma = "{{% CONTENT_TYPE: HTML}}\n"

    /// Registers the escaping as the `HTML` content type, once, before any template is parsed (the pragma's
    /// type is looked up when a template is parsed).
    static let registered: Void = MustacheContentTypes.register(ScalarHTMLEscaping(), named: "HTML")

    func escapeText(_ text: String) -> String {
        var escaped = ""
        escaped.unicodeScalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "&": escaped += "&amp;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
