import LogscanCore

/// Addresses `logscan ban` never bans: loopback, this host's own addresses, `--allow` blocks and the
/// lines of `--allow-file` files. A bad entry is an error, never skipped: a typo must not quietly shrink
/// the allowlist.
public struct AllowList: Sendable {
    public struct Entry: Sendable {
        public var block: CIDR
        /// Where it came from: `loopback`, `this host`, `--allow`, or `FILE:LINE`.
        public var origin: String
    }

    public private(set) var entries: [Entry] = []

    public init() {}

    public struct BadEntry: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) { self.description = description }
    }

    public mutating func add(_ block: CIDR, origin: String) { entries.append(Entry(block: block, origin: origin)) }

    /// Loopback plus the given host addresses.
    public mutating func addBuiltIn(hostAddresses: [IPAddress]) {
        for block in AddressClass.loopback { add(block, origin: "loopback") }
        for address in hostAddresses { add(CIDR(address, length: 128), origin: "this host") }
    }

    /// An `--allow` value.
    public mutating func add(option text: String) throws {
        guard let block = CIDR(text) else {
            throw BadEntry(description: "--allow \(CommentText.clean(text)): not an IPv4 or IPv6 address or CIDR block")
        }
        add(block, origin: "--allow")
    }

    /// One address or CIDR block per line; `#` starts a comment; blank lines are ignored.
    public mutating func add(fileContents: [UInt8], name: String) throws {
        var lineNumber = 0
        for rawLine in fileContents.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let beforeComment = rawLine.prefix { $0 != UInt8(ascii: "#") }
            let text = String(decoding: beforeComment, as: UTF8.self).trimmingWhitespace
            guard !text.isEmpty else { continue }
            guard let block = CIDR(text) else {
                throw BadEntry(description: "\(CommentText.clean(name)):\(lineNumber): \"\(CommentText.clean(text))\" is not an IPv4 or IPv6 address or CIDR block")
            }
            add(block, origin: "\(name):\(lineNumber)")
        }
    }

    /// The first entry that holds any address of `block`.
    public func entry(overlapping block: CIDR) -> Entry? { entries.first { $0.block.overlaps(block) } }
}

extension String {
    var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
