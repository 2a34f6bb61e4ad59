import LogscanCore

/// The containers of `JSONStreamEncoder`. Keyed and unkeyed containers pass every value, primitive or
/// not, through `JSONStream.encode`, whose `encode(to:)` ends in the single-value container: the one
/// place where scalars are written.
struct KeyedStreamContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let stream: JSONStream
    /// The depth of this container's elements.
    let level: Int
    var codingPath: [CodingKey]

    private func put<T: Encodable>(_ value: T, _ key: Key) throws {
        stream.key(key, level: level)
        try stream.encode(value)
    }

    mutating func encodeNil(forKey key: Key) throws {
        stream.key(key, level: level)
        stream.scalar("null", quoted: false)
    }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: String, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try put(value, key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try put(value, key) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        stream.key(key, level: level)
        return StreamEncoder(stream: stream, level: level).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        stream.key(key, level: level)
        return StreamEncoder(stream: stream, level: level).unkeyedContainer()
    }

    mutating func superEncoder() -> Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> Encoder {
        stream.key(key, level: level)
        return StreamEncoder(stream: stream, level: level)
    }
}

struct UnkeyedStreamContainer: UnkeyedEncodingContainer {
    let stream: JSONStream
    let level: Int
    var codingPath: [CodingKey]
    private(set) var count = 0

    init(stream: JSONStream, level: Int, codingPath: [CodingKey]) {
        self.stream = stream
        self.level = level
        self.codingPath = codingPath
    }

    private mutating func begin() {
        stream.beginElement(level: level)
        count += 1
    }

    mutating func encodeNil() throws {
        begin()
        stream.scalar("null", quoted: false)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        begin()
        try stream.encode(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        begin()
        return StreamEncoder(stream: stream, level: level).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        begin()
        return StreamEncoder(stream: stream, level: level).unkeyedContainer()
    }

    mutating func superEncoder() -> Encoder {
        begin()
        return StreamEncoder(stream: stream, level: level)
    }
}

struct SingleValueStreamContainer: SingleValueEncodingContainer {
    let stream: JSONStream
    let level: Int
    var codingPath: [CodingKey]

    private func begin() { stream.close(deeperThan: level) }

    mutating func encodeNil() throws { begin(); stream.scalar("null", quoted: false) }
    mutating func encode(_ value: Bool) throws { begin(); stream.scalar(value ? "true" : "false", quoted: false) }
    mutating func encode(_ value: String) throws { begin(); stream.scalar(value, quoted: true) }
    mutating func encode(_ value: Double) throws { begin(); try stream.floating(value, path: codingPath) }
    mutating func encode(_ value: Float) throws { begin(); try stream.floating(value, path: codingPath) }
    mutating func encode(_ value: Int) throws { begin(); stream.number(value) }
    mutating func encode(_ value: Int8) throws { begin(); stream.number(value) }
    mutating func encode(_ value: Int16) throws { begin(); stream.number(value) }
    mutating func encode(_ value: Int32) throws { begin(); stream.number(value) }
    mutating func encode(_ value: Int64) throws { begin(); stream.number(value) }
    mutating func encode(_ value: UInt) throws { begin(); stream.number(value) }
    mutating func encode(_ value: UInt8) throws { begin(); stream.number(value) }
    mutating func encode(_ value: UInt16) throws { begin(); stream.number(value) }
    mutating func encode(_ value: UInt32) throws { begin(); stream.number(value) }
    mutating func encode(_ value: UInt64) throws { begin(); stream.number(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { begin(); try stream.encode(value) }
}
