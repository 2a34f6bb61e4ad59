/// A parser for one service's messages.
///
/// It claims program names, maps a message (the text after the `program[pid]:` tag) to a `ParsedMessage`,
/// and carries its own examples: real-format lines with what each must, or must not, produce. The test
/// suite runs every example of every registered parser, and a parser without examples fails it.
public protocol ServiceParser: Sendable {
    var service: Service { get }
    /// Program names as they appear in the syslog tag, such as `sshd` or `sshd-session`.
    var programs: [String] { get }
    /// Families of `family/name` programs it claims, such as `postfix` for `postfix/smtpd`,
    /// `postfix/submission/smtpd` and (by the part before a dash) `postfix-out/smtp`.
    var programFamilies: [String] { get }
    /// Writes what the message says into `parsed` and returns true; false means the parser does not
    /// recognise the message (it is counted as unmatched) and `parsed` is left as it was. `program` is the
    /// tag's name (empty for a bare message). The pipeline keeps one parse and has every line parsed into it,
    /// so a recognised line's parse is written once rather than returned and copied at each level; a parser
    /// must therefore write all of it (`ParseInPlaceTests`).
    func parse(_ message: Bytes, program: Bytes, into parsed: inout ParsedMessage) -> Bool
    var examples: [ParserExample] { get }
}

extension ServiceParser {
    public var programFamilies: [String] { [] }

    /// The parse as a value, nil when the parser does not recognise the message (tests, examples, fuzzing).
    public func parse(_ message: Bytes, program: Bytes) -> ParsedMessage? {
        var parsed = ParsedMessage(.noise)
        return parse(message, program: program, into: &parsed) ? parsed : nil
    }
}

/// A whole log line and what its parser must make of it.
public struct ParserExample: Sendable {
    public enum Expectation: Sendable, Equatable {
        /// Recognised as `kind`, with this peer text, user and count.
        case event(EventKind, ip: String?, user: String?, count: Int)
        /// Not recognised: it goes to the unmatched lines.
        case unmatched
    }

    public let line: String
    public let expectation: Expectation
    public let file: String
    public let lineInSource: Int

    public static func event(_ line: String, _ kind: EventKind, ip: String? = nil, user: String? = nil,
                             count: Int = 1, file: String = #filePath, at lineInSource: Int = #line) -> ParserExample {
        ParserExample(line: line, expectation: .event(kind, ip: ip, user: user, count: count),
                      file: file, lineInSource: lineInSource)
    }

    public static func unmatched(_ line: String, file: String = #filePath, at lineInSource: Int = #line) -> ParserExample {
        ParserExample(line: line, expectation: .unmatched, file: file, lineInSource: lineInSource)
    }
}
