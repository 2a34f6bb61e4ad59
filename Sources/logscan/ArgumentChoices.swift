import ArgumentParser

/// An option's closed set of values (`--format`, `--color`, `--detail`), listed in the help, the man page and
/// the completion scripts from `choices`, as swift-argument-parser lists a `CaseIterable` enum's.
///
/// Not `CaseIterable` on purpose: the parser describes an option's default through a cast to
/// `CaseIterable & RawRepresentable`, and lists a `CaseIterable` type's values through a key path and its
/// `AllCases`, each a runtime conformance scan of the whole binary (~0.22 M instructions) on first use: three
/// scans per such enum a run. Without the conformance the cast fails at its first protocol: one scan
/// (bench/RESULTS.md, round seven, start-up).
protocol ArgumentChoices: ExpressibleByArgument, RawRepresentable where RawValue == String {
    /// Every value, in the order the help lists them.
    static var choices: [Self] { get }
}

extension ArgumentChoices {
    static var allValueStrings: [String] { choices.map { $0.rawValue } }
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}
