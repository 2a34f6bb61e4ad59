import ArgumentParser
import LogscanCore

/// `--service sshd,postfix`: only these services' lines are parsed; the others count as lines of other
/// programs, so they reach neither the report nor `events`.
struct ServiceFilter: ParsableArguments {
    @Option(name: [.customLong("service"), .customLong("services")], help: ArgumentHelp(
        "Only these services, comma-separated (the report and events leave the others' lines unparsed). Default: all.",
        valueName: "names"))
    var services: [ServiceList] = []

    /// The parsers of the chosen services (all of them when none is named).
    var registry: ParserRegistry {
        let chosen = Set(services.flatMap(\.services))
        return chosen.isEmpty ? ParserRegistry() : ParserRegistry(parsers: ParserRegistry.all.filter { chosen.contains($0.service) })
    }
}

/// One `--service` value: names separated by commas.
struct ServiceList: ExpressibleByArgument {
    var services: [Service]

    init?(argument: String) {
        var services: [Service] = []
        for name in argument.split(separator: ",", omittingEmptySubsequences: true) {
            let trimmed = name.filter { $0 != " " }.lowercased()
            guard let service = Service(rawValue: trimmed == "ssh" ? "sshd" : trimmed) else { return nil }
            services.append(service)
        }
        guard !services.isEmpty else { return nil }
        self.services = services
    }

    static var allValueStrings: [String] { Service.allCases.map(\.rawValue) }
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}
