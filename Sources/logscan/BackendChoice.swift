import LogscanBan

/// `ban --backend`: a `BackendName` as an option's value, listed from `BackendName.allCases` as
/// `ArgumentChoices` (the option typed `BackendName`, a `CaseIterable` enum, cost three runtime conformance
/// scans a run; see `ArgumentChoices`).
struct BackendChoice: ArgumentChoices {
    var name: BackendName

    init(_ name: BackendName) { self.name = name }

    init?(rawValue: String) {
        guard let name = BackendName(rawValue: rawValue) else { return nil }
        self.name = name
    }

    var rawValue: String { name.rawValue }

    static var choices: [BackendChoice] { BackendName.allCases.map(BackendChoice.init) }
}
