/// Bytes that outlive their line (a user name, a method): a table key that hashes its bytes in one go
/// rather than one `UInt8` at a time, and sorts bytewise.
public struct ByteString: Hashable, Comparable, Sendable {
    public let bytes: [UInt8]

    public init(_ view: Bytes) { bytes = view.array }
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    public static func < (lhs: ByteString, rhs: ByteString) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }

    /// The text to show a person (see `SafeText`).
    public var safeText: String { SafeText.from(bytes) }
}
