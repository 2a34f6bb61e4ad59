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
        var names = PathNames()
        if paths.isEmpty {
            plan.usedSystemDefaults = true
            for pattern in systemLogs { files += glob(pattern, &names).filter { isRegularFile($0, names) } }
        }
        for argument in paths {
            let path = names.fromCommandLine(argument) ?? argument
            if path == "-" {
                plan.inputs.append(.standardInput)
            } else if isDirectory(path, names) {
                let scan = DirectoryScan(path, names: &names)
                let (found, copies) = withoutMailCopies(scan.files)
                let (logs, unknown) = KnownLogNames.split(found)
                plan.ignored += unknown.sorted()
                if logs.isEmpty && scan.problems.isEmpty { plan.problems.append((path, KnownLogNames.noneInDirectory)) }
                files += logs
                plan.skipped += copies.compactMap { inputSource(at: $0, names) }.map { InputPlan.Skip(source: $0, reason: "repeats mail.log") }
                plan.skipped += scan.notFiles.map {
                    InputPlan.Skip(source: InputSource(path: $0.name, kind: .file, size: nil, modified: nil,
                                                       rawPath: names.bytes(of: $0.name)), reason: $0.reason)
                }
                plan.problems += scan.problems
            } else if exists(path, names) {
                files.append(path)
            } else if path.contains(where: { "*?[".contains($0) }) {
                let matches = glob(path, &names).filter { isRegularFile($0, names) }
                if matches.isEmpty { plan.problems.append((path, "no files match")) }
                files += matches
            } else {
                plan.problems.append((path, "no such file or directory"))
            }
        }
        var seen = Set<String>()
        for path in RotationOrder.sorted(files) where seen.insert(path).inserted {
            guard let source = inputSource(at: path, names) else {
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

    static func inputSource(at path: String, _ names: PathNames = PathNames()) -> InputSource? {
        var info = stat()
        guard names.withFileSystemPath(path, { stat($0, &info) == 0 && access($0, R_OK) == 0 }) else { return nil }
        let modified = Instant(micros: Int64(info.st_mtim.tv_sec) * 1_000_000 + Int64(info.st_mtim.tv_nsec) / 1000)
        return InputSource(path: path, kind: .file, size: Int64(info.st_size), modified: modified,
                           rawPath: names.bytes(of: path))
    }

    /// The paths matching `pattern`; names that are not UTF-8 are kept in `names`.
    static func glob(_ pattern: String, _ names: inout PathNames) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
        return (0..<Int(result.gl_pathc)).compactMap { index in
            result.gl_pathv[index].map { path in
                names.name(Array(UnsafeBufferPointer(start: UnsafeRawPointer(path).assumingMemoryBound(to: UInt8.self),
                                                     count: strlen(path))))
            }
        }
    }

    /// The paths matching `pattern`, for callers that keep no names (journal files: journalctl takes them as text).
    static func glob(_ pattern: String) -> [String] {
        var names = PathNames()
        return glob(pattern, &names)
    }

    static func exists(_ path: String, _ names: PathNames = PathNames()) -> Bool {
        var info = stat()
        return names.withFileSystemPath(path) { lstat($0, &info) } == 0
    }

    static func isDirectory(_ path: String, _ names: PathNames = PathNames()) -> Bool {
        var info = stat()
        return names.withFileSystemPath(path) { stat($0, &info) } == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    static func isRegularFile(_ path: String, _ names: PathNames = PathNames()) -> Bool {
        var info = stat()
        return names.withFileSystemPath(path) { stat($0, &info) } == 0 && info.st_mode & S_IFMT == S_IFREG
    }
}
