/// Spaces cut from both ends of option values and table cells (not other white space: a tab or a newline in
/// such a value is an error the caller reports).
extension StringProtocol {
    public var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
