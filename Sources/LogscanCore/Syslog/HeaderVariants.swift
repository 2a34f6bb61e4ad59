/// The less common shapes of a syslog header, kept apart from the common path of `SyslogHeaderParser`:
/// each is tried only after a cheap byte check fails the usual form.
enum HeaderVariants {
    /// `auth.info` or `authpriv.notice` between host and tag, as syslog-ng's `$FACILITY.$LEVEL` templates
    /// and BSD syslogd's `-v` write it: lower-case letters, one dot, lower-case letters.
    static func isFacilityLevel(_ token: Bytes) -> Bool {
        guard token.count >= 6, token.count <= 20, let dot = token.firstIndex(of: UInt8(ascii: ".")),
              dot >= 2, dot <= token.count - 3 else { return false }
        for i in 0..<token.count where i != dot {
            guard token[i] >= UInt8(ascii: "a") && token[i] <= UInt8(ascii: "z") else { return false }
        }
        return true
    }

    /// `[sshd]:`, a tag in brackets with no pid, as some embedded syslog daemons write it; the name starts
    /// with a letter (`[::1]:` or `[12]:` is not a tag).
    static func bracketedTag(_ token: Bytes) -> (Bytes, Int32)? {
        guard token.count >= 4, token[token.count - 2] == UInt8(ascii: "]") else { return nil }
        let name = token.slice(1, token.count - 2)
        guard let first = name.first, (first | 0x20) >= UInt8(ascii: "a"), (first | 0x20) <= UInt8(ascii: "z"),
              name.firstIndex(of: UInt8(ascii: "[")) == nil, name.firstIndex(of: UInt8(ascii: "]")) == nil else {
            return nil
        }
        return (name, -1)
    }

    /// Dovecot 1.x's own log file puts the level before the process: `Info: imap-login: Login: …`. The level
    /// was read as a host-less tag; the process that follows it is the real one.
    /// (Called only for a line without a host.)
    static func skipLevelBeforeTag(program: inout Bytes, pid: inout Int32, message: inout Bytes) {
        guard pid < 0, isLevel(program), let space = message.firstIndex(of: UInt8(ascii: " ")),
              let tag = SyslogHeaderParser.parseTag(message.prefix(space)) else { return }
        (program, pid) = tag
        message = message.suffix(from: space + 1)
    }

    static func isLevel(_ word: Bytes) -> Bool {
        word.equals("Info") || word.equals("Warning") || word.equals("Warn") || word.equals("Error")
            || word.equals("Fatal") || word.equals("Panic") || word.equals("Debug")
    }

    /// A kernel-style uptime stamp (`[  970.699396] `) that a relay or a console logger put in front of the
    /// message: seconds and a fraction, padded with spaces, in brackets.
    static func dropUptimeStamp(_ line: inout SyslogLine) {
        let message = line.message
        guard message.first == UInt8(ascii: "["), let close = message.firstIndex(of: UInt8(ascii: "]")),
              close >= 4, close + 1 < message.count, message[close + 1] == UInt8(ascii: " ") else { return }
        var i = 1
        while i < close && message[i] == UInt8(ascii: " ") { i += 1 }
        let digitsStart = i
        while i < close && isDigit(message[i]) { i += 1 }
        guard i > digitsStart, i < close, message[i] == UInt8(ascii: ".") else { return }
        i += 1
        let fractionStart = i
        while i < close && isDigit(message[i]) { i += 1 }
        guard i == close, i > fractionStart else { return }
        line.message = message.dropFirst(close + 2)
    }
}
