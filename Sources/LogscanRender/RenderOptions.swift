import LogscanCore

/// How the text and HTML reports are drawn: zone, detail level, width and the templates to use. The email
/// composer passes the same value to both renderers.
public struct RenderOptions: Sendable {
    /// logwatch's detail levels: `low` shows alerts, totals and the top 5 offenders; `med` the usual report;
    /// `high` adds the users tried per address, the unmatched samples, and the offenders of a single service.
    public enum Detail: String, CaseIterable, Sendable { case low, med, high }

    public var zone: Zone
    public var detail: Detail
    /// No cutting of reasons, paths and samples to 80 columns (text only; HTML never cuts).
    public var wide: Bool
    /// ASCII sparklines and bars instead of block characters (text only).
    public var ascii: Bool
    /// ANSI bold and red in the text report.
    public var color: Bool
    public var templates: ReportTemplates

    public init(zone: Zone, detail: Detail = .med, wide: Bool = false, ascii: Bool = false, color: Bool = false,
                templates: ReportTemplates = .embedded) {
        self.zone = zone
        self.detail = detail
        self.wide = wide
        self.ascii = ascii
        self.color = color
        self.templates = templates
    }

    /// The rows shown of a ranked table: all the report has, or 5 at `low`.
    func rows<Row>(_ table: Report.Table<Row>) -> Report.Table<Row> {
        let shown = table.shownRows
        guard detail == .low, shown.count > 5 else { return table }
        return Report.Table(rows: Array(shown.prefix(5)), more: table.more +| (shown.count - 5))
    }

    /// Whether the environment's locale can show UTF-8 (LC_ALL, then LC_CTYPE, then LANG, as setlocale does).
    public static func localeIsUTF8(_ environment: [String: String]) -> Bool {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? "C"
        let lowered = locale.lowercased()
        return lowered.contains("utf-8") || lowered.contains("utf8")
    }
}
