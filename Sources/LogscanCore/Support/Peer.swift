/// The remote end of a log line: an address, or a host name where sshd runs with `UseDNS yes`.
public enum Peer: Equatable {
    case ip(IPAddress)
    case hostname(Bytes)

    /// Reads an address or a plausible DNS name; anything else is not a peer.
    public init?(bytes: Bytes) {
        if let ip = IPAddress(bytes: bytes) {
            self = .ip(ip)
        } else if Peer.isHostname(bytes) {
            self = .hostname(bytes)
        } else {
            return nil
        }
    }

    static func isHostname(_ bytes: Bytes) -> Bool {
        guard bytes.count > 0, bytes.count <= 253 else { return false }
        var sawLetter = false
        for i in 0..<bytes.count {
            let byte = bytes[i] | 0x20
            if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") {
                sawLetter = true
            } else if !(isDigit(bytes[i]) || bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: "-")
                        || bytes[i] == UInt8(ascii: "_")) {
                return false
            }
        }
        return sawLetter
    }

    public var key: PeerKey {
        switch self {
        case .ip(let ip): return .ip(ip)
        case .hostname(let name): return .hostname(name.string.lowercased())
        }
    }
}

/// A peer that outlives its line: the key for per-IP tables.
public enum PeerKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    case ip(IPAddress)
    case hostname(String)

    public var description: String {
        switch self {
        case .ip(let ip): return ip.description
        case .hostname(let name): return name
        }
    }

    public var ip: IPAddress? {
        if case .ip(let ip) = self { return ip }
        return nil
    }
}
