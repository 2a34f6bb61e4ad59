/// The three containers `JSONTreeEncoder` hands out. Each writes into a node of the tree: an object, an array,
/// or the encoder's own value.
struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: JSONTreeEncoder
    let object: JSONObject

    var codingPath: [CodingKey] { encoder.codingPath }

    mutating func encodeNil(forKey key: Key) throws { object.set(key.stringValue, .null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { object.set(key.stringValue, .bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { object.set(key.stringValue, .string(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { object.set(key.stringValue, .integer(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { object.set(key.stringValue, .integer(Int(value))) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { object.set(key.stringValue, .integer(Int(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { object.set(key.stringValue, .integer(Int(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { object.set(key.stringValue, .integer(Int(value))) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { object.set(key.stringValue, JSONNumber.unsigned(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { object.set(key.stringValue, JSONNumber.unsigned(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { object.set(key.stringValue, JSONNumber.unsigned(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { object.set(key.stringValue, JSONNumber.unsigned(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { object.set(key.stringValue, JSONNumber.unsigned(value)) }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        object.set(key.stringValue, try JSONNumber.floating(value, at: codingPath + [key]))
    }

    mutating func encode(_ value: Float, forKey key: Key) throws {
        object.set(key.stringValue, try JSONNumber.floating(value, at: codingPath + [key]))
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        object.set(key.stringValue, try encoder.box(value, key: key))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObject()
        object.set(key.stringValue, .object(nested))
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(encoder: encoder.child(key), object: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        let nested = JSONArray()
        object.set(key.stringValue, .array(nested))
        return JSONUnkeyedContainer(encoder: encoder.child(key), array: nested)
    }

    mutating func superEncoder() -> Encoder { superEncoder(named: JSONTreeKey.superKey) }
    mutating func superEncoder(forKey key: Key) -> Encoder { superEncoder(named: key) }

    private func superEncoder(named key: CodingKey) -> Encoder {
        encoder.child(key, slot: .member(object, key.stringValue))
    }
}

/// A container that takes values one after the other (an array's elements, or a single value): the
/// primitives as `JSONValue`s through `put`, shared by the unkeyed and the single-value container.
protocol JSONValueSink {
    /// The coding path of the next value, for the error about a number JSON cannot hold.
    var pathOfNext: [CodingKey] { get }
    func put(_ value: JSONValue)
}

extension JSONValueSink {
    mutating func encodeNil() throws { put(.null) }
    mutating func encode(_ value: Bool) throws { put(.bool(value)) }
    mutating func encode(_ value: String) throws { put(.string(value)) }
    mutating func encode(_ value: Int) throws { put(.integer(value)) }
    mutating func encode(_ value: Int8) throws { put(.integer(Int(value))) }
    mutating func encode(_ value: Int16) throws { put(.integer(Int(value))) }
    mutating func encode(_ value: Int32) throws { put(.integer(Int(value))) }
    mutating func encode(_ value: Int64) throws { put(.integer(Int(value))) }
    mutating func encode(_ value: UInt) throws { put(JSONNumber.unsigned(value)) }
    mutating func encode(_ value: UInt8) throws { put(JSONNumber.unsigned(value)) }
    mutating func encode(_ value: UInt16) throws { put(JSONNumber.unsigned(value)) }
    mutating func encode(_ value: UInt32) throws { put(JSONNumber.unsigned(value)) }
    mutating func encode(_ value: UInt64) throws { put(JSONNumber.unsigned(value)) }
    mutating func encode(_ value: Double) throws { put(try JSONNumber.floating(value, at: pathOfNext)) }
    mutating func encode(_ value: Float) throws { put(try JSONNumber.floating(value, at: pathOfNext)) }
}

struct JSONUnkeyedContainer: UnkeyedEncodingContainer, JSONValueSink {
    let encoder: JSONTreeEncoder
    let array: JSONArray

    var codingPath: [CodingKey] { encoder.codingPath }
    var pathOfNext: [CodingKey] { codingPath + [nextKey] }
    var count: Int { array.count }

    private var nextKey: JSONTreeKey { JSONTreeKey(intValue: array.count) }

    func put(_ value: JSONValue) { array.append(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        array.append(try encoder.box(value, key: nextKey))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObject()
        let key = nextKey
        array.append(.object(nested))
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(encoder: encoder.child(key), object: nested))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let nested = JSONArray()
        let key = nextKey
        array.append(.array(nested))
        return JSONUnkeyedContainer(encoder: encoder.child(key), array: nested)
    }

    /// Holds an empty object until its encoder encodes something in its place.
    mutating func superEncoder() -> Encoder {
        let key = nextKey
        array.append(.object(JSONObject()))
        return encoder.child(key, slot: .element(array, key.intValue!))
    }
}

struct JSONSingleValueContainer: SingleValueEncodingContainer, JSONValueSink {
    let encoder: JSONTreeEncoder

    var codingPath: [CodingKey] { encoder.codingPath }
    var pathOfNext: [CodingKey] { codingPath }

    func put(_ value: JSONValue) { encoder.store(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.store(try encoder.box(value, key: nil))
    }
}
