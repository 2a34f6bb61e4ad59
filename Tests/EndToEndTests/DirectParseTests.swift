import Foundation
import Testing

/// A command parsed alone (`DirectParse`) answers exactly as swift-argument-parser's root parse of `logscan`
/// (`LOGSCAN_ROOT_PARSE=1`): same output, messages and exit status, for runs, help, versions, completion
/// scripts and usage errors of every command.
@Suite struct DirectParseTests {
    static let argumentLists: [[String]] = [
        ["--format", "json", "debian"], ["-q", "--format=json", "--top", "2", "--detail", "high", "debian", "mail"],
        ["report", "--format", "json", "--service", "ssh", "debian"], ["report", "report"], ["--quiet", "events"],
        ["--", "events"], ["events", "--unmatched", "mail"], ["events", "--", "-q"], ["ban", "ban"],
        ["ban", "--backend", "nft", "--expire", "1d", "--threshold", "2", "ban"], ["ban", "--format", "json", "ban"],
        ["--format", "text", "--color", "always", "--top", "0", "--utc", "debian"],
        ["--help"], ["-h"], ["help"], ["help", "ban"], ["report", "--help"], ["events", "-h"], ["ban", "--help"],
        ["--format", "json", "--help"], ["events", "--unmatched", "--help"], ["--version"], ["report", "--version"],
        ["events", "--version"], ["--format", "json", "--version"], ["--generate-completion-script", "bash"],
        ["report", "--generate-completion-script", "zsh"], ["ban", "--generate-completion-script", "fish"],
        ["--experimental-dump-help"], ["events", "--experimental-dump-help"], ["ban", "--experimental-dump-help"],
        ["report", "--generate-completion-script"], ["events", "--generate-completion-script", "bash"],
        ["help", "events"], ["report", "-h"],
        ["---completion", "--", "--format", "0", "0"], ["---completion", "ban", "--", "--backend", "0", "0"],
        ["--format", "xml", "debian"], ["--top", "-1", "debian"], ["--bogus"], ["--since"],
        ["events", "--format", "json"],
        ["--range", "yesterday", "--since", "1h", "debian"], ["--subject", "x", "debian"], ["--fail-on", "x", "debian"],
        ["--format", "email", "--mailto", "a@", "debian"], ["--trust", "10.0.0.0/99", "debian"],
        ["ban", "--expire", "1d", "ban"], ["ban", "--threshold", "0", "ban"], ["ban", "--service", "smtp", "ban"],
        ["--journal-match", "nonsense", "debian"], ["events", "--detail", "high", "debian"],
        ["ban", "--top", "3", "ban"],
    ]

    @Test(arguments: argumentLists) func parsedAloneAnswersAsTheRootParse(_ arguments: [String]) throws {
        let fixtures = Harness.packageRoot.appendingPathComponent("Fixtures")
        let alone = try Harness.logscan(arguments, in: fixtures)
        let root = try Harness.logscan(arguments, in: fixtures, environment: ["LOGSCAN_ROOT_PARSE": "1"])
        #expect(alone.status == root.status, "\(arguments)")
        #expect(Self.timeless(alone.out) == Self.timeless(root.out), "\(arguments)")
        #expect(alone.err == root.err, "\(arguments)")
    }

    /// The output without the line that says when it was made (the two runs are a moment apart).
    static func timeless(_ output: String) -> String {
        output.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("generatedAt") }
            .joined(separator: "\n")
    }
}
