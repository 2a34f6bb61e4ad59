extension SshdCorrelator {
    /// What the correlator knows of one sshd connection. With a burst of attacks the table holds every
    /// connection of the last hour (`forgetSeconds`), so the fields are packed: the optionals share one
    /// byte of flags, next to the Bools, instead of a padded word each (56 bytes a connection, not 96).
    struct Connection {
        var lastSeen: Int64 = .min
        /// Precursors of an attempt that no `Failed …` line has reported yet.
        var held = HeldList()
        var countedAttempts = 0
        private var userIdentity: UInt64 = 0
        private var addressValue = IPAddress(high: 0, low: 0)
        var sawFailedLine = false
        var triedToAuthenticate = false
        /// The connection's close was already counted as a probe (sshd may log two closing lines).
        var countedAsProbe = false
        var sawKeyProbe = false
        /// Which of `user` and `address` are set.
        private var flags: UInt8 = 0

        private static let hasUserFlag: UInt8 = 2, hasAddressFlag: UInt8 = 4

        /// The user's `MixedKey.identity`: only compared.
        var user: UInt64? {
            get { has(Self.hasUserFlag) ? userIdentity : nil }
            set {
                userIdentity = newValue ?? 0
                set(Self.hasUserFlag, newValue != nil)
            }
        }
        /// The connection's address: a line with another is another connection, and held precursors
        /// written without one take it.
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

        /// True when the line names another address or user than the connection has seen (a host name
        /// is not compared: sshd writes the address where it can).
        func isOther(address otherAddress: IPAddress?, user otherUser: UInt64?) -> Bool {
            if let address, let otherAddress, address != otherAddress { return true }
            if let user, let otherUser, user != otherUser { return true }
            return false
        }
    }
}
