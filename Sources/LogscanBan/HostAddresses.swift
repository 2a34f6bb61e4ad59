#if canImport(Glibc)
import Glibc
#endif
import LogscanCore

/// This host's own addresses, read from its interfaces (`getifaddrs`): never banned, since a rule against
/// them could cut the host off from itself (or from its admin, behind NAT on the same address).
public enum HostAddresses {
    public static func current() -> [IPAddress] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0 else { return [] }
        defer { freeifaddrs(list) }
        var addresses: [IPAddress] = []
        var next = list
        while let entry = next {
            defer { next = entry.pointee.ifa_next }
            guard let socketAddress = entry.pointee.ifa_addr else { continue }
            switch Int32(socketAddress.pointee.sa_family) {
            case AF_INET:
                let raw = socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr.s_addr }
                addresses.append(IPAddress(v4: UInt32(bigEndian: raw)))
            case AF_INET6:
                let bytes = socketAddress.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                    withUnsafeBytes(of: pointer.pointee.sin6_addr) { Array($0) }
                }
                guard bytes.count == 16 else { continue }
                let high = bytes[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                let low = bytes[8..<16].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                addresses.append(IPAddress(high: high, low: low))
            default:
                continue
            }
        }
        return Array(Set(addresses)).sorted()
    }
}
