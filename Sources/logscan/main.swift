import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

// swift-argument-parser exits with 64 on a usage error; logscan documents 1.
do {
    var command = try Logscan.parseAsRoot()
    try command.run()
} catch {
    if Logscan.exitCode(for: error) == .validationFailure {
        Diagnostics.say(Logscan.fullMessage(for: error))
        exit(1)
    }
    Logscan.exit(withError: error)
}
