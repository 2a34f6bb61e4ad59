import Testing
@testable import LogscanCore

@Suite struct EventKindTests {
    /// `EventKind.index` reads the enum's case tag; it must be the position in `allCases`.
    @Test func indexIsThePositionInAllCases() {
        for (position, kind) in EventKind.allCases.enumerated() { #expect(kind.index == position, "\(kind)") }
        for (position, service) in Service.allCases.enumerated() { #expect(service.index == position, "\(service)") }
    }

    @Test func kindNamesAreUnique() {
        #expect(Set(EventKind.allCases.map(\.rawValue)).count == EventKind.allCases.count)
    }

    /// `role` reads a table; `roleBySwitch` is its definition: they must agree for every kind, and the table
    /// must have one byte a kind.
    @Test func roleTableAgreesWithTheSwitch() {
        #expect(EventKind.roleTable.utf8CodeUnitCount == EventKind.allCases.count)
        for kind in EventKind.allCases { #expect(kind.role == kind.roleBySwitch, "\(kind)") }
    }
}
