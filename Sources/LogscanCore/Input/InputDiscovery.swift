#if canImport(Glibc)
import Glibc
#endif

/// Turns the command line's paths into the list of inputs to read.
public struct InputPlan: Sendable {
    public var inputs: [InputSource] = []
    /// Files left unread: their mtime shows they end before the range starts, or they repeat another
    /// input's lines.
    public var skipped: [Skip] = []

    public struct Skip: Sendable {
        public var source: InputSource
        public var reason: String
    }
    /// Paths that could not be used: missing, unreadable, or a glob that matched nothing.
    public var problems: [(path: String, message: String)] = []
    public var usedSystemDefaults = false
    /// Files inside a given directory that are not logs logscan knows (see `KnownLogNames`): not read.
    public var ignored: [String] = []
}

public enum InputDiscovery {
    /// The system's auth and mail logs: Debian and Ubuntu, then RHEL, then Dovecot's own files (`log_path`,
    /// `info_log_path`: with them set, Dovecot writes nothing to syslog).
    public static let systemLogs = ["/var/log/auth.log*", "/var/log/secure*", "/var/log/mail.log*", "/var/log/maillog*",
                                    "/var/log/dovecot.log*", "/var/log/dovecot-info.log*"]

    /// In a directory, files whose lines `mail.log` already holds (Debian's rsyslog writes mail lines to
    /// mail.log, to mail.info/mail.warn/mail.err by level, and to syslog).
    static let mailCopies = ["mail.info", "mail.warn", "mail.err", "syslog"]

    /// The reason given for a file skipped by its mtime.
    public static let olderThanRange = "last written before the range starts"

    /// A file last written more than this before `since` cannot hold lines in the range.
    static let mtimeSlackSeconds: Int64 = 300

    /// Files named in `paths` (`-` is stdin; directories give every log file inside; globs are expanded),
    /// or the system's auth logs when `paths` is empty. Rotated sets come oldest first.
    public static func plan(paths: [String], since: Instant?, systemLogs: [String] = systemLogs) -> InputPlan {
        var plan = InputPlan()
        var files: [String] = []
        if paths.isEmpty {
            plan.usedSystemDefaults = true
            for pattern in systemLogs { files += glob(pattern).filter { isRegularFile($0) } }
        }
        for path in paths {
            if path == "-" {
                plan.inputs.append(.standardInput)
            } else if isDirectory(path) {
                let (found, copies) = withoutMailCopies(logFiles(in: path))
                let (logs, unknown) = KnownLogNames.split(found)
                plan.ignored += unknown.sorted()
                if logs.isEmpty { plan.problems.append((path, KnownLogNames.noneInDirectory)) }
                files += logs
                plan.skipped += copies.compactMap { inputSource(at: $0) }.map { InputPlan.Skip(source: $0, reason: "repeats mail.log") }
            } else if exists(path) {
                files.append(path)
            } else if path.contains(where: { "*?[".contains($0) }) {
                let matches = glob(path).filter { isRegularFile($0) }
                if matches.isEmpty { plan.problems.append((path, "no files match")) }
                files += matches
            } else {
                plan.problems.append((path, "no such file or directory"))
            }
        }
        var seen = Set<String>()
        for path in RotationOrder.sorted(files) where seen.insert(path).inserted {
            guard let source = inputSource(at: path) else {
                plan.problems.append((path, "cannot read: \(String(cString: strerror(errno)))"))
                continue
            }
            if let since, let modified = source.modified, modified.adding(seconds: mtimeSlackSeconds) < since {
                plan.skipped.append(InputPlan.Skip(source: source, reason: olderThanRange))
            } else {
                plan.inputs.append(source)
            }
        }
        return plan
    }

    /// Splits off the files that repeat `mail.log`'s lines, when `mail.log` is there.
    static func withoutMailCopies(_ paths: [String]) -> (logs: [String], copies: [String]) {
        let base = { (path: String) in RotationOrder.key(for: path).base.split(separator: "/").last.map(String.init) ?? "" }
        guard paths.contains(where: { base($0) == "mail.log" }) else { return (paths, []) }
        let copies = paths.filter { mailCopies.contains(base($0)) }
        return (paths.filter { !mailCopies.contains(base($0)) }, copies)
    }

    /// Regular, non-hidden files of a directory that are not binary login records.
    static func logFiles(in directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            guard !name.hasPrefix("."), !["wtmp", "btmp", "lastlog", "faillog"].contains(where: name.hasPrefix),
                  !name.hasSuffix(".journal") else { continue }
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            if isRegularFile(path) { names.append(path) }
        }
        return names
    }

    static func inputSource(at path: String) -> InputSource? {
        var info = stat()
        guard stat(path, &info) == 0, access(path, R_OK) == 0 else { return nil }
        let modified = Instant(micros: Int64(info.st_mtim.tv_sec) * 1_000_000 + Int64(info.st_mtim.tv_nsec) / 1000)
        return InputSource(path: path, kind: .file, size: Int64(info.st_size), modified: modified)
    }

    static func glob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
        return (0..<Int(result.gl_pathc)).compactMap { result.gl_pathv[$0].map { String(cString: $0) } }
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }
}
