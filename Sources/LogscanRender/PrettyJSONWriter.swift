import LogscanCore

/// Writes a `JSONValue` tree byte for byte as Foundation's `JSONEncoder` with `.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes` writes it: two spaces a level, `"key" : value`, keys in UTF-8 byte order, an
/// empty array or object as its brackets around an empty line, and JSONEncoder's string escapes (`\"`,
/// `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, other control bytes as `\u00xx` in lowercase hex; everything else,
/// `/` and non-ASCII included, as it is). A string that is a `DeferredRows` placeholder is written as its
/// table's rows, each encoded when its turn comes (see `DeferredRowsWriter`).
struct PrettyJSONWriter {
    let output: OutputBuffer
    let deferred: DeferredRowsWriter
    /// Spaces on the empty line of an empty array or object: none, as JSONEncoder writes it, but a deferred
    /// row's own indentation inside such a row (each row was once encoded alone and its every line indented
    /// to its place, the empty one included; kept so the output stays as it was).
    var emptyLineIndent = 0
    /// Shared by the copies made for deferred rows.
    let keyOrders = KeyOrderCache()

    func write(_ value: JSONValue, depth: Int = 0) throws {
        switch value {
        case .string(let text):
            if let table = deferred.table(for: text) {
                var rows = self
                rows.emptyLineIndent = (depth + 1) * 2
                try rows.writeArray(count: table.count, depth: depth) { try deferred.row($0, of: table) }
            } else {
                writeString(text)
            }
        case .integer(let number): writeInteger(number)
        case .instant(let time): UTCTimeWriter.write(time, to: output)
        case .literal(let text): output.append(string: text)
        case .bool(let flag): output.append(flag ? "true" : "false")
        case .null: output.append("null")
        case .array(let array): try writeArray(count: array.count, depth: depth) { array.values[$0] }
        case .object(let object): try writeObject(object, depth: depth)
        }
    }

    private func writeArray(count: Int, depth: Int, element: (Int) throws -> JSONValue) throws {
        output.append("[\n")
        for index in 0..<count {
            if index > 0 { output.append(",\n") }
            writeIndent(depth + 1)
            try write(element(index), depth: depth + 1)
        }
        if count == 0 { writeSpaces(emptyLineIndent) }
        output.append("\n")
        writeIndent(depth)
        output.append("]")
    }

    private func writeObject(_ object: JSONObject, depth: Int) throws {
        output.append("{\n")
        for (position, member) in keyOrders.order(of: object).enumerated() {
            if position > 0 { output.append(",\n") }
            writeIndent(depth + 1)
            writeString(object.members[member].key)
            output.append(" : ")
            try write(object.members[member].value, depth: depth + 1)
        }
        if object.isEmpty { writeSpaces(emptyLineIndent) }
        output.append("\n")
        writeIndent(depth)
        output.append("}")
    }

    func writeIndent(_ depth: Int) { writeSpaces(depth * 2) }

    private func writeSpaces(_ count: Int) {
        var left = count
        while left > 0 {
            let run = min(left, 64)
            let at = output.reserve(run)
            at.initialize(repeating: UInt8(ascii: " "), count: run)
            output.commit(at + run)
            left -= run
        }
    }

    /// The digits, after a minus sign when negative.
    func writeInteger(_ number: Int) {
        if number < 0 { output.appendByte(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        var count = 1
        var probe = magnitude
        while probe >= 10 {
            probe /= 10
            count += 1
        }
        let start = output.reserve(count)
        var at = start + count
        repeat {
            at -= 1
            at.pointee = UInt8(truncatingIfNeeded: 48 + magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        output.commit(start + count)
    }

    /// The string in quotes, runs of bytes that need no escape copied whole.
    func writeString(_ text: String) {
        var text = text
        output.appendByte(UInt8(ascii: "\""))
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var runStart = 0
            for index in 0..<bytes.count where Self.needsEscape(bytes[index]) {
                if index > runStart { output.append(Bytes(base: base + runStart, count: index - runStart)) }
                writeEscape(bytes[index])
                runStart = index + 1
            }
            if bytes.count > runStart { output.append(Bytes(base: base + runStart, count: bytes.count - runStart)) }
        }
        output.appendByte(UInt8(ascii: "\""))
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private func writeEscape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): output.append("\\\"")
        case UInt8(ascii: "\\"): output.append("\\\\")
        case 0x08: output.append("\\b")
        case 0x0C: output.append("\\f")
        case UInt8(ascii: "\n"): output.append("\\n")
        case UInt8(ascii: "\r"): output.append("\\r")
        case UInt8(ascii: "\t"): output.append("\\t")
        default:
            let hex: StaticString = "0123456789abcdef"
            output.append("\\u00")
            output.appendByte(hex.utf8Start[Int(byte >> 4)])
            output.appendByte(hex.utf8Start[Int(byte & 0xF)])
        }
    }
}
