/// The site's own networks (`--trust`): a "failed, then logged in" from them is a compromise alert only
/// after `minimumFailures` failed attempts (one mistyped password from the office is not an attack). Their
/// failures are still counted and shown; from any other address one failure is enough.
public struct TrustPolicy: Sendable {
    public var networks: [CIDR]
    public var minimumFailures: Int

    public static let defaultMinimumFailures = 3

    public init(networks: [CIDR] = [], minimumFailures: Int = TrustPolicy.defaultMinimumFailures) {
        self.networks = networks
        self.minimumFailures = minimumFailures
    }

    /// True when `failures` failed attempts from `peer`, followed by a login, make an alert.
    public func alerts(peer: PeerKey, failures: Int) -> Bool {
        guard let ip = peer.ip, networks.contains(where: { $0.contains(ip) }) else { return true }
        return failures >= minimumFailures
    }
}
