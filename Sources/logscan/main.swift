import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

let arguments = Array(CommandLine.arguments.dropFirst())
if TopLevelHelp.requested(arguments) {
    print(TopLevelHelp.text(), terminator: "")
    exit(0)
}
if let typo = CommandTypos.message(arguments) {
    Diagnostics.say(typo)
    exit(1)
}

// swift-argument-parser exits with 64 on a usage error; logscan documents 1.
do {
    var command = try DirectParse.command(arguments)
    try command.run()
} catch {
    if Logscan.exitCode(for: error) == .validationFailure {
        let message = Logscan.fullMessage(for: error)
        Diagnostics.say(message)
        if let hint = LogwatchHints.hint(arguments, error: message) { Diagnostics.say("hint: " + hint) }
        exit(1)
    }
    Logscan.exit(withError: error)
}
