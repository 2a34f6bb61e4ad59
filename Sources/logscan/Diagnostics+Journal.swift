import LogscanCore

extension Diagnostics {
    /// Adds the journal inputs the options ask for, or that auto mode chooses (no paths, no auth or mail log
    /// files), and tells the user which was read. False (after saying why) when auto mode finds nothing to read.
    static func addJournal(_ options: InputOptions, to plan: inout InputPlan, quiet: Bool) -> Bool {
        let mode = JournalMode.choose(options.journal.request, plan: plan)
        JournalDiscovery.add(mode.request, to: &plan)
        guard mode.isAutomatic else {
            if let note = mode.note, !quiet { say(note) }
            return true
        }
        guard !plan.inputs.isEmpty else {
            let why = plan.problems.last?.message ?? "no journal"
            say("no logs found: no auth or mail log files in /var/log, and the systemd journal: \(why). "
                + "Name files or directories, use --journal-file or --journal-dir, or - for standard input.")
            return false
        }
        // The journal stands in for the default files, so nothing more is said about those.
        plan.usedSystemDefaults = false
        if !quiet {
            let unbounded = options.since == nil && options.until == nil && options.range == nil
            say((mode.note ?? "") + (unbounded ? " (last 24h; --range all reads everything)" : ""))
        }
        return true
    }
}
