/// A plain-text table that fits a width: columns take the width of their widest cell, and the last column
/// takes what is left, cut with `…` when it has to be.
struct TextTable {
    enum Alignment { case left, right }

    struct Column {
        var title: String
        var alignment: Alignment
    }

    var columns: [Column]
    var rows: [[String]] = []
    var indent = "  "

    init(_ columns: [(String, Alignment)]) {
        self.columns = columns.map { Column(title: $0.0, alignment: $0.1) }
    }

    mutating func add(_ cells: [String]) { rows.append(cells) }

    func render(width: Int) -> [String] {
        var widths = columns.map { $0.title.displayWidth }
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.displayWidth) }
        }
        let fixed = widths.dropLast().reduce(indent.count) { $0 + $1 + 2 }
        widths[widths.count - 1] = max(8, min(widths[widths.count - 1], width - fixed))
        return ([columns.map(\.title)] + rows).map { cells in
            var line = indent
            for (index, cell) in cells.enumerated() {
                let text = cell.fitted(to: widths[index])
                let padding = String(repeating: " ", count: max(0, widths[index] - text.displayWidth))
                let isLast = index == cells.count - 1
                switch columns[index].alignment {
                case .left: line += isLast ? text : text + padding
                case .right: line += padding + text
                }
                if !isLast { line += "  " }
            }
            return line
        }
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

enum NumberText {
    /// `1234567` as `1,234,567`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
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
