/// Every service parser, and the table from program name to parser, built once.
public struct ParserRegistry: Sendable {
    public static let all: [any ServiceParser] = [
        SshdParser(),
        PostfixParser(),
        DovecotParser(),
    ]

    public let parsers: [any ServiceParser]
    private let table: ProgramTable
    private let families: ProgramTable

    public init(parsers: [any ServiceParser] = ParserRegistry.all) {
        self.parsers = parsers
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
        if let index = table.lookup(program) { return index }
        if let paren = program.firstIndex(of: UInt8(ascii: "(")), paren > 0 {
            return table.lookup(program.prefix(paren))
        }
        guard let slash = program.firstIndex(of: UInt8(ascii: "/")), slash > 0 else { return nil }
        let family = program.prefix(slash)
        if let index = families.lookup(family) { return index }
        if let dash = family.firstIndex(of: UInt8(ascii: "-")), dash > 0 { return families.lookup(family.prefix(dash)) }
        return nil
    }
}

/// An open-addressing hash table from program name bytes to a small integer, without allocation on lookup.
struct ProgramTable: Sendable {
    private var slots: [(hash: UInt64, name: [UInt8], value: Int)?]
    private let mask: Int

    init(_ entries: [(String, Int)]) {
        var size = 16
        while size < entries.count * 4 { size *= 2 }
        slots = Array(repeating: nil, count: size)
        mask = size - 1
        for (name, value) in entries {
            let bytes = Array(name.utf8)
            let hash = bytes.withUnsafeBufferPointer { ProgramTable.hash(Bytes($0)) }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != nil { slot = (slot + 1) & mask }
            slots[slot] = (hash, bytes, value)
        }
    }

    func lookup(_ name: Bytes) -> Int? {
        let hash = ProgramTable.hash(name)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while let entry = slots[slot] {
            if entry.hash == hash && entry.name.count == name.count
                && entry.name.withUnsafeBufferPointer({ Bytes($0).equals(name) }) {
                return entry.value
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// FNV-1a.
    static func hash(_ bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in 0..<bytes.count {
            hash = (hash ^ UInt64(bytes[i])) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
