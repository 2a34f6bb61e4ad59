#if canImport(Glibc)
import Glibc
#endif

/// A knob for the end-to-end tests only, so a test can truncate or replace a file while logscan reads it
/// without racing it (Tests/EndToEndTests/ChangingFilesTests.swift).
///
/// With `LOGSCAN_TEST_PAUSE_FIFO=PATH` in the environment, PATH being a FIFO the test made, each regular file
/// read whole pauses once: after its first bytes (the head read to recognise gzip, 64 KiB of a larger file)
/// and before its next read. It opens PATH for reading, which blocks until the test opens it for writing,
/// and reads until the test closes it. Unset (outside the tests) it costs one check per file; a PATH that is
/// not a FIFO is ignored. It is not in `--help`.
enum TestPause {
    private static let fifo: String? = getenv("LOGSCAN_TEST_PAUSE_FIFO").map { String(cString: $0) }

    static var isRequested: Bool { fifo != nil }

    /// Waits for the test to open and close the FIFO.
    static func wait() {
        guard let fifo else { return }
        var info = stat()
        guard stat(fifo, &info) == 0, info.st_mode & S_IFMT == S_IFIFO else { return }
        let fd = open(fifo, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        var byte: UInt8 = 0
        while read(fd, &byte, 1) > 0 {}
        close(fd)
    }
}
