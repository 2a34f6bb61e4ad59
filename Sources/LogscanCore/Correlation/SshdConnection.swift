extension SshdCorrelator {
    /// What the correlator knows of one sshd connection. With a burst of attacks the table holds every
    /// connection of the last hour (`forgetSeconds`), so the fields are packed: the optionals share one
    /// byte of flags, next to the Bools, instead of a padded word each (64 bytes a connection, not 96).
    struct Connection {
        var lastSeen: Int64 = .min
        /// Precursors of an attempt that no `Failed …` line has reported yet.
        var held = HeldList()
        var countedAttempts = 0
        private var peerHash: UInt64 = 0
        private var userIdentity: UInt64 = 0
        private var addressValue = IPAddress(high: 0, low: 0)
        var sawFailedLine = false
        var triedToAuthenticate = false
        /// The connection's close was already counted as a probe (sshd may log two closing lines).
        var countedAsProbe = false
        var sawKeyProbe = false
        /// Which of `peer`, `user` and `address` are set.
        private var flags: UInt8 = 0

        private static let hasPeerFlag: UInt8 = 1, hasUserFlag: UInt8 = 2, hasAddressFlag: UInt8 = 4

        var peer: UInt64? {
            get { has(Self.hasPeerFlag) ? peerHash : nil }
            set {
                peerHash = newValue ?? 0
                set(Self.hasPeerFlag, newValue != nil)
            }
        }
        /// The user's `MixedKey.identity`: only compared.
        var user: UInt64? {
            get { has(Self.hasUserFlag) ? userIdentity : nil }
            set {
                userIdentity = newValue ?? 0
                set(Self.hasUserFlag, newValue != nil)
            }
        }
        /// The connection's address, for held precursors written without one.
        var address: IPAddress? {
            get { has(Self.hasAddressFlag) ? addressValue : nil }
            set {
                addressValue = newValue ?? IPAddress(high: 0, low: 0)
                set(Self.hasAddressFlag, newValue != nil)
            }
        }

        private func has(_ flag: UInt8) -> Bool { flags & flag != 0 }

        private mutating func set(_ flag: UInt8, _ on: Bool) {
            flags = on ? flags | flag : flags & ~flag
        }

        /// True when the line names another address or user than the connection has seen.
        func isOther(peer otherPeer: UInt64?, user otherUser: UInt64?) -> Bool {
            if let peer, let otherPeer, peer != otherPeer { return true }
            if let user, let otherUser, user != otherUser { return true }
            return false
        }
    }
}
