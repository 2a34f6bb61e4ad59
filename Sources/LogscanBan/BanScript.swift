import LogscanCore

/// Writes a `BanPlan` as a POSIX `sh` script: a header (range, policy, backend, how long bans last),
/// `set -eu`, the setup, one `#` comment and the commands per ban, and the qualified addresses left
/// alone, as comments. Every comment is one line of visible text (`CommentText`).
public struct BanScript {
    public var backend: any FirewallBackend
    public var zone: Zone
    public var generatedBy: String

    public init(backend: any FirewallBackend, zone: Zone, generatedBy: String) {
        self.backend = backend
        self.zone = zone
        self.generatedBy = generatedBy
    }

    public func render(_ plan: BanPlan) -> String {
        var lines = header(plan)
        lines.append("set -eu")
        let policy = plan.policy
        if plan.bans.isEmpty {
            lines.append("")
            lines.append("# Nothing to ban: no address made \(policy.threshold) counted attempts within \(Self.duration(policy.windowSeconds)) on one service.")
        } else {
            lines.append("")
            lines += backend.setup(ipv4: plan.bans.contains { $0.family == "ipv4" },
                                   ipv6: plan.bans.contains { $0.family == "ipv6" }, expireSeconds: policy.expireSeconds)
            for ban in plan.bans {
                lines.append("")
                if ban.offenders.count > 1 || ban.prefixLength != (ban.family == "ipv4" ? 32 : 128) {
                    lines.append("# \(ban.target): \(ban.offenders.count) offender\(ban.offenders.count == 1 ? "" : "s")\(reservedNote(ban))")
                    for offender in ban.offenders { lines.append("#   " + describe(offender)) }
                } else {
                    lines.append("# " + describe(ban.offenders[0]) + reservedNote(ban))
                }
                lines += backend.ban(target: ban.target, isIPv4: ban.family == "ipv4", expireSeconds: policy.expireSeconds)
            }
        }
        if !plan.notBanned.isEmpty {
            lines.append("")
            lines.append("# Qualified but not banned:")
            for skip in plan.notBanned { lines.append("# " + describe(skip.offender) + "; " + CommentText.clean(skip.detail)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The commands that remove everything the backend's scripts add.
    public func renderFlush() -> String {
        (["#!/bin/sh",
          "# logscan ban --flush, by \(generatedBy): removes every ban logscan's scripts added.",
          "# Backend: \(backend.title).",
          "set -eu"] + backend.flush()).joined(separator: "\n") + "\n"
    }

    func header(_ plan: BanPlan) -> [String] {
        let policy = plan.policy
        var rules = "\(policy.threshold) counted attempts within \(Self.duration(policy.windowSeconds)) of log time on one service"
        rules += " (\(policy.services.map(\.rawValue).joined(separator: ", ")))"
        rules += policy.includeProbes ? "; probes count \(policy.probeWeight) each" : "; probes not counted"
        rules += policy.includeRejects ? "; postfix rejects count" : ""
        rules += policy.banLoggedIn ? "; addresses that logged in are banned too" : "; addresses that logged in are not banned"
        var grouping = "IPv4 /32"
        if policy.v4Prefix < 32 { grouping = "IPv4 /\(policy.v4Prefix) once \(policy.prefixMinimum) of it qualify, else /32" }
        grouping += ", IPv6 /\(policy.v6Prefix)"
        let addresses = plan.offenderCount
        return [
            "#!/bin/sh",
            "# logscan ban, by \(generatedBy). logscan only printed this script; it runs nothing itself.",
            "# Review it, then run it as root (logscan ban ... | sh).",
            "# Range: \(rangeText(plan.range)); log lines read: \(rangeText(plan.covered)).",
            "# Policy: \(rules).",
            "# Bans: \(grouping). Never banned: loopback, this host's addresses, the allowlist, host names.",
            "# Backend: \(backend.title).",
            "# \(backend.lifetimeNote(expireSeconds: policy.expireSeconds)). Undo: \(flushCommand)",
            "# \(plan.bans.count) ban\(plan.bans.count == 1 ? "" : "s") (\(addresses) address\(addresses == 1 ? "" : "es")); \(plan.notBanned.count) qualified address\(plan.notBanned.count == 1 ? "" : "es") not banned.",
        ]
    }

    /// The command that prints this backend's removal script.
    var flushCommand: String {
        backend.name == .iptables ? "logscan ban --flush | sh" : "logscan ban --flush --backend \(backend.name.rawValue) | sh"
    }

    func describe(_ offender: BanPlan.Offender) -> String {
        var text = "\(CommentText.clean(offender.address)): \(offender.attemptsText) attempt\(offender.attempts == 1 ? "" : "s")"
        text += " (" + offender.services.map { "\($0.service.rawValue) \($0.attemptsText)" }.joined(separator: ", ") + ")"
        if !offender.users.isEmpty {
            text += ", users " + offender.users.map { CommentText.clean($0) }.joined(separator: ", ")
            if offender.moreUsers > 0 { text += " and \(offender.moreUsers) more" }
        }
        if let first = offender.first, let last = offender.last {
            text += ", \(TimeFormat.rfc3339(first, zone: zone)) to \(TimeFormat.rfc3339(last, zone: zone))"
        }
        if offender.logins > 0 { text += ", \(offender.logins) login\(offender.logins == 1 ? "" : "s")" }
        return text
    }

    private func reservedNote(_ ban: BanPlan.Ban) -> String {
        ban.reserved.map { " [WARNING: \($0) range]" } ?? ""
    }

    private func rangeText(_ range: BanPlan.Range) -> String {
        switch (range.since, range.until) {
        case (nil, nil): return "everything"
        case let (since?, nil): return "from \(TimeFormat.rfc3339(since, zone: zone))"
        case let (nil, until?): return "until \(TimeFormat.rfc3339(until, zone: zone))"
        case let (since?, until?): return "\(TimeFormat.rfc3339(since, zone: zone)) to \(TimeFormat.rfc3339(until, zone: zone))"
        }
    }

    /// `10m`, `1h30m`, `45s`.
    static func duration(_ seconds: Int64) -> String {
        var rest = seconds, text = ""
        for (unit, size) in [("d", Int64(86_400)), ("h", 3600), ("m", 60), ("s", 1)] where rest >= size {
            text += "\(rest / size)\(unit)"
            rest %= size
        }
        return text.isEmpty ? "0s" : text
    }
}
