import Testing
@testable import LogscanCore

/// Auto mode: without paths, the journal is read when /var/log has no auth or mail logs, and the user is
/// told which was read (the end-to-end tests cannot change this machine's /var/log).
@Suite struct JournalModeTests {
    static func defaults(files: [String]) -> InputPlan {
        var plan = InputPlan.empty
        plan.usedSystemDefaults = true
        plan.inputs = files.map { InputSource(path: $0, kind: .file, size: 1, modified: nil) }
        return plan
    }

    @Test func noLogFilesMeansTheJournal() {
        let mode = JournalMode.choose(JournalRequest(), plan: Self.defaults(files: []), journalExists: { true })
        #expect(mode.isAutomatic)
        #expect(mode.request.system)
        #expect(mode.note == "reading the systemd journal (no /var/log/auth.log*, secure*, mail.log*)")
    }

    @Test func logFilesWinAndTheUserIsToldTheJournalWasNotRead() {
        let mode = JournalMode.choose(JournalRequest(), plan: Self.defaults(files: ["/var/log/auth.log"]), journalExists: { true })
        #expect(!mode.isAutomatic)
        #expect(!mode.request.system)
        #expect(mode.note?.contains("the systemd journal was not read") == true)
        #expect(mode.note?.contains("--journal") == true)
        let noJournal = JournalMode.choose(JournalRequest(), plan: Self.defaults(files: ["/var/log/auth.log"]), journalExists: { false })
        #expect(noJournal.note == nil, "nothing to say when the host keeps no journal")
    }

    @Test func namedPathsOrJournalOptionsAreNeverChanged() {
        var named = Self.defaults(files: [])
        named.usedSystemDefaults = false
        let withPaths = JournalMode.choose(JournalRequest(), plan: named, journalExists: { true })
        #expect(!withPaths.isAutomatic && !withPaths.request.system && withPaths.note == nil)
        let forced = JournalMode.choose(JournalRequest(system: true), plan: .empty, journalExists: { true })
        #expect(!forced.isAutomatic && forced.request.system)
        let offline = JournalMode.choose(JournalRequest(files: ["x.journal"]), plan: Self.defaults(files: []), journalExists: { true })
        #expect(!offline.isAutomatic && !offline.request.system)
    }
}
