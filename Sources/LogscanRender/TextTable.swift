import LogscanCore

/// A plain-text table that fits a width: columns take the width of their widest cell, and when the
/// table is too wide the shrinkable column gives way (the last one by default), cut with `…`.
///
/// Its rows are stored (`add`) or, for a streamed table of a million rows, made on demand (`madeRows`):
/// `write` then takes the exact widths from a first pass over the rows, keeping only the widths, and makes
/// each row again to lay it out and hand it over, so the lines are the same as a stored table's and no
/// row outlives its line.
struct TextTable {
    enum Alignment { case left, right }

    struct Column {
        var title: String
        var alignment: Alignment
    }

    var columns: [Column]
    var rows: [[String]] = []
    /// Rows made on demand instead of stored: how many, and the cells of row `index`.
    var madeRows: (count: Int, cells: (Int) -> [String])?
    var indent = "  "
    /// The column that shrinks, and whether it keeps the end of its text (for paths) or the start.
    var shrinking: Int
    var keepsEnd = false

    init(_ columns: [(String, Alignment)], shrinking: Int? = nil, keepsEnd: Bool = false) {
        self.columns = columns.map { Column(title: $0.0, alignment: $0.1) }
        self.shrinking = shrinking ?? columns.count - 1
        self.keepsEnd = keepsEnd
    }

    mutating func add(_ cells: [String]) { rows.append(cells) }

    /// A report table's rows: stored here when the report stored them, made on demand when it streams them.
    mutating func fill<Row>(_ data: Report.Table<Row>, cells: @escaping (Row) -> [String]) {
        let shown = data.shownRows
        if data.streamsRows {
            madeRows = (shown.count, { cells(shown[$0]) })
        } else {
            for row in shown { add(cells(row)) }
        }
    }

    private var rowCount: Int { madeRows?.count ?? rows.count }

    private func cells(_ index: Int) -> [String] { madeRows?.cells(index) ?? rows[index] }

    func render(width: Int) -> [String] {
        var lines: [String] = []
        write(width: width) { lines.append($0) }
        return lines
    }

    /// The header and each row's line, one at a time.
    func write(width: Int, line: (String) -> Void) {
        let widths = columnWidths(fitting: width)
        line(layout(columns.map(\.title), widths: widths))
        for index in 0..<rowCount { line(layout(cells(index), widths: widths)) }
    }

    private func columnWidths(fitting width: Int) -> [Int] {
        var widths = columns.map { $0.title.displayWidth }
        for index in 0..<rowCount {
            for (column, cell) in cells(index).enumerated() { widths[column] = max(widths[column], cell.displayWidth) }
        }
        let others = widths.enumerated().filter { $0.offset != shrinking }.reduce(indent.count) { $0 + $1.element }
        let available = width - others - 2 * (widths.count - 1)
        widths[shrinking] = max(8, min(widths[shrinking], available))
        return widths
    }

    private func layout(_ cells: [String], widths: [Int]) -> String {
        var line = indent
        for (index, cell) in cells.enumerated() {
            let text = index == shrinking && keepsEnd ? cell.fittedKeepingEnd(to: widths[index]) : cell.fitted(to: widths[index])
            let padding = String(repeating: " ", count: max(0, widths[index] - text.displayWidth))
            let isLast = index == cells.count - 1
            switch columns[index].alignment {
            case .left: line += isLast ? text : text + padding
            case .right: line += padding + text
            }
            if !isLast { line += "  " }
        }
        // An empty last cell (a bar column with no bar) leaves no trailing spaces.
        while line.last == " " { line.removeLast() }
        return line
    }
}

extension String {
    /// Columns on a terminal, counting each Unicode scalar as one (good enough for log text).
    var displayWidth: Int { unicodeScalars.count }

    /// Cut to `width` columns with a trailing `…`.
    func fitted(to width: Int) -> String {
        guard displayWidth > width else { return self }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: unicodeScalars.prefix(max(0, width - 1)))
        return String(scalars) + "…"
    }
}

extension String {
    /// Cut to `width` columns with a leading `…`, keeping the end (a file name).
    func fittedKeepingEnd(to width: Int) -> String {
        guard displayWidth > width else { return self }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: unicodeScalars.suffix(max(0, width - 1)))
        return "…" + String(scalars)
    }

    /// Lines of at most `width` columns, broken at spaces; continuation lines get `indent`.
    func wrapped(to width: Int, indent: String) -> [String] {
        var lines: [String] = []
        let leading = String(prefix { $0 == " " })
        var current = leading
        for word in dropFirst(leading.count).split(separator: " ") {
            let candidate = current.allSatisfy({ $0 == " " }) ? current + word : current + " " + word
            if candidate.displayWidth > width && !current.isEmpty {
                lines.append(current)
                current = indent + word
            } else {
                current = candidate
            }
        }
        lines.append(current)
        return lines.flatMap { $0.displayWidth > width ? [$0.fitted(to: width)] : [$0] }
    }
}

enum NumberText {
    /// `1234567` as `1,234,567`; a count that saturated (`Int.max`, see Saturating.swift) as
    /// `≥9,223,372,036,854,775,807`, since the true count is at least that.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(character)
        }
        return value == .max ? "≥" + out : value < 0 ? "-" + out : out
    }

    /// `1 IP`, `2 IPs`.
    static func counted(_ value: Int, _ noun: String) -> String {
        "\(grouped(value)) \(noun)\(value == 1 ? "" : "s")"
    }

    /// Bytes as `512 B`, `12.3 KB`, `4.5 MB`, `1.2 GB`.
    static func bytes(_ value: Int) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var amount = Double(value)
        var unit = 0
        while amount >= 1000 && unit < units.count - 1 {
            amount /= 1000
            unit += 1
        }
        if unit == 0 { return "\(value) B" }
        let tenths = Int((amount * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }
}
