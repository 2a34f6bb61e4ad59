import LogscanCore

/// `--format json`: the report model as it is, versioned by its `schema` field. Times are RFC 3339 in UTC.
/// Keys are sorted, so two runs over the same input differ only in `generatedAt` and daily reports diff well.
/// The layout is `JSONEncoder`'s (`.prettyPrinted, .sortedKeys, .withoutEscapingSlashes`), written by our
/// own encoder (`JSONTreeEncoder`, `PrettyJSONWriter`) from the same `Codable` conformances, or, for the
/// report, by `ReportJSONWriter` straight from the model in the same bytes.
public enum JSONRenderer {
    /// Writes the report to `output` without holding a large table's rows: tables with lazy rows
    /// (`--top 0` on a million addresses) are encoded as placeholders, and their rows made and written one
    /// at a time in their place (see `DeferredRows`).
    public static func write(_ report: Report, to output: OutputBuffer) throws {
        if ReportJSONWriter.canWrite(report) {
            let json = PrettyJSONWriter(output: output, deferred: DeferredRowsWriter(tables: []))
            ReportJSONWriter(json: json).write(report)
            output.append("\n" as StaticString)
            return
        }
        let deferred = DeferredRows()
        var userInfo: [CodingUserInfoKey: Any] = [:]
        userInfo[DeferredRows.key] = deferred
        let tree = try JSONTreeEncoder.tree(report, userInfo: userInfo)
        try write(tree, deferred: deferred.tables, to: output)
    }

    /// Any `Encodable` value (the ban plan of `ban --format json`) in the same layout, and a newline.
    public static func write<T: Encodable>(encodable value: T, to output: OutputBuffer) throws {
        try write(JSONTreeEncoder.tree(value), deferred: [], to: output)
    }

    static func write(_ tree: JSONValue, deferred: [DeferredRows.Table], to output: OutputBuffer) throws {
        try PrettyJSONWriter(output: output, deferred: DeferredRowsWriter(tables: deferred)).write(tree)
        output.append("\n" as StaticString)
    }
}
