#if canImport(Glibc)
import Glibc
#endif

/// This machine's names, for the email: the short host name (the subject) and the fully qualified one
/// (`From: logscan@<fqdn>` and the Message-ID), from gethostname and getaddrinfo's canonical name.
enum HostIdentity {
    /// `web1`: the host name up to its first dot.
    static var shortName: String {
        let name = hostName
        return name.split(separator: ".").first.map(String.init) ?? name
    }

    /// `web1.example.org`: getaddrinfo's AI_CANONNAME for the host name (from /etc/hosts or DNS), or the
    /// host name itself when that gives nothing that can stand after an `@`. Looked up once.
    static let fullyQualifiedName: String = {
        let name = hostName
        var hints = addrinfo()
        hints.ai_flags = AI_CANONNAME
        hints.ai_socktype = Int32(SOCK_DGRAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(name, nil, &hints, &result) == 0, let info = result else { return usable(name) }
        defer { freeaddrinfo(info) }
        guard let canonical = info.pointee.ai_canonname else { return usable(name) }
        let full = String(cString: canonical)
        return isDomain(full) ? full : usable(name)
    }()

    private static var hostName: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "localhost" : name
    }

    private static func usable(_ name: String) -> String { isDomain(name) ? name : "localhost" }

    /// Letters, digits, `-` and `.`: what may follow the `@` of an address without quoting.
    private static func isDomain(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.hasSuffix(".") && !name.contains("..")
            && name.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == 0x2D || $0 == 0x2E }
    }
}
