#if canImport(Glibc)
import Glibc
#endif

/// Opens an input without ever blocking, and refuses what is not a log file.
///
/// `open` runs with `O_NONBLOCK`, so a FIFO without a writer cannot hang it; `fstat` then tells what was
/// opened: a regular file or a FIFO (`logscan <(zcat old.gz)`) is read, a FIFO in blocking mode, where a
/// read returns end-of-file at once when no writer is there; a device (`/dev/zero`, `/dev/urandom`, a
/// terminal), a socket or a directory is refused. What `fstat` saw is kept, so a file that shrinks or is
/// replaced while it is read can be told afterwards (`changeDuringRead`).
struct OpenedInput {
    let fd: Int32
    let isFIFO: Bool
    let device: UInt64
    let inode: UInt64
    let size: Int64

    /// Opens `path` (a C string, so a name that is not UTF-8 opens too); the error is the warning to give.
    static func open(_ path: UnsafePointer<CChar>) -> Result<OpenedInput, OpenRefusal> {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            var info = stat()
            if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
                return .failure(OpenRefusal("not read: it is \(describe(info.st_mode & S_IFMT)), not a log file"))
            }
            return .failure(OpenRefusal("cannot open: \(reason)"))
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            return .failure(OpenRefusal("cannot read its type: \(reason)"))
        }
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG || type == S_IFIFO else {
            close(fd)
            return .failure(OpenRefusal("not read: it is \(describe(type)), not a log file"))
        }
        // Reads block again (a FIFO waits for its writer's data; a regular file never waits).
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return .success(OpenedInput(fd: fd, isFIFO: type == S_IFIFO, device: UInt64(info.st_dev),
                                    inode: UInt64(info.st_ino), size: Int64(info.st_size)))
    }

    /// How the file at `path` changed while `bytesRead` bytes were read from this descriptor: nil when it
    /// did not shrink and was not replaced. Growing (a live log being appended to) is normal and not a
    /// problem: the lines up to where the read ended are counted.
    func changeDuringRead(path: UnsafePointer<CChar>, bytesRead: Int) -> String? {
        guard !isFIFO else { return nil }
        if let shrinkage = shrinkage(bytesRead: bytesRead) { return shrinkage }
        var current = stat()
        if stat(path, &current) == 0, UInt64(current.st_dev) != device || UInt64(current.st_ino) != inode {
            return "was replaced while being read (rotated?): the file that was open was read, the new one was not"
        }
        return nil
    }

    /// How the file shrank since it was opened, when `bytesRead` bytes from offset 0 (or nil: from elsewhere)
    /// were read: nil when it did not.
    func shrinkage(bytesRead: Int?) -> String? {
        guard !isFIFO else { return nil }
        var now = stat()
        if fstat(fd, &now) == 0, Int64(now.st_size) < size {
            return "shrank while being read (from \(size) to \(now.st_size) bytes; truncated by logrotate's copytruncate?): lines past the cut were lost"
        }
        if let bytesRead, Int64(bytesRead) < size {
            return "shrank while being read (\(bytesRead) of \(size) bytes could be read): lines past the cut were lost"
        }
        return nil
    }

    static func describe(_ type: mode_t) -> String {
        switch type {
        case S_IFDIR: return "a directory"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        case S_IFIFO: return "a FIFO"
        default: return "not a regular file"
        }
    }
}

/// Why an input was not read: the text of its warning.
struct OpenRefusal: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
