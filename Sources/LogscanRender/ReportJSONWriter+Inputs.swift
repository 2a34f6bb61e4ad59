import LogscanCore

/// The report's inputs, alerts and time spans for `ReportJSONWriter`, in the bytes of their `Codable`
/// conformances: `range` is `"all"` or both bounds (`null` for an open one), `covered` always both.
extension ReportJSONWriter {
    func range(_ range: Report.Range, into members: inout JSONMembers) {
        guard range.since != nil || range.until != nil else { return members.string("range", "all") }
        members.object("range") { bounds in
            bounds.instantOrNull("since", range.since)
            bounds.instantOrNull("until", range.until)
        }
    }

    func alert(_ alert: Report.Alert, into members: inout JSONMembers) {
        members.integer("failedAttempts", alert.failedAttempts)
        members.instant("firstFailure", alert.firstFailure)
        members.string("ip", alert.ip)
        members.instant("loggedInAt", alert.loggedInAt)
        members.string("method", alert.method)
        members.string("service", alert.service.rawValue)
        members.string("user", alert.user)
    }

    func inputs(_ inputs: Report.Inputs, into members: inout JSONMembers) {
        members.objects("files", inputs.files) { file, members in self.file(file, into: &members) }
        members.objects("skipped", inputs.skipped) { skipped, entry in
            entry.instant("modified", skipped.modified)
            entry.string("path", skipped.path)
            entry.string("reason", skipped.reason)
        }
        members.objects("stale", inputs.stale) { stale, entry in
            entry.instant("lastLine", stale.lastLine)
            entry.instant("lastWritten", stale.lastWritten)
            entry.string("path", stale.path)
        }
        members.integer("totalBytes", inputs.totalBytes)
        members.integer("totalLines", inputs.totalLines)
        members.strings("warnings", inputs.warnings)
    }

    private func file(_ file: Report.FileEntry, into members: inout JSONMembers) {
        members.bool("compressed", file.compressed)
        members.integer("diskBytes", file.diskBytes)
        members.string("path", file.path)
        members.string("problem", file.problem)
        members.object("stats") { stats in
            stats.integer("bytes", file.stats.bytes)
            stats.integer("cutLines", file.stats.cutLines)
            stats.instant("firstTime", file.stats.firstTime)
            stats.instant("lastTime", file.stats.lastTime)
            stats.integer("lines", file.stats.lines)
            stats.integer("otherPrograms", file.stats.otherPrograms)
            stats.integer("outOfRange", file.stats.outOfRange)
            stats.integer("recognised", file.stats.recognised)
            stats.integer("unmatched", file.stats.unmatched)
            stats.integer("untimed", file.stats.untimed)
        }
    }
}
