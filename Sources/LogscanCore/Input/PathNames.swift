#if canImport(Glibc)
import Glibc
#endif

/// File names as the file system gives them: bytes. A name that is valid UTF-8 travels as its `String`;
/// one that is not (a `String` cannot hold it) travels as its `SafeText` form, with the bytes kept in
/// this table, so it is opened by its real name and shown escaped, never mistaken for a missing file.
public struct PathNames: Sendable {
    private var raw: [String: [UInt8]] = [:]

    public init() {}

    /// The text for `bytes`, remembering the bytes when they are not UTF-8.
    public mutating func name(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let shown = SafeText.from(bytes)
        raw[shown] = bytes
        return shown
    }

    /// The bytes of a name that is not UTF-8.
    public func bytes(of name: String) -> [UInt8]? { raw[name] }

    /// Runs `body` with the name as the file system knows it.
    public func withFileSystemPath<R>(_ name: String, _ body: (UnsafePointer<CChar>) -> R) -> R {
        InputSource(path: name, kind: .file, size: nil, modified: nil, rawPath: raw[name]).withFileSystemPath(body)
    }

    /// A command-line path that the runtime decoded with U+FFFD replacements: the raw argument it came from.
    public mutating func fromCommandLine(_ path: String) -> String? {
        guard path.unicodeScalars.contains("\u{FFFD}") else { return nil }
        for index in 1..<Int(CommandLine.argc) {
            guard let argument = CommandLine.unsafeArgv[index] else { continue }
            let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(argument).assumingMemoryBound(to: UInt8.self),
                                                  count: strlen(argument)))
            if String(validating: bytes, as: UTF8.self) == nil && String(decoding: bytes, as: UTF8.self) == path {
                return name(bytes)
            }
        }
        return nil
    }
}

/// The entries of one scanned directory, sorted into what is read and what is not, each with the reason.
struct DirectoryScan {
    var files: [String] = []
    /// Entries that are there but are no log files to read: FIFOs, sockets, devices.
    var notFiles: [(name: String, reason: String)] = []
    /// Entries or the directory itself that could not be looked at.
    var problems: [(path: String, message: String)] = []

    /// Regular, non-hidden files of `directory` that are not binary login records or journal files.
    init(_ directory: String, names: inout PathNames) {
        let directoryBytes = names.bytes(of: directory) ?? Array(directory.utf8)
        guard let handle = names.withFileSystemPath(directory, { opendir($0) }) else {
            problems.append((directory, "cannot read the directory: \(String(cString: strerror(errno)))"))
            return
        }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let nameBytes = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix(while: { $0 != 0 })) }
            let name = String(decoding: nameBytes, as: UTF8.self)
            guard !name.hasPrefix("."), !["wtmp", "btmp", "lastlog", "faillog"].contains(where: name.hasPrefix),
                  !name.hasSuffix(".journal") else { continue }
            let separator: [UInt8] = directoryBytes.last == UInt8(ascii: "/") ? [] : [UInt8(ascii: "/")]
            let path = names.name(directoryBytes + separator + nameBytes)
            var info = stat()
            guard names.withFileSystemPath(path, { stat($0, &info) }) == 0 else {
                let reason = errno
                var link = stat()
                let dangling = reason == ENOENT && names.withFileSystemPath(path, { lstat($0, &link) }) == 0
                problems.append((path, dangling ? "a dangling symbolic link" : "cannot read: \(String(cString: strerror(reason)))"))
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFREG: files.append(path)
            case S_IFDIR: continue
            case let type: notFiles.append((path, "not a log file: \(OpenedInput.describe(type))"))
            }
        }
    }
}
