import LogscanCore

/// The subject line, with what needs action first:
///
///     [logscan] web1: ALERT 1 possible compromise; 1,234 failed logins from 56 IPs (Nov 26)
///     [logscan] web1: 1,234 failed logins from 56 IPs (Nov 25-26)
///     [logscan] web1: no failed logins (Nov 30 - Dec 1)
///     [logscan] web1: 3 failed logins; 1 input warning (Dec 30, 2026 - Jan 2, 2027)
///     [logscan] web1: 1 log silent over a day; no failed logins (Nov 29 - Dec 1)
///
/// The days are those of the range asked for (its end is exclusive), or of the lines read when the range
/// is open. `from N IPs` is left out when no failing line named an address. A log that stopped being written
/// comes before the failures: a dead rsyslog must not read as "no failed logins" alone.
public enum EmailSubject {
    public static func make(_ report: Report, host: String, zone: Zone) -> String {
        let totals = ReportTotals(report)
        var parts: [String] = []
        if totals.alerts > 0 {
            parts.append("ALERT \(NumberText.grouped(totals.alerts)) possible compromise\(totals.alerts == 1 ? "" : "s")")
        }
        if totals.staleInputs > 0 {
            parts.append(NumberText.counted(totals.staleInputs, "log") + " silent over a day")
        }
        if totals.failedAttempts == 0 {
            parts.append("no failed logins")
        } else {
            var failures = NumberText.counted(totals.failedAttempts, "failed login")
            if totals.failingIPs > 0 { failures += " from " + NumberText.counted(totals.failingIPs, "IP") }
            parts.append(failures)
        }
        if totals.warnings > 0 { parts.append(NumberText.counted(totals.warnings, "input warning")) }
        var subject = "[logscan] \(host): " + parts.joined(separator: "; ")
        if let days = days(report, zone: zone) { subject += " (\(days))" }
        return subject
    }

    /// `Nov 26`, `Nov 25-26`, `Nov 30 - Dec 1` or `Dec 30, 2026 - Jan 2, 2027`; nil when nothing is known.
    static func days(_ report: Report, zone: Zone) -> String? {
        let first = report.range.since ?? report.covered.since
        let last: Instant?
        if let until = report.range.until {
            last = Instant(micros: until.micros - 1)
        } else {
            last = report.range.since != nil ? report.generatedAt : report.covered.until
        }
        guard let start = first ?? last else { return nil }
        let a = civilDay(start, zone: zone)
        let b = civilDay(max(last ?? start, start), zone: zone)
        let month = { (day: (year: Int, month: Int, day: Int)) in MailDate.months[day.month - 1] }
        if a == b { return "\(month(a)) \(a.day)" }
        if a.year == b.year && a.month == b.month { return "\(month(a)) \(a.day)-\(b.day)" }
        if a.year == b.year { return "\(month(a)) \(a.day) - \(month(b)) \(b.day)" }
        return "\(month(a)) \(a.day), \(a.year) - \(month(b)) \(b.day), \(b.year)"
    }

    private static func civilDay(_ instant: Instant, zone: Zone) -> (year: Int, month: Int, day: Int) {
        let wall = instant.seconds + zone.offset(atUTC: instant.seconds)
        return CivilDate.date(fromDays: wall >= 0 ? wall / 86_400 : (wall - 86_399) / 86_400)
    }
}
