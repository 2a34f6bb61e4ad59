import ArgumentParser
import LogscanCore

/// Options for cron, Icinga/Nagios checks and systemd `OnFailure=`: an exit status for what the report found
/// (`--fail-on`), and the site's own networks, whose single failed password before a login is no alert
/// (`--trust`).
struct MonitoringOptions: ParsableArguments {
    @Option(name: .customLong("fail-on"), help: ArgumentHelp(
        "Exit with status 3 when the report holds a compromise alert (alert), or when an address made N or more failed attempts (failures=N). Repeat to combine.",
        valueName: "alert|failures=N"))
    var failOn: [FailCondition] = []

    @Option(help: ArgumentHelp(
        "A network of this site (CIDR, such as 192.168.0.0/16 or 2001:db8::/32; repeat for more). Its failures are counted as usual, but \"failed, then logged in\" from it is an alert only after --trust-min-failures failures.",
        valueName: "cidr"))
    var trust: [CIDR] = []

    @Option(name: .customLong("trust-min-failures"), help: ArgumentHelp(
        "Failed attempts before a login from a --trust network that make a compromise alert.", valueName: "n"))
    var trustMinFailures = WholeNumber(TrustPolicy.defaultMinimumFailures)

    func validate() throws {
        guard trustMinFailures.value >= 1 else { throw ValidationError("--trust-min-failures must be 1 or more") }
    }

    var trustPolicy: TrustPolicy { TrustPolicy(networks: trust, minimumFailures: trustMinFailures.value) }

    /// The first `--fail-on` condition the report meets, in words (for stderr), or nil.
    func conditionMet(_ report: Report) -> String? {
        for condition in failOn {
            switch condition {
            case .alert where !report.alerts.isEmpty:
                return "\(report.alerts.count) compromise \(report.alerts.count == 1 ? "alert" : "alerts")"
            case .failures(let limit):
                // The busiest address over all services, and over one service (host names are not in the first).
                let candidates = [report.offenders.shownRows.first.map { ($0.ip, $0.attempts) }]
                    + report.services.map { $0.ips.shownRows.first.map { ($0.ip, $0.attempts) } }
                if let worst = candidates.compactMap({ $0 }).max(by: { $0.1 < $1.1 }), worst.1 >= limit {
                    return "\(worst.0) made \(worst.1) failed attempts (--fail-on failures=\(limit))"
                }
            default:
                continue
            }
        }
        return nil
    }
}

/// A `--fail-on` value.
enum FailCondition: ExpressibleByArgument, Equatable {
    case alert
    case failures(Int)

    init?(argument: String) {
        if argument == "alert" {
            self = .alert
        } else if argument.hasPrefix("failures="), let limit = Int(argument.dropFirst("failures=".count)), limit >= 1 {
            self = .failures(limit)
        } else {
            return nil
        }
    }

    static var defaultCompletionKind: CompletionKind { .list(["alert", "failures="]) }
}

extension CIDR: ExpressibleByArgument {
    public init?(argument: String) { self.init(exactly: argument) }
}

extension ExitStatus {
    /// A `--fail-on` condition was met (it wins over `partialInput`: the alert matters more).
    static let conditionMet: Int32 = 3
}
