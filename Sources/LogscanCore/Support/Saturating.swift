/// Saturating arithmetic for counts that come from logs (`message repeated N times`, `PAM N more`,
/// `N attempts`, `auth=0/N`, `size=N`): an attacker writes the numbers, so a sum or product that would
/// overflow `Int` stops at `Int.max` instead of trapping. The operators follow Zig's `+|` and `*|`.
/// Every place that adds or multiplies a count read from a log uses these, and nothing else.

infix operator +| : AdditionPrecedence
infix operator *| : MultiplicationPrecedence
infix operator +|= : AssignmentPrecedence

extension Int {
    /// The sum, or `Int.max`/`Int.min` when it does not fit.
    @inlinable
    public static func +| (lhs: Int, rhs: Int) -> Int {
        let (sum, overflow) = lhs.addingReportingOverflow(rhs)
        return overflow ? (rhs > 0 ? .max : .min) : sum
    }

    /// The product, or `Int.max`/`Int.min` when it does not fit.
    @inlinable
    public static func *| (lhs: Int, rhs: Int) -> Int {
        let (product, overflow) = lhs.multipliedReportingOverflow(by: rhs)
        return overflow ? ((lhs < 0) == (rhs < 0) ? .max : .min) : product
    }

    @inlinable
    public static func +|= (lhs: inout Int, rhs: Int) { lhs = lhs +| rhs }

    /// `self *| repeats`, with the common `repeats == 1` (no `message repeated`) checked first.
    @inlinable
    public func repeated(_ repeats: Int) -> Int { repeats == 1 ? self : self *| repeats }
}
