import CByteScan
#if canImport(Glibc)
import Glibc
#endif

/// A program started with `posix_spawn`: standard input from /dev/null, standard output on a pipe for the
/// caller to read, standard error into an unlinked temporary file (so a chatty stderr can never block it
/// while its output is being read). Every descriptor is close-on-exec, so children started at the same time
/// on other threads do not hold each other's pipes open.
final class ChildProcess {
    let pid: pid_t
    /// The read end of the child's standard output.
    let output: Int32
    private let errorFile: Int32
    private var outputClosed = false

    /// How a child ended.
    enum Termination: Equatable {
        case exited(Int32)
        case signalled(Int32)
    }

    struct StartFailure: Error {
        var message: String
    }

    init(executable: String, arguments: [String]) throws(StartFailure) {
        var pipeEnds: [Int32] = [-1, -1]
        guard logscan_pipe2(&pipeEnds, O_CLOEXEC) == 0 else { throw StartFailure(message: "pipe: \(ChildProcess.lastError)") }
        // A 1 MB pipe (Linux's F_SETPIPE_SZ, 1031; the default limit for unprivileged users) instead of 64 KB:
        // fewer switches between the writer and the reader. Failing is harmless.
        _ = fcntl(pipeEnds[1], 1031, Int32(1 << 20))
        var template = Array(((getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp") + "/logscan-stderr-XXXXXX").utf8CString)
        let errorFile = template.withUnsafeMutableBufferPointer { logscan_mkostemp($0.baseAddress!, O_CLOEXEC) }
        guard errorFile >= 0 else {
            close(pipeEnds[0])
            close(pipeEnds[1])
            throw StartFailure(message: "temporary file: \(ChildProcess.lastError)")
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errorFile, 2)

        // The child gets default signal handling and an empty mask, whatever this process set up.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let status = (argv + [nil]).withUnsafeBufferPointer {
            posix_spawn(&child, executable, &actions, &attributes, $0.baseAddress!, environ)
        }
        close(pipeEnds[1])
        guard status == 0 else {
            close(pipeEnds[0])
            close(errorFile)
            throw StartFailure(message: "cannot run \(executable): \(String(cString: strerror(status)))")
        }
        pid = child
        output = pipeEnds[0]
        self.errorFile = errorFile
    }

    /// Closes the output (a child still writing then stops on a broken pipe), waits for the child, and
    /// returns how it ended with the start of what it wrote on standard error.
    func wait() -> (Termination, errorText: String) {
        if !outputClosed {
            close(output)
            outputClosed = true
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let termination: Termination = status & 0x7F == 0 ? .exited((status >> 8) & 0xFF) : .signalled(status & 0x7F)
        var text = [UInt8](repeating: 0, count: 8192)
        let n = text.withUnsafeMutableBytes { pread(errorFile, $0.baseAddress, $0.count, 0) }
        close(errorFile)
        return (termination, String(decoding: text.prefix(max(0, n)), as: UTF8.self))
    }

    static var lastError: String { String(cString: strerror(errno)) }
}
