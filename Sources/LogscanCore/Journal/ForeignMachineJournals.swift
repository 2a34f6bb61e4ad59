#if canImport(Glibc)
import Glibc
#endif

/// Journal files that plain `journalctl` never shows: journald keeps each machine's files in a folder named
/// for its machine id, and `journalctl` without `--directory` reads only this machine's. After a restore, a
/// cloned image or a copied disk, the system journal folder can hold only another id's files; logscan would
/// then read nothing, so it says so instead, with the option that reads them.
enum ForeignMachineJournals {
    /// This machine's id from `/etc/machine-id`, or nil when it has none.
    static func thisMachine(path: String = "/etc/machine-id") -> String? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 64)
        guard fgets(&buffer, Int32(buffer.count), file) != nil else { return nil }
        let bytes = buffer.prefix { $0 != 0 && $0 != 10 }.map { UInt8(bitPattern: $0) }
        let id = String(decoding: bytes, as: UTF8.self)
        return isMachineID(id) ? id : nil
    }

    /// The warning when every file lies in another machine's folder; nil when some are this machine's (or
    /// its id is unknown, or the files are not in machine folders at all).
    static func hint(files: [String], machineID: String?) -> String? {
        guard let machineID else { return nil }
        let owners = files.map(owner)
        guard !owners.isEmpty, owners.allSatisfy({ $0 != nil && $0 != machineID }) else { return nil }
        let others = Array(Set(owners.compactMap { $0 })).sorted()
        let listed = others.prefix(3).joined(separator: ", ") + (others.count > 3 ? ", …" : "")
        let folders = Array(Set(files.map(grandparent))).sorted()
        let counted = files.count == 1 ? "its journal file is" : "all \(files.count) of its journal files are"
        return "\(counted) another machine's (machine id \(listed)), not this one's (\(machineID)), "
            + "and plain journalctl reads only this machine's: read "
            + (files.count == 1 ? "it" : "them") + " with "
            + folders.map { "--journal-dir \($0)" }.joined(separator: " or ")
    }

    /// The machine id whose folder holds `path`, or nil when its folder is not named like one.
    private static func owner(_ path: String) -> String? {
        let parts = path.split(separator: "/")
        guard parts.count >= 2 else { return nil }
        let folder = String(parts[parts.count - 2])
        return isMachineID(folder) ? folder : nil
    }

    private static func grandparent(_ path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return parts.dropLast(2).joined(separator: "/")
    }

    /// 32 lowercase hexadecimal digits, as systemd writes it.
    private static func isMachineID(_ text: String) -> Bool {
        text.utf8.count == 32 && text.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
    }
}
