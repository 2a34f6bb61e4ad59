#if canImport(Glibc)
import Glibc
#endif

/// Which journal a journal input reads: the system's own (what plain `journalctl` shows), one file
/// (`journalctl --file`), or a directory of files (`journalctl --directory`).
public enum JournalScope: Sendable, Hashable {
    case system
    case file
    case directory
}

/// What the command line asked of the journal.
public struct JournalRequest: Sendable {
    public var system = false
    /// Paths or globs of `.journal` files; each is its own input, read by its own journalctl in parallel.
    public var files: [String] = []
    public var directory: String?

    public init(system: Bool = false, files: [String] = [], directory: String? = nil) {
        self.system = system
        self.files = files
        self.directory = directory
    }

    public var isEmpty: Bool { !system && files.isEmpty && directory == nil }
}

/// Turns a journal request into inputs, after checking what journalctl would only report vaguely: that the
/// files exist, and that this user may read them.
public enum JournalDiscovery {
    /// Where journald keeps the system journal: persistent, then volatile.
    public static let systemDirectories = ["/var/log/journal", "/run/log/journal"]

    static let permissionHint = "run as root or add yourself to the systemd-journal (or adm) group"

    public static func add(_ request: JournalRequest, to plan: inout InputPlan) {
        guard !request.isEmpty else { return }
        guard JournalQuery.locateJournalctl() != nil else {
            plan.problems.append(("journal", JournalReader.missingJournalctl))
            return
        }
        if request.system {
            addFolder(systemDirectories, scope: .system, path: "", to: &plan,
                      noFiles: "no journal files in /var/log/journal or /run/log/journal (journald keeps none here: "
                        + "Storage=none, or a container without journald)")
        }
        if let directory = request.directory {
            if InputDiscovery.isDirectory(directory) {
                addFolder([directory], scope: .directory, path: directory, to: &plan,
                          noFiles: "no journal files (*.journal) in this directory or its subdirectories")
            } else {
                plan.problems.append(("journal:" + directory, "no such directory"))
            }
        }
        var seen = Set<String>()
        for pattern in request.files {
            let matches = InputDiscovery.exists(pattern) ? [pattern] : InputDiscovery.glob(pattern)
            if matches.isEmpty {
                plan.problems.append(("journal:" + pattern, pattern.contains(where: { "*?[".contains($0) })
                    ? "no files match" : "no such file"))
            }
            for path in matches.sorted() where seen.insert(path).inserted {
                guard InputDiscovery.isRegularFile(path) else {
                    plan.problems.append(("journal:" + path, "not a journal file (use --journal-dir for a directory)"))
                    continue
                }
                guard access(path, R_OK) == 0 else {
                    plan.problems.append(("journal:" + path, "cannot read (\(String(cString: strerror(errno)))): \(permissionHint)"))
                    continue
                }
                plan.inputs.append(source(.file, path: path))
            }
        }
    }

    /// True when journald keeps files here, so auto mode can tell that the journal was left unread.
    public static func systemJournalExists() -> Bool {
        !journalFiles(in: systemDirectories).isEmpty
    }

    /// Adds a folder input, or says why not: no files at all, or none readable. Some unreadable files is a
    /// warning: the user sees only part of the journal (typically their own entries, not the system's).
    private static func addFolder(_ folders: [String], scope: JournalScope, path: String, to plan: inout InputPlan,
                                  noFiles: String) {
        let name = path.isEmpty ? "journal" : "journal:" + path
        let files = journalFiles(in: folders)
        guard !files.isEmpty else {
            plan.problems.append((name, noFiles))
            return
        }
        if scope == .system, let hint = ForeignMachineJournals.hint(files: files, machineID: ForeignMachineJournals.thisMachine()) {
            plan.problems.append((name, hint))
            return
        }
        let unreadable = files.filter { access($0, R_OK) != 0 }
        let systemFiles = files.filter { ($0.split(separator: "/").last ?? "").hasPrefix("system") }
        if scope == .system && !systemFiles.isEmpty && systemFiles.allSatisfy(unreadable.contains) {
            // Only the user's own journal is readable: it holds no sshd, postfix or dovecot entries.
            plan.problems.append((name, "this user may read only their own journal, not the system's: \(permissionHint)"))
            return
        }
        if unreadable.count == files.count {
            plan.problems.append((name, "none of its \(files.count) journal files is readable by this user: \(permissionHint)"))
            return
        }
        if !unreadable.isEmpty {
            plan.problems.append((name, "\(unreadable.count) of its \(files.count) journal files are not readable by this user, "
                + "so their entries (the system's, other users') are missing: \(permissionHint)"))
        }
        plan.inputs.append(source(scope, path: path))
    }

    static func source(_ scope: JournalScope, path: String) -> InputSource {
        InputSource(path: path, kind: .journal(scope), size: nil, modified: nil)
    }

    /// `*.journal` and `*.journal~` files in the folders and one level below (journald's `<machine-id>/`).
    static func journalFiles(in folders: [String]) -> [String] {
        var found: [String] = []
        for folder in folders {
            for entry in entries(of: folder) {
                if isJournalName(entry) && InputDiscovery.isRegularFile(entry) {
                    found.append(entry)
                } else if InputDiscovery.isDirectory(entry) {
                    found += entries(of: entry).filter { isJournalName($0) && InputDiscovery.isRegularFile($0) }
                }
            }
        }
        return found
    }

    private static func isJournalName(_ path: String) -> Bool {
        path.hasSuffix(".journal") || path.hasSuffix(".journal~")
    }

    private static func entries(of folder: String) -> [String] {
        guard let handle = opendir(folder) else { return [] }
        defer { closedir(handle) }
        var paths: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            guard name != ".", name != ".." else { continue }
            paths.append(folder.hasSuffix("/") ? folder + name : folder + "/" + name)
        }
        return paths
    }
}

extension InputPlan {
    /// A plan with no inputs yet, for a run that reads only journals.
    public static var empty: InputPlan { InputPlan() }
}
