#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LogscanCore

/// `--format json`: the report model as it is, versioned by its `schema` field. Times are RFC 3339 in UTC.
public enum JSONRenderer {
    public static func render(_ report: Report) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }

    /// Writes the report to `output` as it is encoded, never holding the whole document (`--top 0` on a
    /// million addresses): see `JSONStreamEncoder`.
    public static func write(_ report: Report, to output: OutputBuffer) throws {
        try JSONStreamEncoder.write(report, to: output)
    }
}
