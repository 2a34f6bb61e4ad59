import Testing
@testable import logscan

/// Every `ArgumentChoices` enum lists each of its cases once in `choices` (written by hand, since the enums
/// are not `CaseIterable`: see `ArgumentChoices`), so a case added later cannot be accepted by the parser
/// yet missing from the help, the man page and the completion scripts.
@Suite struct ArgumentChoicesTests {
    /// The number of cases of a payload-free enum: `Optional.none` takes the first tag after the cases, so
    /// its byte is the count (a single-byte enum of fewer than 255 cases, which the test checks).
    static func caseCount<E>(_: E.Type) -> Int {
        precondition(MemoryLayout<E>.size == 1 && MemoryLayout<E?>.size == 1)
        return Int(unsafeBitCast(E?.none, to: UInt8.self))
    }

    static func check<E: ArgumentChoices & Equatable>(_ type: E.Type) {
        #expect(E.choices.count == caseCount(E.self), "\(E.self).choices misses a case")
        #expect(Set(E.choices.map(\.rawValue)).count == E.choices.count, "\(E.self).choices repeats a case")
        for value in E.choices { #expect(E(rawValue: value.rawValue) == value) }
    }

    @Test func everyCaseIsListed() {
        Self.check(ReportCommand.Format.self)
        Self.check(ReportCommand.Color.self)
        Self.check(RenderOptionGroup.Detail.self)
        Self.check(BanCommand.Format.self)
    }

    @Test func theCountReadsTheCases() {
        enum Three { case a, b, c }
        #expect(Self.caseCount(Three.self) == 3)
        #expect(Self.caseCount(Bool.self) == 2)
    }
}
