/// One row of a streamed HTML table (`--top 0` on a flood: a million rows) written as the embedded
/// `templates/html-row.mustache` draws it, without Mustache: a Mustache row looks each of a cell's eight
/// fields up through `Any` and dynamic casts, ~600,000 instructions a row (a million-row report took three
/// minutes). Used only while `html-row` is the embedded template (`ReportTemplates.isEmbedded`), and only for
/// rows whose texts are printable ASCII, where the template's escaping (`ScalarHTMLEscaping`, called here
/// too) and its partial's indentation (by line) are plainly the bytes written here; any other row is drawn by
/// Mustache. `HTMLRowWriterTests` holds the two to the same bytes.
enum HTMLRowWriter {
    /// The `{{text}}` escaping every template uses.
    private static let escaping = ScalarHTMLEscaping()

    /// The row as the `html-row` partial draws it at `indent`, or nil when Mustache must draw it.
    static func draw(_ row: HTMLRow, indent: String) -> String? {
        guard row.cells.allSatisfy({ isPlain($0.text) }) else { return nil }
        var out = indent + "<tr style=\"vertical-align:top;\">\n"
        for (index, cell) in row.cells.enumerated() {
            // Mustache indents a section's output where it starts: the first cell, not the cells after it.
            if index == 0 { out += indent }
            out += "<td style=\"border-bottom:1px solid #e4e7eb;"
            if cell.right {
                out += "text-align:right;"
            } else {
                if cell.mono { out += "font-family:monospace;" }
                out += cell.wrap ? "white-space:pre-wrap;word-break:break-word;" : "white-space:nowrap;"
            }
            if let bar = cell.bar {
                out += "width:110px;\">"
                out += "<div style=\"width:\(bar.percent)%;height:9px;margin-top:4px;font-size:1px;line-height:1px;"
                out += "background-color:#d64545;\">&nbsp;</div>"
            } else {
                out += "\">"
            }
            out += escaping.escapeText(cell.text)
            out += "</td>\n"
        }
        out += indent + "</tr>\n"
        return out
    }

    /// Printable ASCII only: one byte a `Character`, no line break.
    private static func isPlain(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }
}
