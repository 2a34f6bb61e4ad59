import Foundation
import LogscanCore
import Testing

/// A message as Python's `email` package reads it (Tests/Scripts/read_email.py), and the subject a
/// report's JSON form says the email should carry.
struct ParsedEmail: Decodable {
    struct Part: Decodable {
        var type: String
        var charset: String?
        var encoding: String
        var text: String
        var defects: [String]
    }

    var subject: String
    var headers: [String: [String]]
    var head: String
    var content_type: String
    var defects: [String]
    var max_line_octets: Int
    var parts: [Part]

    func part(_ type: String) -> Part? { parts.first { $0.type == type } }

    /// Parses one message in a file.
    static func file(_ path: String) throws -> ParsedEmail { try parse([path]) }

    /// Parses the message with `messageID` in an mbox mailbox.
    static func mailbox(_ path: String, messageID: String) throws -> ParsedEmail { try parse(["--mbox", path, messageID]) }

    /// Parses a message given as text (logscan's output).
    static func text(_ message: String) throws -> ParsedEmail {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("logscan-email-\(UUID().uuidString).eml")
        try Data(message.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try self.file(file.path)
    }

    private static func parse(_ arguments: [String]) throws -> ParsedEmail {
        let python = try RealTool.require("python3", package: "python3")
        let script = Harness.packageRoot.appendingPathComponent("Tests/Scripts/read_email.py").path
        let run = try Harness.run(URL(fileURLWithPath: python), [script] + arguments)
        try #require(run.status == 0, "read_email.py failed: \(run.err)")
        return try JSONDecoder().decode(ParsedEmail.self, from: run.outBytes)
    }

    /// The `Message-ID:` header of a message as logscan printed it.
    static func messageID(in message: String) -> String? {
        message.split(separator: "\n").first { $0.hasPrefix("Message-ID: ") }.map { String($0.dropFirst(12)) }
    }
}

/// The counts the subject line must show, computed from the JSON report (made with `--top 0`, so every
/// failing address is listed) without the renderer's own totals.
struct ExpectedSubject {
    var alerts: Int
    var failures: Int
    var ips: Int
    var warnings: Int
    var stale: Int

    init(_ report: Report) {
        alerts = report.alerts.count
        failures = report.services.reduce(0) { $0 + $1.failedAttempts }
        ips = Set(report.services.flatMap { $0.ips.rows.map(\.ip) }).count
        warnings = report.inputs.warnings.count
        stale = report.inputs.stale.count
    }

    /// `ALERT 1 possible compromise; 75 failed logins from 5 IPs; 1 input warning`.
    var summary: String {
        var parts: [String] = []
        if alerts > 0 { parts.append("ALERT \(alerts) possible compromise" + (alerts == 1 ? "" : "s")) }
        if stale > 0 { parts.append("\(stale) log" + (stale == 1 ? "" : "s") + " silent over a day") }
        parts.append(failures == 0 ? "no failed logins"
                     : "\(failures.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))) failed login"
                        + (failures == 1 ? "" : "s") + (ips > 0 ? " from \(ips) IP" + (ips == 1 ? "" : "s") : ""))
        if warnings > 0 { parts.append("\(warnings) input warning" + (warnings == 1 ? "" : "s")) }
        return parts.joined(separator: "; ")
    }

    /// This machine's host name up to the first dot, as the subject names it.
    static var shortHost: String {
        var buffer = [CChar](repeating: 0, count: 256)
        gethostname(&buffer, 255)
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.split(separator: ".").first.map(String.init) ?? ""
    }
}
