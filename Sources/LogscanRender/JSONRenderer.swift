#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LogscanCore

/// `--format json`: the report model as it is, versioned by its `schema` field. Times are RFC 3339 in UTC.
/// Keys are sorted, so two runs over the same input differ only in `generatedAt` and daily reports diff well.
public enum JSONRenderer {
    /// The one JSON encoder setup, for the whole report and for rows written one by one.
    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Writes the report to `output` without holding a large table's rows: tables with lazy rows
    /// (`--top 0` on a million addresses) are encoded as placeholders, and their rows streamed in their
    /// place one at a time (see `DeferredRows`), with the same encoder and layout.
    public static func write(_ report: Report, to output: OutputBuffer) throws {
        let deferred = DeferredRows()
        let encoder = makeEncoder()
        encoder.userInfo[DeferredRows.key] = deferred
        let skeleton = [UInt8](try encoder.encode(report))
        try DeferredRowsWriter(tables: deferred.tables, rowEncoder: makeEncoder(), output: output).write(skeleton)
        output.append("\n" as StaticString)
    }
}
