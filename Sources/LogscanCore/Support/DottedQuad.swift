import CByteScan

/// An IPv4 dotted quad read in place inside a longer text, forward from where it starts or backward from
/// where it ends, so a parser finds the address and its end (or start) in one pass instead of searching
/// for the delimiter first and parsing the token after.
///
/// The rules are `IPAddress.parseV4`'s (which is built on `forward`): four decimal octets of one to three
/// digits, none above 255, no leading zero in an octet of two or three digits. Neither reader looks at the
/// byte beyond the quad: the caller checks that the delimiter it expects is there, so that the quad is the
/// whole token it would otherwise have cut out and parsed. A `nil` only means "not read here": callers fall
/// back to their general path.
enum DottedQuad {
    /// The longest quad (`255.255.255.255`): with this many bytes in reach, no read needs a bounds check.
    static let maxLength = 15

    /// The quad that starts at `start`, read no further than `limit`: its value and the index after its
    /// last digit. With 16 bytes in reach (or, nearer the end, 16 bytes before `limit`) the SSSE3 reader
    /// (`logscan_dotted_quad`, CByteScan) answers the usual shapes; what it leaves goes to the scalar reader.
    @inline(__always)
    static func forward(_ base: UnsafePointer<UInt8>, from start: Int, limit: Int) -> (value: UInt32, end: Int)? {
        let reach = limit &- start
        let ready = logscan_dotted_quad_ready() != 0  // else the checked scalar reader, as for a short text
        let read: Int64
        if ready && reach >= 16 {
            read = logscan_dotted_quad(base + start)
        } else if ready && limit >= 16 && reach > 0 {  // base[limit - 16 ..< limit] is the caller's text
            read = logscan_dotted_quad_tail(base + start, reach)
        } else {
            return forward(base, start, limit, checked: true)
        }
        if read >= 0 { return (UInt32(truncatingIfNeeded: read), start &+ Int(truncatingIfNeeded: read >> 32)) }
        return read == LOGSCAN_QUAD_NONE ? nil : scalarForward(base, from: start, limit: limit)
    }

    /// `forward` without the SSSE3 reader: its fallback, and the reference the tests hold it to.
    @inline(__always)
    static func scalarForward(_ base: UnsafePointer<UInt8>, from start: Int, limit: Int) -> (value: UInt32, end: Int)? {
        // Every read of the unchecked copy is below start + 15.
        limit - start >= maxLength ? forward(base, start, limit, checked: false) : forward(base, start, limit, checked: true)
    }

    /// The quad that ends right before `end`, read no further back than `floor`: its value and the index of
    /// its first digit.
    @inline(__always)
    static func backward(_ base: UnsafePointer<UInt8>, endingAt end: Int, floor: Int) -> (value: UInt32, start: Int)? {
        // Every read of the unchecked copy is at or after end - 15.
        end - floor >= maxLength ? backward(base, end, floor, checked: false) : backward(base, end, floor, checked: true)
    }

    /// The quad at `start` of `text` when `delimiter` follows it (or the text ends right after it and
    /// `orEnd`): the address and the delimiter's index. The quad is then the whole field that a parser
    /// cutting at the first `delimiter` from `start` would take.
    @inline(__always)
    static func field(_ text: Bytes, from start: Int, before delimiter: UInt8,
                      orEnd: Bool) -> (address: IPAddress, end: Int)? {
        guard let (value, end) = forward(text.base, from: start, limit: text.count),
              end < text.count ? text[end] == delimiter : orEnd else { return nil }
        return (IPAddress(v4: value), end)
    }

    // MARK: the readers

    @inline(__always)
    private static func forward(_ base: UnsafePointer<UInt8>, _ start: Int, _ limit: Int,
                                checked: Bool) -> (value: UInt32, end: Int)? {
        var i = start
        guard let a = octetForward(base, &i, limit, checked), dot(base, &i, limit, checked),
              let b = octetForward(base, &i, limit, checked), dot(base, &i, limit, checked),
              let c = octetForward(base, &i, limit, checked), dot(base, &i, limit, checked),
              let d = octetForward(base, &i, limit, checked) else { return nil }
        return (a << 24 | b << 16 | c << 8 | d, i)
    }

    @inline(__always)
    private static func backward(_ base: UnsafePointer<UInt8>, _ end: Int, _ floor: Int,
                                 checked: Bool) -> (value: UInt32, start: Int)? {
        var i = end
        guard let d = octetBackward(base, &i, floor, checked), dotBefore(base, &i, floor, checked),
              let c = octetBackward(base, &i, floor, checked), dotBefore(base, &i, floor, checked),
              let b = octetBackward(base, &i, floor, checked), dotBefore(base, &i, floor, checked),
              let a = octetBackward(base, &i, floor, checked) else { return nil }
        return (a << 24 | b << 16 | c << 8 | d, i)
    }

    /// One octet from `i` on; a leading `0` is a whole octet (the next byte is then not a digit of it).
    @inline(__always)
    private static func octetForward(_ base: UnsafePointer<UInt8>, _ i: inout Int, _ limit: Int,
                                     _ checked: Bool) -> UInt32? {
        guard !checked || i < limit, case let first = digit(base[i]), first < 10 else { return nil }
        i &+= 1
        guard first != 0, !checked || i < limit, case let second = digit(base[i]), second < 10 else { return first }
        i &+= 1
        let tens = first &* 10 &+ second
        guard !checked || i < limit, case let third = digit(base[i]), third < 10 else { return tens }
        i &+= 1
        let value = tens &* 10 &+ third
        return value <= 255 ? value : nil
    }

    /// One octet that ends right before `i`: up to three digits, the first of several not `0`.
    @inline(__always)
    private static func octetBackward(_ base: UnsafePointer<UInt8>, _ i: inout Int, _ floor: Int,
                                      _ checked: Bool) -> UInt32? {
        guard !checked || i > floor, case let last = digit(base[i &- 1]), last < 10 else { return nil }
        i &-= 1
        guard !checked || i > floor, case let tens = digit(base[i &- 1]), tens < 10 else { return last }
        i &-= 1
        guard !checked || i > floor, case let hundreds = digit(base[i &- 1]), hundreds < 10 else {
            return tens == 0 ? nil : tens &* 10 &+ last
        }
        i &-= 1
        let value = (hundreds &* 10 &+ tens) &* 10 &+ last
        return hundreds == 0 || value > 255 ? nil : value
    }

    /// A byte's digit value; 10 or more for any other byte.
    @inline(__always)
    private static func digit(_ byte: UInt8) -> UInt32 { UInt32(byte) &- 48 }

    @inline(__always)
    private static func dot(_ base: UnsafePointer<UInt8>, _ i: inout Int, _ limit: Int, _ checked: Bool) -> Bool {
        guard !checked || i < limit, base[i] == UInt8(ascii: ".") else { return false }
        i &+= 1
        return true
    }

    @inline(__always)
    private static func dotBefore(_ base: UnsafePointer<UInt8>, _ i: inout Int, _ floor: Int, _ checked: Bool) -> Bool {
        guard !checked || i > floor, base[i &- 1] == UInt8(ascii: ".") else { return false }
        i &-= 1
        return true
    }
}
