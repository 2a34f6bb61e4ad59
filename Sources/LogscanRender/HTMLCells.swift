/// Builders for the HTML report's tables and cells.
enum HTMLCells {
    static func text(_ text: String) -> HTMLCell { HTMLCell(text: text, right: false, mono: false, wrap: false, bar: nil) }
    static func mono(_ text: String) -> HTMLCell { HTMLCell(text: text, right: false, mono: true, wrap: false, bar: nil) }
    static func logText(_ text: String) -> HTMLCell { HTMLCell(text: text, right: false, mono: true, wrap: true, bar: nil) }
    static func number(_ value: Int) -> HTMLCell { HTMLCell(text: NumberText.grouped(value), right: true, mono: false, wrap: false, bar: nil) }
    /// A count where 0 means "none logged": shown as `-`.
    static func count(_ value: Int) -> HTMLCell { value == 0 ? HTMLCell(text: "-", right: true, mono: false, wrap: false, bar: nil) : number(value) }

    /// An empty cell holding a bar for `value` out of `peak` (at least a sliver for any non-zero value).
    static func bar(_ value: Int, of peak: Int) -> HTMLCell {
        let percent = peak > 0 && value > 0 ? max(2, Int((Double(value) / Double(peak) * 100).rounded())) : 0
        return HTMLCell(text: "", right: false, mono: false, wrap: false, bar: percent > 0 ? HTMLBar(percent: percent) : nil)
    }

    /// A table, or nil when it has no rows. `columns`: name and whether it is right-aligned.
    static func table<Row>(_ title: String?, _ rows: [Row], more: Int, note: String? = nil, columns: [(String, Bool)],
                           cells: (Row) -> [HTMLCell]) -> HTMLTable? {
        guard !rows.isEmpty else { return nil }
        return table(title, rows: rows.map { HTMLRow(cells: cells($0)) }, more: more, note: note, columns: columns)
    }

    /// A table of ready rows, or of none with `streamedRows` standing for them.
    static func table(_ title: String?, rows: [HTMLRow], streamedRows: [String] = [], more: Int, note: String?,
                      columns: [(String, Bool)]) -> HTMLTable {
        HTMLTable(title: title, note: note, columns: columns.map { HTMLColumn(name: $0.0, right: $0.1) },
                  rows: rows, streamedRows: streamedRows, more: more > 0 ? "… and \(NumberText.grouped(more)) more" : nil)
    }
}
