#if canImport(Glibc)
import Glibc
#endif
import LogscanCore

/// The display zone by name, as admins know it: `UTC`, `Europe/Berlin` (from `TZ` or the
/// `/etc/localtime` link), falling back to the offset (`UTC+0100`) when the system does not say.
enum ZoneName {
    static func of(_ zone: Zone, at instant: Instant) -> String {
        guard case .local = zone else { return "UTC" }
        if let name = fromEnvironment() ?? fromLocaltimeLink() { return name }
        return TimeFormat.zoneLabel(instant, zone: zone)
    }

    /// `TZ=Europe/Berlin` or `TZ=:Europe/Berlin`; not POSIX rules like `CET-1CEST`.
    static func fromEnvironment() -> String? {
        guard let raw = getenv("TZ") else { return nil }
        var name = String(cString: raw)
        if name.hasPrefix(":") { name.removeFirst() }
        if let range = name.range(of: "zoneinfo/") { name = String(name[range.upperBound...]) }
        if name.isEmpty || name == "UTC0" { return "UTC" }
        return name.first?.isLetter == true && name.allSatisfy({ $0.isLetter || $0 == "/" || $0 == "_" || $0 == "-" || $0 == "+" })
            && !name.contains(where: \.isNumber) ? name : nil
    }

    /// Debian's `/etc/localtime -> /usr/share/zoneinfo/Europe/Berlin`.
    static func fromLocaltimeLink() -> String? {
        var buffer = [CChar](repeating: 0, count: 512)
        let length = readlink("/etc/localtime", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        let target = String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let range = target.range(of: "zoneinfo/") else { return nil }
        let name = String(target[range.upperBound...])
        return name == "Etc/UTC" || name == "UCT" || name == "Etc/UCT" ? "UTC" : name
    }
}
