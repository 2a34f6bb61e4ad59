/// sshd lines that are known and say nothing about attacks: they stay out of the unmatched list.
enum SshdNoise {
    static let prefixes: [StaticString] = [
        "Server listening on ",
        "Received signal ",
        "Starting session: ",
        "Close session: ",
        "Transferred: ",
        "subsystem request for ",
        "Connection from ",
        "User child is on pid ",
        "Exiting on signal",
        "reverse mapping checking getaddrinfo for ",
        "Address ",
        "Nasty PTR record ",
        "input_userauth_request: ",
        "Postponed ",
        "pam_unix(sshd:session): session opened for user ",
        "pam_unix(sshd:session): session closed for user ",
        "pam_unix(sshd:auth): check pass; user unknown",
        "session opened for user ",
        "session closed for user ",
        "check pass; user unknown",
        "pam_systemd(sshd:session): ",
        "pam_lastlog(sshd:session): ",
        "pam_env(sshd:",
        "Read from socket failed: ",
        "Timeout, client not responding",
        "Set /proc/self/oom_score_adj ",
        "Could not write ident string",
        "Changed root directory to ",
        "syslogin_perform_logout: ",
        "Failed to release session: ",
        "Accepted key ",
        "Authentication refused: ",
        "Corrupted MAC on input.",
        "Starting sshd",
        "Server terminated",
        "pam_unix(sshd:account): ",
        "Could not load host key",
        "PAM service(",
        "Partial ",
        "Root login accepted for forced command",
        "Read error from remote host ",
        "Write failed: ",
        "Bad packet length ",
        "Disconnecting: bad client public DH value",
        "debug1: ",
        "debug2: ",
        "debug3: ",
        "Could not stat AuthorizedKeysCommand",
    ]

    /// The prefixes by their first byte (ASCII; none starts with another byte), so a line is compared only
    /// with the few that can match it rather than with all of them.
    static let prefixesByFirstByte: [[StaticString]] = (0..<128).map { byte in
        prefixes.filter { $0.utf8Start[0] == UInt8(byte) }
    }

    static func isNoise(_ text: Bytes) -> Bool {
        if isUnknownUserCheck(text) { return true }
        guard let first = text.first, first < 128 else { return false }
        return prefixesByFirstByte[Int(first)].contains { text.hasPrefix($0) }
    }

    /// `pam_unix(sshd:auth): check pass; user unknown` (one of `prefixes`), the noise line a brute force
    /// writes most (one an invalid user's password), compared in registers (`hasPrefix` splits the literal
    /// at 32 bytes) before the look-up by first byte and its calls to `memcmp`: about 15 instructions instead
    /// of 100.
    @inline(__always)
    static func isUnknownUserCheck(_ text: Bytes) -> Bool {
        text.hasPrefix("pam_unix(sshd:auth): check pass; user unknown")
    }
}
