@testable import LogscanCore

/// The tests keep held lines from a built `Event`; the pipeline passes its parts (`HeldLines.keep`).
extension HeldLines {
    func keep(_ raw: Bytes, event: Event, isUnmatched: Bool = false, unmatchedService: Service? = nil,
              isResolved: Bool, owned: Bool = true) -> Int32 {
        keep(raw, service: event.service, line: event.line, parsed: event.parsed, verdict: event.verdict,
             lineNumber: event.lineNumber, isUnmatched: isUnmatched, unmatchedService: unmatchedService,
             isResolved: isResolved, owned: owned)
    }
}
