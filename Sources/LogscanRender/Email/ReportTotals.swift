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

    public init(_ report: Report) {
        for section in report.services {
            failedAttempts +|= section.failedAttempts
            successfulLogins +|= section.successfulLogins
        }
        failingIPs = report.offenders.count
        alerts = report.alerts.count
        warnings = report.inputs.warnings.count
    }

    /// No failed attempts, no logins and no alerts: nothing a daily mail needs to say.
    public var isEmpty: Bool { failedAttempts == 0 && successfulLogins == 0 && alerts == 0 }
}
