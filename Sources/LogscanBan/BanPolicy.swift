import LogscanCore

/// What `logscan ban` counts and whom it may ban: the command line's policy as values.
public struct BanPolicy: Sendable {
    /// Attempts within `windowSeconds` of log time, on one service, that get an address banned.
    public var threshold = 5
    public var windowSeconds: Int64 = 600
    public var services: Set<Service> = Set(Service.allCases)
    /// Also count scanners and probes (connections that never tried to authenticate), each as one attempt.
    public var includeProbes = false
    /// Also count postfix policy rejects (`NOQUEUE: reject`), each as one attempt.
    public var includeRejects = false
    /// Ban addresses that also logged in (by default they are only listed, for review).
    public var banLoggedIn = false
    /// IPv4 offenders are grouped into this prefix once `prefixMinimum` of one prefix qualify (32: never).
    public var v4Prefix = 32
    public var prefixMinimum = 3
    /// IPv6 offenders are banned by this prefix (128: the address alone).
    public var v6Prefix = 64
    /// Seconds after which the kernel drops a ban by itself (nft and ipset); nil: until flushed.
    public var expireSeconds: Int64?
    /// Never banned, besides loopback and this host's own addresses.
    public var allow: [CIDR] = []

    /// The weight one probe adds. A probe is one connection that never tried a password: as strong a sign
    /// as one failed attempt once the admin asks for probes to count (sshguard scores scans as attacks too).
    public static let probeWeight = 1

    public init() {}

    public var windowRule: AttemptWindow.Rule { AttemptWindow.Rule(threshold: threshold, windowSeconds: windowSeconds) }

    /// The attempts `event` adds under this policy (0: it does not count).
    @inline(__always)
    public func weight(of event: Event) -> Int {
        switch event.verdict {
        case .failure(let attempts):
            return attempts
        case .probe:
            return includeProbes ? (event.parsed.count * event.line.repeatCount).multipliedSaturated(by: Self.probeWeight) : 0
        default:
            return includeRejects && event.parsed.kind.role == .reject ? event.parsed.count * event.line.repeatCount : 0
        }
    }
}

extension Int {
    func multipliedSaturated(by other: Int) -> Int {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        return overflow ? .max : product
    }
}
