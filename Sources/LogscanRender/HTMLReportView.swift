/// The HTML report's view model, laid out by `templates/html.mustache` and its `html-table` partial.
/// Values are plain text: Mustache escapes them. Sizes and colours are numbers or fixed words from here.
struct HTMLReportView {
    var zone: String
    var range: String
    var covered: String
    var inputs: String
    var generated: String
    var cards: [HTMLCard]
    var alerts: HTMLTable?
    var offenders: HTMLTable?
    var services: [HTMLService]
    var noServices: Bool
    var unmatched: HTMLTable?
    var files: HTMLTable?
    var warnings: [String]
    var hasWarnings: Bool
    var detailNote: String?
}

/// A service's headline numbers at the top of the report.
struct HTMLCard {
    var service: String
    var failed: String
    var ips: String
    var logins: String
    /// Red when this service has a compromise alert.
    var alert: Bool
}

struct HTMLService {
    var name: String
    var summary: [String]
    var chart: HTMLChart?
    var tables: [HTMLTable]
}

/// A table of the report. A cell may carry a bar (percent of the table's largest count).
struct HTMLTable {
    var title: String?
    var note: String?
    var columns: [HTMLColumn]
    var rows: [HTMLRow]
    /// Instead of `rows`, for a table too large to hold: the placeholder its rows are written in.
    var streamedRows: [String] = []
    var more: String?
}

struct HTMLColumn {
    var name: String
    var right: Bool
}

struct HTMLRow {
    var cells: [HTMLCell]
}

struct HTMLCell {
    var text: String
    var right: Bool
    /// Monospace (addresses, log text).
    var mono: Bool
    /// Long log text that may wrap anywhere (reasons, samples, names); other cells do not wrap.
    var wrap: Bool
    var bar: HTMLBar?
}

struct HTMLBar {
    var percent: Int
}

/// Failed attempts over time as a row of table cells, each holding a one-cell table `height` pixels tall
/// (table cells keep their height in Outlook, where a `div` may not).
struct HTMLChart {
    var caption: String
    var columns: [HTMLChartColumn]
    var axis: [HTMLAxisCell]
    /// Pixels per column.
    var columnWidth: Int
}

struct HTMLChartColumn {
    var height: Int
    var tooltip: String
    var empty: Bool
}

struct HTMLAxisCell {
    var span: Int
    var text: String
}
