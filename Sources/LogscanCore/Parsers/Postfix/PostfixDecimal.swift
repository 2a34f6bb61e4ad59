/// A decimal number read in place where Postfix writes one inside a field (`auth=0/2`, `size=1234,`), so a
/// reader walks its digits once instead of searching for the field's end and parsing the cut.
enum PostfixDecimal {
    /// The decimal number of the digits from `i` on (saturating, as `Bytes.decimalValue`), `i` moved past
    /// them; nil when there is none.
    @inline(__always)
    static func run(_ text: Bytes, _ i: inout Int) -> Int? {
        let start = i
        var value = 0
        while i < text.count, isDigit(text[i]) {
            value = value *| 10 +| Int(text[i] &- UInt8(ascii: "0"))
            i += 1
        }
        return i > start ? value : nil
    }
}
