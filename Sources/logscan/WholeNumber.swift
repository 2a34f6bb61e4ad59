import ArgumentParser

/// A whole number given to an option (`--top`, `--trust-min-failures`, `ban --threshold`, …): read as `Int`
/// reads it, its default shown in the help with `String(_:)`.
///
/// Not `Int` itself: the parser shows an `Int` default with its generic `"\(self)"`, whose printing checks
/// `Int` against `TextOutputStreamable` and `CustomStringConvertible` at run time, each a conformance scan of
/// the whole binary (~0.22 M instructions) on first use (bench/RESULTS.md, round seven, start-up).
struct WholeNumber: ExpressibleByArgument, ExpressibleByIntegerLiteral {
    var value: Int

    init(_ value: Int) { self.value = value }

    init(integerLiteral value: Int) { self.value = value }

    init?(argument: String) {
        guard let value = Int(argument) else { return nil }
        self.value = value
    }

    var defaultValueDescription: String { String(value) }
}
