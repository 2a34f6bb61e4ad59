/// The files logscan reads when it is given a directory: auth, mail and syslog files in any rotated form
/// (`auth.log.1`, `auth.log.2.gz`, `secure-20261120`, `maillog-20261120.gz`). Everything else in the
/// directory (dpkg.log, a README, kern.log…) is left out and named on stderr; files named on the command
/// line are always read.
public enum KnownLogNames {
    /// Base names, after the rotation suffix is removed.
    static let bases: Set<String> = ["auth.log", "secure", "mail.log", "maillog", "messages", "syslog"]

    /// How the rule reads in messages.
    public static let summary = "auth.log*, secure*, mail.log*, maillog*, dovecot*.log*, messages*, syslog*"

    /// The problem reported for a directory that holds none of them (exit status 2).
    static let noneInDirectory = "no log files in this directory (logscan reads \(summary); name other files to read them)"

    /// True for a file name (or path) in one of the known sets.
    public static func isKnown(_ path: String) -> Bool {
        let base = RotationOrder.key(for: path).base
        let name = base.split(separator: "/").last.map(String.init) ?? base
        return bases.contains(name) || (name.hasPrefix("dovecot") && name.hasSuffix(".log"))
    }

    /// Splits a directory's files into the ones to read and the ones left out.
    static func split(_ paths: [String]) -> (known: [String], unknown: [String]) {
        (paths.filter(isKnown), paths.filter { !isKnown($0) })
    }
}
