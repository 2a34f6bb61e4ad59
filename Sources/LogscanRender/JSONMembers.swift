import LogscanCore

/// Writes one JSON object or array in `PrettyJSONWriter`'s layout (JSONEncoder's `.prettyPrinted,
/// .sortedKeys, .withoutEscapingSlashes`) straight from values, without a tree: the caller gives the members
/// in sorted key order (checked in debug builds), and an absent optional member is left out, as the
/// synthesized `Codable` conformances leave it out.
struct JSONMembers {
    let json: PrettyJSONWriter
    /// The depth of the object itself; its members are one level deeper.
    let depth: Int
    private var written = 0
    #if DEBUG
    private var lastKey = ""
    #endif

    private init(json: PrettyJSONWriter, depth: Int) {
        self.json = json
        self.depth = depth
    }

    /// The object `body` fills, at `depth`.
    static func object(_ json: PrettyJSONWriter, depth: Int, _ body: (inout JSONMembers) throws -> Void) rethrows {
        json.output.append("{\n")
        var members = JSONMembers(json: json, depth: depth)
        try body(&members)
        json.output.append("\n")
        json.writeIndent(depth)
        json.output.append("}")
    }

    /// An array of `count` elements at `depth`, element `i` written by `element(i, depth + 1)`.
    static func array(_ json: PrettyJSONWriter, count: Int, depth: Int,
                      _ element: (Int, Int) throws -> Void) rethrows {
        json.output.append("[\n")
        for index in 0..<count {
            if index > 0 { json.output.append(",\n") }
            json.writeIndent(depth + 1)
            try element(index, depth + 1)
        }
        json.output.append("\n")
        json.writeIndent(depth)
        json.output.append("]")
    }

    /// Starts the member `name`; its value is written next.
    mutating func key(_ name: StaticString) {
        #if DEBUG
        let text = name.description
        assert(written == 0 || JSONObject.compareUTF8(lastKey, text) < 0, "JSON keys out of order: \(lastKey), \(text)")
        lastKey = text
        #endif
        if written > 0 { json.output.append(",\n") }
        written += 1
        json.writeIndent(depth + 1)
        json.output.appendByte(UInt8(ascii: "\""))
        json.output.append(name)
        json.output.append("\" : ")
    }

    mutating func integer(_ name: StaticString, _ value: Int) {
        key(name)
        json.writeInteger(value)
    }

    mutating func string(_ name: StaticString, _ value: String) {
        key(name)
        json.writeString(value)
    }

    /// Left out when nil.
    mutating func string(_ name: StaticString, _ value: String?) {
        if let value { string(name, value) }
    }

    mutating func bool(_ name: StaticString, _ value: Bool) {
        key(name)
        json.output.append(value ? "true" : "false")
    }

    /// `null` when nil.
    mutating func instantOrNull(_ name: StaticString, _ value: Instant?) {
        key(name)
        if let value { UTCTimeWriter.write(value, to: json.output) } else { json.output.append("null") }
    }

    /// Left out when nil.
    mutating func instant(_ name: StaticString, _ value: Instant?) {
        guard let value else { return }
        key(name)
        UTCTimeWriter.write(value, to: json.output)
    }

    mutating func strings(_ name: StaticString, _ values: [String]) {
        key(name)
        JSONMembers.array(json, count: values.count, depth: depth + 1) { index, _ in json.writeString(values[index]) }
    }

    mutating func integers(_ name: StaticString, _ values: [Int]) {
        key(name)
        JSONMembers.array(json, count: values.count, depth: depth + 1) { index, _ in json.writeInteger(values[index]) }
    }

    /// A member whose value `body` writes at the member's depth.
    mutating func value(_ name: StaticString, _ body: (Int) throws -> Void) rethrows {
        key(name)
        try body(depth + 1)
    }

    /// A member whose value is an object that `body` fills.
    mutating func object(_ name: StaticString, _ body: (inout JSONMembers) throws -> Void) rethrows {
        key(name)
        try JSONMembers.object(json, depth: depth + 1, body)
    }

    /// A member whose value is an array of objects, one for each element, filled by `body(element, &members)`.
    mutating func objects<Element>(_ name: StaticString, _ elements: [Element],
                                   _ body: (Element, inout JSONMembers) throws -> Void) rethrows {
        key(name)
        try JSONMembers.array(json, count: elements.count, depth: depth + 1) { index, depth in
            try JSONMembers.object(json, depth: depth) { try body(elements[index], &$0) }
        }
    }
}
