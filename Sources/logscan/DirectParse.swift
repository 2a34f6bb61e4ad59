import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// The command a run's arguments ask for, parsed by that command alone: the one they name first, or the
/// default one (the report) when they name none. swift-argument-parser's parse from the root `Logscan` first
/// reflects the default command's options, even for `events` and `ban`, to learn whether they take the rest
/// of the line; each first reflection of a type costs runtime conformance scans of the whole binary. Parsed
/// alone, an empty run costs 19.9 M instructions instead of 22.0 M for the report, 18.2 M instead of 27.6 M for
/// `events`, 15.9 M instead of 26.1 M for `ban` (bench/RESULTS.md, round six, start-up).
///
/// Whatever is not a parsed command (help, --version, completion scripts, every usage error) is parsed again
/// from the root, so what the user sees is the root's. `LOGSCAN_ROOT_PARSE=1` (not in --help) always parses
/// from the root, so tests can compare the two.
enum DirectParse {
    /// The commands' `_superCommandName`, which matters only to a command parsed alone, as the root of its
    /// parse: its usage would read `logscan report`, and the parser leaves the `--generate-completion-script`
    /// check to the root command (it parses two commands of its own for it: 0.9 M instructions a run); the
    /// option then fails the direct parse, and the root parse writes the script.
    static let rootName = "logscan"

    static func command(_ arguments: [String]) throws -> ParsableCommand {
        if getenv("LOGSCAN_ROOT_PARSE") == nil, let command = direct(arguments) { return command }
        return try Logscan.parseAsRoot(arguments)
    }

    /// The command parsed alone, or nil when only the root parse can tell.
    static func direct(_ arguments: [String]) -> ParsableCommand? {
        let configuration = Logscan.configuration
        if let first = arguments.first,
           let named = configuration.subcommands.first(where: { $0.configuration.commandName == first }) {
            return parsed(named, arguments.dropFirst())
        }
        // `help` is the parser's own command; `---completion` is how completion scripts ask the root.
        guard let command = configuration.defaultSubcommand, arguments.first != "help",
              arguments.first != "---completion" else { return nil }
        return parsed(command, arguments[...])
    }

    private static func parsed(_ command: ParsableCommand.Type, _ arguments: ArraySlice<String>) -> ParsableCommand? {
        guard let result = try? command.parseAsRoot(Array(arguments)), type(of: result) == command else { return nil }
        return result
    }
}
