import Dispatch
import LogscanCore
#if canImport(Glibc)
import Glibc
#endif

/// One live line on stderr for long runs at a terminal: inputs done, MB read, MB/s and time left. It
/// appears after a second, redraws four times a second, and is erased at the end. Nothing is shown when
/// stderr is not a terminal (pipes, cron) or with `--quiet`.
final class ProgressLine: @unchecked Sendable {
    let counter = ProgressCounter()
    private let totalBytes: Int
    private let totalFiles: Int
    private let timer: DispatchSourceTimer?
    private let queue = DispatchQueue(label: "logscan.progress")
    private let started = Instant.now
    private var shown = false

    init(plan: InputPlan, enabled: Bool) {
        totalBytes = plan.inputs.reduce(0) { $0 + Int($1.size ?? 0) }
        totalFiles = plan.inputs.count
        guard enabled, isatty(2) == 1 else {
            timer = nil
            return
        }
        let timer = DispatchSource.makeTimerSource(queue: queue)
        self.timer = timer
        timer.schedule(deadline: .now() + 1, repeating: .milliseconds(250))
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.resume()
    }

    /// Stops the timer and erases the line.
    func finish() {
        guard let timer else { return }
        timer.cancel()
        queue.sync {
            if shown { write("\r\u{1B}[K") }
        }
    }

    private func draw() {
        let seconds = Double(Instant.now.micros - started.micros) / 1_000_000
        let read = counter.bytesRead
        let rate = Double(read) / max(seconds, 0.001)
        var text = "\r\u{1B}[K[\(counter.filesDone)/\(totalFiles) files] \(megabytes(read))"
        if totalBytes > 0 { text += " of \(megabytes(totalBytes))" }
        text += ", \(Int(rate / 1_000_000)) MB/s"
        if totalBytes > read && rate > 0 {
            text += ", about \(Int((Double(totalBytes - read) / rate).rounded(.up))) s left"
        }
        write(text)
        shown = true
    }

    private func megabytes(_ bytes: Int) -> String { "\(bytes / 1_000_000) MB" }

    private func write(_ text: String) {
        _ = text.utf8CString.withUnsafeBufferPointer { Glibc.write(2, $0.baseAddress, $0.count - 1) }
    }
}
