import LogscanCore

/// The few numbers a whole report is judged by: the email's subject and `--quiet-if-empty`. Sums saturate.
public struct ReportTotals: Equatable, Sendable {
    /// Failed authentication attempts over every service.
    public var failedAttempts = 0
    /// Distinct addresses that failed, over every service.
    public var failingIPs = 0
    public var successfulLogins = 0
    public var alerts = 0
    public var warnings = 0
    /// Log sets that stopped being written: a reason to mail even when nothing else happened.
    public var staleInputs = 0

    public init(_ report: Report) {
        for section in report.services {
            failedAttempts +|= section.failedAttempts
            successfulLogins +|= section.successfulLogins
        }
        failingIPs = report.offenders.count
        alerts = report.alerts.count
        warnings = report.inputs.warnings.count
        staleInputs = report.inputs.stale.count
    }

    /// No failed attempts, no logins, no alerts and no stale logs: nothing a daily mail needs to say.
    public var isEmpty: Bool { failedAttempts == 0 && successfulLogins == 0 && alerts == 0 && staleInputs == 0 }
}
