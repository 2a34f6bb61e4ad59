import LogscanCore
#if canImport(Glibc)
import Glibc
#endif

/// What the person at the terminal should know about the chosen inputs, on stderr: files left out of a
/// directory, and how to read logs that only root and the `adm` group may read.
enum InputNotes {
    static func tell(_ plan: InputPlan, quiet: Bool) {
        if !plan.ignored.isEmpty && !quiet {
            let names = plan.ignored.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
            Diagnostics.say("not read (not \(KnownLogNames.summary); name a file to read it): "
                + names.joined(separator: ", "))
        }
        if plan.problems.contains(where: { $0.message.contains(permissionDenied) }) && geteuid() != 0 {
            Diagnostics.say(permissionHint)
        }
    }

    static let permissionDenied = String(cString: strerror(EACCES))

    static let permissionHint = "hint: system logs are readable by root, and on Debian and Ubuntu by the adm group: "
        + "run logscan with sudo, or join the group (sudo adduser $USER adm, then log in again)."
}
