#if canImport(Glibc)
import Glibc
#endif

/// Reads one journal input through the real journalctl (`-o export`) and hands each entry to the
/// pipeline as a syslog line, straight from the pipe's bytes.
struct JournalReader {
    let query: JournalQuery
    let range: TimeRange
    let progress: ProgressCounter?

    static let missingJournalctl = "journalctl is not on the PATH: install systemd (the package that provides "
        + "journalctl), or copy the journal files to a host that has it and use --journal-dir there"

    func forEachEntry(of source: InputSource, _ body: (SyslogLine, Bytes) -> Void) -> ReadResult {
        var result = ReadResult()
        guard let journalctl = JournalQuery.locateJournalctl() else {
            result.problem = JournalReader.missingJournalctl
            return result
        }
        let arguments = query.exportArguments(source, range: range, identifiers: identifiers(journalctl, source))
        let child: ChildProcess
        do {
            child = try ChildProcess(executable: journalctl, arguments: arguments)
        } catch {
            result.problem = error.message
            return result
        }
        var reader = ExportEntryReader(progress: progress)
        var writer = JournalLineWriter()
        defer {
            reader.deallocate()
            writer.deallocate()
        }
        reader.forEachEntry(of: child.output) { fields, _ in
            let (line, raw) = writer.line(fields)
            body(line, raw)
        }
        let (termination, errorText) = child.wait()
        result.rawBytes = reader.bytesRead
        result.problem = JournalDiagnosis.problem(termination, errorText: errorText, damage: reader.damage)
        return result
    }

    /// The SYSLOG_IDENTIFIER values the journal holds, from its field index (empty if journalctl fails:
    /// the export run then reports the problem).
    private func identifiers(_ journalctl: String, _ source: InputSource) -> [String] {
        guard let child = try? ChildProcess(executable: journalctl, arguments: JournalQuery.identifierArguments(source)) else {
            return []
        }
        var text: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 64 << 10)
        while text.count < 4 << 20 {
            let n = block.withUnsafeMutableBytes { read(child.output, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            text += block.prefix(n)
        }
        _ = child.wait()
        return text.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
    }
}
