import LogscanCore

/// `logscan events`: one NDJSON object per recognised line, in input order, with the verdict the report
/// uses, so that the `count` of `failure: true` lines adds up to the report's failed attempts.
public struct EventLineWriter: EventSink {
    public let output: OutputBuffer
    public let zone: Zone
    public let includeUnmatched: Bool
    public var file = "-"
    private var fileJSON: [UInt8] = Array("\"-\"".utf8)
    /// Each kind's JSON text, made once, indexed by `EventKind.index`.
    private static let kindNames: [(plain: [UInt8], same: [UInt8], after: [UInt8])] = EventKind.allCases.map { kind in
        (Array(kind.rawValue.utf8), Array((kind.rawValue + ".same_attempt").utf8), Array((kind.rawValue + ".after_attempt").utf8))
    }
    private static let serviceNames: [[UInt8]] = Service.allCases.map { Array($0.rawValue.utf8) }
    private var times: TimeWriter

    public var needsInputOrder: Bool { true }

    public init(output: OutputBuffer = OutputBuffer(), zone: Zone, includeUnmatched: Bool) {
        self.output = output
        self.zone = zone
        self.includeUnmatched = includeUnmatched
        self.times = TimeWriter(zone: zone)
    }

    public mutating func beginInput(_ source: InputSource) {
        let name = source.displayName
        file = name
        var buffer = ""
        buffer += "\""
        for character in name.unicodeScalars {
            switch character {
            case "\"": buffer += "\\\""
            case "\\": buffer += "\\\\"
            default: buffer.unicodeScalars.append(character)
            }
        }
        fileJSON = Array((buffer + "\"").utf8)
    }

    public mutating func record(_ event: Event) {
        let parsed = event.parsed
        begin(event.line, lineNumber: event.lineNumber)
        output.append(",\"service\":\"")
        output.append(EventLineWriter.serviceNames[event.service.index])
        output.append("\",\"kind\":\"")
        output.append(EventLineWriter.kindName(parsed.kind, event.verdict))

        output.append("\",\"failure\":")
        let count: Int
        if case .failure(let attempts) = event.verdict {
            output.append("true")
            count = attempts
        } else {
            output.append("false")
            count = parsed.count.repeated(event.line.repeatCount)
        }
        output.append(",\"ip\":")
        switch parsed.peer {
        case .ip(let ip)?: output.appendJSONAddress(ip)
        case .hostname(let name)?: output.appendJSONString(name)
        case nil: output.append("null")
        }
        output.append(",\"user\":")
        if let user = parsed.user { output.appendJSONString(user) } else { output.append("null") }
        output.append(",\"count\":")
        output.append(decimal: count)
        output.append("}\n")
    }

    public mutating func unmatched(_ line: SyslogLine, raw: Bytes, service: Service?, lineNumber: Int) {
        guard includeUnmatched else { return }
        begin(line, lineNumber: lineNumber)
        output.append(",\"service\":")
        if let service { output.appendJSONString(service.rawValue) } else { output.append("null") }
        output.append(",\"kind\":\"unmatched\",\"failure\":false,\"ip\":null,\"user\":null,\"count\":")
        output.append(decimal: line.repeatCount)
        output.append(",\"text\":")
        output.appendJSONString(raw)
        output.append("}\n")
    }

    private mutating func begin(_ line: SyslogLine, lineNumber: Int) {
        output.append("{\"file\":")
        output.append(fileJSON)
        output.append(",\"line\":")
        output.append(decimal: lineNumber)
        output.append(",\"time\":")
        if let time = line.time { times.write(time, to: output) } else { output.append("null") }
        output.append(",\"host\":")
        if line.host.isEmpty { output.append("null") } else { output.appendJSONString(line.host) }
        output.append(",\"program\":")
        if line.program.isEmpty { output.append("null") } else { output.appendJSONString(line.program) }
    }

    /// The kind, qualified when the verdict changes its meaning: a line that reports an attempt already
    /// counted is `<kind>.same_attempt`; a close after an attempt (not a probe) is `<kind>.after_attempt`.
    static func kindName(_ kind: EventKind, _ verdict: Verdict) -> [UInt8] {
        let names = kindNames[kind.index]
        switch verdict {
        case .sameAttempt: return names.same
        case .noise where kind.role == .closing: return names.after
        default: return names.plain
        }
    }
}
