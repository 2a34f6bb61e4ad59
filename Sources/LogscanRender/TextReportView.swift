/// The text report's view model: lines already padded, cut and styled by the renderer, laid out by
/// `templates/text.mustache`. Names here are the template's vocabulary.
struct TextReportView {
    var heading: String
    var zone: String
    var range: String
    var covered: String
    var inputs: String
    /// Logs that stopped being written, said first.
    var stale: TextLines?
    var alerts: TextBlock?
    var offenders: TextBlock?
    var services: [TextServiceView]
    /// Why there is nothing to show, instead of the service sections.
    var empty: TextLines?
    var unmatched: TextBlock?
    var files: TextBlock?
    var warnings: TextBlock?
}

/// Ready lines without a title.
struct TextLines {
    var lines: [String]
}

/// A titled run of ready lines: one table or list.
struct TextBlock {
    var title: String
    var lines: [String]
}

struct TextServiceView {
    var heading: String
    var summary: [String]
    var timeline: TextTimeline?
    var blocks: [TextBlock]
}

/// A sparkline with its caption and the times under its two ends.
struct TextTimeline {
    var caption: String
    var sparkline: String
    var axis: String
}
