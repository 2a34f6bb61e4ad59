import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// Standard input is read only when named with `-`. Without paths logscan reads the system's logs even when
/// stdin is a pipe (cron and ssh hand every command one), but when data is waiting there, as in
/// `zcat auth.log.2.gz | logscan`, the user meant it: that is a usage error that shows the `-`.
enum StandardInputCheck {
    static func validate(paths: [String]) throws {
        guard paths.isEmpty, hasWaitingData() else { return }
        throw ValidationError("standard input holds data, but logscan reads it only when told to with '-': "
            + "... | logscan - (without paths it reads the system's logs)")
    }

    /// A non-empty regular file, or a pipe or socket with bytes ready within a moment.
    static func hasWaitingData() -> Bool {
        var info = stat()
        guard fstat(0, &info) == 0 else { return false }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            return info.st_size > lseek(0, 0, SEEK_CUR)
        case S_IFIFO, S_IFSOCK:
            var waiting = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            guard poll(&waiting, 1, 200) == 1 else { return false }
            var available: Int32 = 0
            return ioctl(0, UInt(FIONREAD), &available) == 0 && available > 0
        default:
            return false
        }
    }
}
