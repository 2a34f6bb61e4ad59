import LogscanCore

/// A Swift `Encoder` that writes JSON straight to an `OutputBuffer` as values are encoded, instead of
/// building the whole document first (Foundation's `JSONEncoder` held 2.4 GB for a report of a million
/// addresses with `--top 0`). Keys come in the order the model encodes them; the layout is the
/// `.prettyPrinted` one (two-space indent, `"key" : value`), and `/` is not escaped.
///
/// A container is closed when its owner's next value starts or when the value that opened it ends, so
/// the synthesized `encode(to:)` of any model works unchanged.
public struct JSONStreamEncoder {
    public static func write<T: Encodable>(_ value: T, to output: OutputBuffer) throws {
        let stream = JSONStream(output)
        try stream.encode(value)
        output.append("\n" as StaticString)
    }
}

/// The open containers and the writing position, shared by every container of one document.
final class JSONStream {
    let output: OutputBuffer
    /// One entry per open container: its closing byte and whether it has an element yet.
    private var open: [(close: UInt8, hasElement: Bool)] = []

    init(_ output: OutputBuffer) { self.output = output }

    var depth: Int { open.count }

    /// Encodes `value` in the current position, closing whatever it opened.
    func encode<T: Encodable>(_ value: T) throws {
        let level = depth
        let before = written
        try value.encode(to: StreamEncoder(stream: self, level: level))
        close(deeperThan: level)
        if written == before { output.append("{}" as StaticString) }
    }

    /// Values and brackets written so far, to tell an `encode(to:)` that wrote nothing.
    private var written = 0

    func openContainer(_ openByte: UInt8, _ closeByte: UInt8, level: Int) {
        close(deeperThan: level)
        output.appendByte(openByte)
        open.append((closeByte, false))
        written += 1
    }

    func close(deeperThan level: Int) {
        while open.count > level {
            let last = open.removeLast()
            if last.hasElement { newline() }
            output.appendByte(last.close)
        }
    }

    /// Starts an element of the container at `level - 1`: a comma after the previous one, a new line.
    func beginElement(level: Int) {
        close(deeperThan: level)
        guard level > 0 else { return }
        if open[level - 1].hasElement { output.appendByte(UInt8(ascii: ",")) }
        open[level - 1].hasElement = true
        newline()
    }

    func key(_ key: CodingKey, level: Int) {
        beginElement(level: level)
        output.appendJSONString(key.stringValue)
        output.append(" : " as StaticString)
    }

    func scalar(_ text: String, quoted: Bool) {
        written += 1
        if quoted { output.appendJSONString(text) } else { output.append(string: text) }
    }

    func number<N: BinaryInteger>(_ value: N) { scalar(String(value), quoted: false) }

    func floating<F: BinaryFloatingPoint & LosslessStringConvertible>(_ value: F, path: [CodingKey]) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: path, debugDescription: "not a finite number"))
        }
        scalar(value.description, quoted: false)
    }

    private func newline() {
        output.appendByte(UInt8(ascii: "\n"))
        for _ in 0..<open.count { output.append("  " as StaticString) }
    }
}

struct StreamEncoder: Encoder {
    let stream: JSONStream
    let level: Int
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(stream: JSONStream, level: Int) {
        self.stream = stream
        self.level = level
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        stream.openContainer(UInt8(ascii: "{"), UInt8(ascii: "}"), level: level)
        return KeyedEncodingContainer(KeyedStreamContainer<Key>(stream: stream, level: level + 1, codingPath: codingPath))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        stream.openContainer(UInt8(ascii: "["), UInt8(ascii: "]"), level: level)
        return UnkeyedStreamContainer(stream: stream, level: level + 1, codingPath: codingPath)
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        SingleValueStreamContainer(stream: stream, level: level, codingPath: codingPath)
    }
}
