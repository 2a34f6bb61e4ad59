/// A parser's whole answer for a program name packed into the one number the name caches keep
/// (`ProgramCache`, `HeaderPrefixCache.nameAnswer`, `TagNameTable`): which built-in parser it is, its service
/// and its index in the registry. The hot path then calls the parser and names the service from the number
/// alone, without the registry's two per-parser arrays (an array load and a bounds check each). Negative
/// numbers stay free for the caches' own answers (-1: no parser claims the name).
enum ParserRoute {
    /// The route of the parser at `index`: the built-in in the low byte, the service in the next (its own
    /// one-byte representation, see `service(_:)`), the index above.
    static func pack(index: Int, builtIn: BuiltInParser, service: Service) -> Int {
        index &<< 16 | Int(unsafeBitCast(service, to: UInt8.self)) &<< 8 | Int(builtIn.rawValue)
    }

    /// Which built-in parser the route names (`other`: call it through the registry's existential).
    @inline(__always)
    static func builtIn(_ route: Int) -> BuiltInParser {
        BuiltInParser(rawValue: UInt8(truncatingIfNeeded: route)) ?? .other
    }

    /// The service of the route's parser: the byte `pack` took from a `Service`, read back as one (a switch
    /// from a service number cost 8 instructions a line in `LineProcessor.process`; measured, round seven).
    /// Sound because a route is only ever made by `pack` (the caches' negative answers are ruled out first).
    @inline(__always)
    static func service(_ route: Int) -> Service {
        unsafeBitCast(UInt8(truncatingIfNeeded: route &>> 8), to: Service.self)
    }

    /// The parser's index in the registry.
    @inline(__always)
    static func index(_ route: Int) -> Int { route &>> 16 }
}

/// The parsers the registry can call without an existential.
enum BuiltInParser: UInt8, Sendable {
    case sshd, postfix, dovecot, other

    init(_ parser: any ServiceParser) {
        switch parser {
        case is SshdParser: self = .sshd
        case is PostfixParser: self = .postfix
        case is DovecotParser: self = .dovecot
        default: self = .other
        }
    }
}
