import LogscanCore

/// An `Encoder` that collects an `Encodable` value into a `JSONValue` tree, for `PrettyJSONWriter` to write
/// as `JSONEncoder` (`.prettyPrinted, .sortedKeys, .withoutEscapingSlashes`) would: the report's `Codable`
/// conformances stay the one description of its JSON, without Foundation's per-value dynamic casts.
///
/// Numbers are kept as JSONEncoder writes them: integers as their digits, floating-point numbers as their
/// shortest `description` without a trailing `.0`, infinities and NaN refused. There is no special form for
/// `Date`, `Data`, `URL` or `Decimal` (JSONEncoder's strategies): the report holds none of them.
final class JSONTreeEncoder: Encoder {
    let userInfo: [CodingUserInfoKey: Any]
    private let parent: JSONTreeEncoder?
    private let key: CodingKey?
    /// Where the value goes once known, besides `value` (a super encoder's value fills its parent's slot).
    private let slot: Slot
    /// What was encoded; nil while nothing was. Set by this encoder's containers, one access at a time.
    @exclusivity(unchecked) private(set) var value: JSONValue?
    /// Whether `box` takes values whose JSON it knows by their type (`known`) without asking them to encode
    /// themselves; off only in the test that checks both ways give the same JSON.
    let shortcuts: Bool

    enum Slot {
        case returned
        case member(JSONObject, String)
        case element(JSONArray, Int)
    }

    init(userInfo: [CodingUserInfoKey: Any] = [:], parent: JSONTreeEncoder? = nil, key: CodingKey? = nil,
         slot: Slot = .returned, shortcuts: Bool = true) {
        self.userInfo = userInfo
        self.parent = parent
        self.key = key
        self.slot = slot
        self.shortcuts = shortcuts
    }

    /// `value` as a tree, encoded by its own `encode(to:)`; a value that encodes nothing is an empty object,
    /// as with JSONEncoder.
    static func tree<T: Encodable>(_ value: T, userInfo: [CodingUserInfoKey: Any] = [:],
                                   shortcuts: Bool = true) throws -> JSONValue {
        try JSONTreeEncoder(userInfo: userInfo, shortcuts: shortcuts).box(value, key: nil)
    }

    /// Built only when asked for (error messages): the keys from the root to this value.
    var codingPath: [CodingKey] {
        var path: [CodingKey] = []
        var encoder: JSONTreeEncoder? = self
        while let current = encoder {
            if let key = current.key { path.append(key) }
            encoder = current.parent
        }
        return path.reversed()
    }

    func store(_ value: JSONValue) {
        self.value = value
        switch slot {
        case .returned: break
        case .member(let object, let key): object.set(key, value)
        case .element(let array, let index): array.replace(at: index, with: value)
        }
    }

    /// A value encoded by a child encoder one key deeper.
    func box<T: Encodable>(_ value: T, key: CodingKey?) throws -> JSONValue {
        if shortcuts, let known = Self.known(value) { return known }
        let encoder = child(key)
        try value.encode(to: encoder)
        return encoder.value ?? .object(JSONObject())
    }

    /// An encoder one key deeper with this one's settings; a super encoder's fills `slot` too.
    func child(_ key: CodingKey?, slot: Slot = .returned) -> JSONTreeEncoder {
        JSONTreeEncoder(userInfo: userInfo, parent: self, key: key, slot: slot, shortcuts: shortcuts)
    }

    /// The tree of the values that come most often through the generic path (an array's strings and
    /// counts, every time), as their own `encode(to:)` would make it, without a child encoder per value.
    /// The type check is a comparison of two metadata pointers, no dynamic conformance lookup.
    @inline(__always)
    static func known<T>(_ value: T) -> JSONValue? {
        if T.self == String.self { return .string(value as! String) }
        if T.self == Int.self { return .integer(value as! Int) }
        if T.self == Instant.self { return .instant(value as! Instant) }
        return nil
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(JSONKeyedContainer<Key>(encoder: self, object: objectNode()))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        JSONUnkeyedContainer(encoder: self, array: arrayNode())
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        JSONSingleValueContainer(encoder: self)
    }

    /// The object this encoder already holds (a second keyed container adds to it), or a new one.
    private func objectNode() -> JSONObject {
        if case .object(let object) = value { return object }
        let object = JSONObject()
        store(.object(object))
        return object
    }

    private func arrayNode() -> JSONArray {
        if case .array(let array) = value { return array }
        let array = JSONArray()
        store(.array(array))
        return array
    }
}

/// The key of an array element (for `codingPath` only: its text is made when asked for) or of a super
/// encoder's member.
struct JSONTreeKey: CodingKey {
    private let name: String?
    let intValue: Int?

    init(stringValue: String) { (name, intValue) = (stringValue, nil) }
    init(intValue: Int) { (name, self.intValue) = (nil, intValue) }

    var stringValue: String { name ?? "Index \(intValue ?? 0)" }

    static let superKey = JSONTreeKey(stringValue: "super")
}

/// Numbers in JSONEncoder's form.
enum JSONNumber {
    static func unsigned<T: FixedWidthInteger & UnsignedInteger>(_ value: T) -> JSONValue {
        value <= UInt(Int.max) ? .integer(Int(value)) : .literal(String(value))
    }

    static func floating<T: BinaryFloatingPoint & LosslessStringConvertible>(_ value: T, at path: [CodingKey]) throws -> JSONValue {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: path,
                                                          debugDescription: "Unable to encode \(value) directly in JSON."))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return .literal(text)
    }
}
