/// Whether this run reads the system journal, and what to tell the user about it. Without paths, logscan
/// reads /var/log's auth and mail logs when there are any (on a host with rsyslog they hold the journal's
/// lines too, so reading both would count every attempt twice), and the journal when there are none.
public struct JournalMode: Sendable {
    public var request: JournalRequest
    public var isAutomatic = false
    /// Said on stderr (unless --quiet) before reading.
    public var note: String?

    /// `journalExists` says whether journald keeps files on this host.
    public static func choose(_ request: JournalRequest, plan: InputPlan,
                              journalExists: () -> Bool = JournalDiscovery.systemJournalExists) -> JournalMode {
        var mode = JournalMode(request: request)
        guard plan.usedSystemDefaults, request.isEmpty else { return mode }
        if plan.inputs.isEmpty && plan.skipped.isEmpty {
            mode.request.system = true
            mode.isAutomatic = true
            mode.note = "reading the systemd journal (no /var/log/auth.log*, secure*, mail.log*)"
        } else if journalExists() {
            mode.note = "the systemd journal was not read (the log files come first; --journal reads the journal instead)"
        }
        return mode
    }
}
