import Testing
@testable import LogscanCore
@testable import LogscanRender

/// `EventFragments`, written byte piece by byte piece, against the same fields written as one interpolated
/// string: every service, kind, verdict variant and failure flag, and the unmatched line of each service
/// (or none).
@Suite struct EventFragmentsTests {
    /// Fragment `index`'s bytes as text.
    func fragment(_ index: Int) -> String {
        let room = UnsafeMutablePointer<UInt8>.allocate(capacity: EventFragments.longest)
        defer { room.deallocate() }
        let end = EventFragments.shared.copy(index, to: room)
        return String(decoding: UnsafeBufferPointer(start: room, count: end - room), as: UTF8.self)
    }

    @Test func recognisedLinesFragmentsAreTheirFieldsAsJSON() {
        let suffixes = ["", ".same_attempt", ".after_attempt"]
        #expect(suffixes.count == EventFragments.variants)
        for service in Service.allCases {
            for kind in EventKind.allCases {
                for variant in 0..<EventFragments.variants {
                    for failure in [false, true] {
                        let index = EventFragments.index(service: service, kind: kind, variant: variant, failure: failure)
                        #expect(fragment(index) == ",\"service\":\"\(service.rawValue)\",\"kind\":\"\(kind.rawValue)\(suffixes[variant])\",\"failure\":\(failure),\"ip\":")
                    }
                }
            }
        }
    }

    @Test func unmatchedLinesFragmentsAreTheirFieldsAsJSON() {
        for service in [nil] + Service.allCases.map(Optional.some) {
            let name = service.map { "\"\($0.rawValue)\"" } ?? "null"
            #expect(fragment(EventFragments.unmatchedIndex(service: service))
                == ",\"service\":\(name),\"kind\":\"unmatched\",\"failure\":false,\"ip\":null,\"user\":null,\"count\":")
        }
    }
}
