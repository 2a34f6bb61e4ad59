/// Every service parser, and the table from program name to parser, built once.
public struct ParserRegistry: Sendable {
    public static let all: [any ServiceParser] = [
        SshdParser(),
        PostfixParser(),
        DovecotParser(),
    ]

    public let parsers: [any ServiceParser]
    /// Per parser: its route (`ParserRoute`: which built-in it is, so the hot path calls it directly rather than
    /// through the existential, and its service).
    private let routes: [Int]
    private let services: [Service]
    private let table: ProgramTable
    private let families: ProgramTable

    public init(parsers: [any ServiceParser] = ParserRegistry.all) {
        self.parsers = parsers
        services = parsers.map(\.service)
        routes = parsers.indices.map { ParserRoute.pack(index: $0, builtIn: BuiltInParser(parsers[$0]),
                                                        service: parsers[$0].service) }
        var entries: [(String, Int)] = []
        var familyEntries: [(String, Int)] = []
        for (index, parser) in parsers.enumerated() {
            for program in parser.programs { entries.append((program, index)) }
            for family in parser.programFamilies { familyEntries.append((family, index)) }
        }
        self.table = ProgramTable(entries)
        self.families = ProgramTable(familyEntries)
    }

    /// The index of the parser that claims `program`: by its exact name; for `name(module)`, as in
    /// `sshd(pam_unix)`, by the part before it; for `family/…`, by the family (also the part of it before
    /// a dash, for a custom `syslog_name` such as `postfix-out/smtp`).
    public func parserIndex(for program: Bytes) -> Int? {
        if let index = table.lookup(program, hash: ProgramTable.hash(program)) { return index }
        // A miss (cron, sudo, or a `family/name`): one pass finds the first `(` and `/`.
        var paren = -1, slash = -1
        for i in 0..<program.count {
            let byte = program.base[i]
            if byte == UInt8(ascii: "(") && paren < 0 { paren = i }
            if byte == UInt8(ascii: "/") && slash < 0 { slash = i }
        }
        if paren > 0 { return table.lookup(program.prefix(paren)) }
        guard slash > 0 else { return nil }
        let family = program.prefix(slash)
        if let index = families.lookup(family) { return index }
        if let dash = family.firstIndex(of: UInt8(ascii: "-")), dash > 0 { return families.lookup(family.prefix(dash)) }
        return nil
    }

    /// The route (`ParserRoute`) of the parser that claims `program`, or nil.
    public func route(for program: Bytes) -> Int? {
        parserIndex(for: program).map { routes[$0] }
    }

    /// The service of the parser at `index`.
    @inline(__always)
    public func service(at index: Int) -> Service { services[index] }

    /// Runs the parser `route` names (`route(for:)`) into `parsed` (see `ServiceParser.parse(_:program:into:)`):
    /// a built-in one by a direct (inlinable) call, any other through its protocol.
    @inline(__always)
    public func parse(route: Int, _ message: Bytes, program: Bytes, into parsed: inout ParsedMessage) -> Bool {
        switch ParserRoute.builtIn(route) {
        case .sshd: return SshdParser().parse(message, program: program, into: &parsed)
        case .postfix: return PostfixParser().parse(message, program: program, into: &parsed)
        case .dovecot: return DovecotParser().parse(message, program: program, into: &parsed)
        case .other: return parsers[ParserRoute.index(route)].parse(message, program: program, into: &parsed)
        }
    }

    /// The service of the parser `route` names.
    @inline(__always)
    public static func service(route: Int) -> Service { ParserRoute.service(route) }
}
