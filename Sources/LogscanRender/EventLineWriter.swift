import LogscanCore

/// `logscan events`: one NDJSON object per recognised line, in input order, with the verdict the report
/// uses, so that the `count` of `failure: true` lines adds up to the report's failed attempts.
///
/// A line is written in one pass through a pointer into room reserved for its longest form: the file's
/// prefix and the fixed middle (`EventFragments`) are copied whole, and the log's bytes copied as they are
/// (eight at a time) when none needs escaping. A line with a byte to escape is written again
/// field by field through `SafeText` (`writeEscaping`).
public struct EventLineWriter {
    public let output: OutputBuffer
    public let zone: Zone
    public let includeUnmatched: Bool
    /// `{"file":"<name>","line":`
    private var filePrefix: [UInt8] = Array("{\"file\":\"-\",\"line\":".utf8)
    private var times: TimeWriter
    private let json = RawJSON.shared
    private let fragments = EventFragments.shared

    public init(output: OutputBuffer = OutputBuffer(), zone: Zone, includeUnmatched: Bool) {
        self.output = output
        self.zone = zone
        self.includeUnmatched = includeUnmatched
        self.times = TimeWriter(zone: zone)
    }

    public mutating func beginInput(_ source: InputSource) {
        var buffer = "{\"file\":\""
        for character in source.displayName.unicodeScalars {
            switch character {
            case "\"": buffer += "\\\""
            case "\\": buffer += "\\\\"
            default: buffer.unicodeScalars.append(character)
            }
        }
        filePrefix = Array((buffer + "\",\"line\":").utf8)
    }

    /// Room for everything but the variable fields, whose bytes are added.
    private static let fixedRoom = 20 + TimeWriter.room + EventFragments.longest + 160

    mutating func write(_ line: EventLine) {
        let room = EventLineWriter.fixedRoom + filePrefix.count + line.variableBytes
        guard room <= OutputBuffer.capacity else { return writeEscaping(line) }
        let start = output.reserve(room)
        guard let end = writePlain(line, to: start) else { return writeEscaping(line) }
        output.commit(end)
    }

    /// The whole line, or nil when a field needs escaping.
    @inline(__always)
    private mutating func writePlain(_ line: EventLine, to start: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8>? {
        var out = filePrefix.withUnsafeBytes { RawJSON.copy($0, to: start) }
        out = json.decimal(line.lineNumber, to: out)
        out = RawJSON.copy(",\"time\":", to: out)
        out = line.time.map { times.write($0, to: out) } ?? RawJSON.copy("null", to: out)
        guard let afterNames = writeHostAndProgram(line.host, line.program, to: out) else { return nil }
        out = fragments.copy(line.fragment, to: afterNames)
        if let text = line.text {
            out = json.decimal(line.count, to: out)
            out = RawJSON.copy(",\"text\":", to: out)
            guard let afterText = json.plainString(text, to: out) else { return nil }
            return RawJSON.copy("}\n", to: afterText)
        }
        switch line.peer {
        case .ip(let ip)?:
            out = ip.v4Value.map { json.quotedIPv4($0, to: out) } ?? json.quotedIPv6(ip, to: out)
        case .hostname(let name)?:
            guard let after = json.plainString(name, to: out) else { return nil }
            out = after
        case nil:
            out = RawJSON.copy("null", to: out)
        }
        out = RawJSON.copy(",\"user\":", to: out)
        if let user = line.user {
            guard let after = json.plainString(user, to: out) else { return nil }
            out = after
        } else {
            out = RawJSON.copy("null", to: out)
        }
        out = RawJSON.copy(",\"count\":", to: out)
        out = json.decimal(line.count, to: out)
        return RawJSON.copy("}\n", to: out)
    }

    /// `,"host":…,"program":…`, or nil when one needs escaping.
    @inline(__always)
    private func writeHostAndProgram(_ host: Bytes, _ program: Bytes,
                                     to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8>? {
        var at = RawJSON.copy(",\"host\":", to: out)
        if host.isEmpty {
            at = RawJSON.copy("null", to: at)
        } else {
            guard let after = json.plainString(host, to: at) else { return nil }
            at = after
        }
        at = RawJSON.copy(",\"program\":", to: at)
        if program.isEmpty { return RawJSON.copy("null", to: at) }
        return json.plainString(program, to: at)
    }

    /// The line field by field, log bytes made safe by `SafeText` and JSON-escaped.
    private mutating func writeEscaping(_ line: EventLine) {
        output.append(filePrefix)
        output.append(decimal: line.lineNumber)
        output.append(",\"time\":")
        if let time = line.time {
            let start = output.reserve(TimeWriter.room)
            output.commit(times.write(time, to: start))
        } else {
            output.append("null")
        }
        output.append(",\"host\":")
        if line.host.isEmpty { output.append("null") } else { output.appendJSONString(line.host) }
        output.append(",\"program\":")
        if line.program.isEmpty { output.append("null") } else { output.appendJSONString(line.program) }
        let middle = output.reserve(EventFragments.longest)
        output.commit(fragments.copy(line.fragment, to: middle))
        if let text = line.text {
            output.append(decimal: line.count)
            output.append(",\"text\":")
            output.appendJSONString(text)
            output.append("}\n")
            return
        }
        switch line.peer {
        case .ip(let ip)?: output.appendJSONAddress(ip)
        case .hostname(let name)?: output.appendJSONString(name)
        case nil: output.append("null")
        }
        output.append(",\"user\":")
        if let user = line.user { output.appendJSONString(user) } else { output.append("null") }
        output.append(",\"count\":")
        output.append(decimal: line.count)
        output.append("}\n")
    }
}
