import Testing
@testable import LogscanCore

/// Where one journal is cut into time slices, one journalctl per core.
@Suite struct JournalSlicesTests {
    static let since = Instant(seconds: 1_795_737_600)
    static let directory = InputSource(path: "/j", kind: .journal(.directory), size: nil, modified: nil)

    @Test func aLongRangeIsCutIntoOneSlicePerCore() throws {
        let range = TimeRange(since: Self.since, until: Self.since.adding(seconds: 86_400))
        let slices = try #require(JournalSlices.slices(of: Self.directory, range: range, cores: 2))
        #expect(slices == [Self.since..<Self.since.adding(seconds: 43_200), Self.since.adding(seconds: 43_200)..<Self.since.adding(seconds: 86_400)])
        let open = try #require(JournalSlices.slices(of: Self.directory, range: TimeRange(since: Self.since), cores: 4,
                                                     now: Self.since.adding(seconds: 4 * 3600)))
        #expect(open.count == 4)
        #expect(open.last?.upperBound == Instant(micros: Int64.max), "the last slice runs to the end of the journal")
        #expect(open.first?.lowerBound == Self.since)
    }

    @Test func shortRangesFilesOneCoreAndNoStartStayWhole() {
        let hour = TimeRange(since: Self.since, until: Self.since.adding(seconds: 3599))
        #expect(JournalSlices.slices(of: Self.directory, range: hour, cores: 2) == nil)
        let day = TimeRange(since: Self.since, until: Self.since.adding(seconds: 86_400))
        #expect(JournalSlices.slices(of: Self.directory, range: day, cores: 1) == nil)
        #expect(JournalSlices.slices(of: Self.directory, range: TimeRange(until: Self.since), cores: 2) == nil)
        let file = InputSource(path: "/j/x.journal", kind: .journal(.file), size: nil, modified: nil)
        #expect(JournalSlices.slices(of: file, range: day, cores: 2) == nil)
        let text = InputSource(path: "/var/log/auth.log", kind: .file, size: 1, modified: nil)
        #expect(JournalSlices.slices(of: text, range: day, cores: 2) == nil)
    }
}
