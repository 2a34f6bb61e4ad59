#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LogscanCore

/// `--format json`: the report model as it is, versioned by its `schema` field. Times are RFC 3339 in UTC.
/// Keys are sorted, so two runs over the same input differ only in `generatedAt` and daily reports diff well.
public enum JSONRenderer {
    public static func render(_ report: Report) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }
}
