/// The gzip reader (multi-member, damaged, truncated, trailing garbage) behind the line splitter (line cap,
/// NUL runs), reading the input from a file as it would a log file.
@testable import LogscanCore
import Glibc

/// One unlinked temporary file, rewritten for each input.
let scratchFile: Int32 = {
    var template = Array("/tmp/logscan-fuzz-XXXXXX".utf8CString)
    let fd = mkstemp(&template)
    guard fd >= 0 else { fatalError("mkstemp failed") }
    unlink(template)
    return fd
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let fd = scratchFile
    ftruncate(fd, 0)
    if let data, size > 0 { _ = pwrite(fd, data, size, 0) }
    lseek(fd, 0, SEEK_SET)
    let input = PrefetchedInput(fd: fd)
    var splitter = LineSplitter(capacity: 1 << 18)
    defer { splitter.deallocate() }
    var total = 0
    if input.isGzip {
        var producer = GzipChunks(input: input)
        total +|= splitter.forEachLine(of: &producer) { total +|= $0.count }
        if let damage = producer.damage { total +|= damage.utf8.count }
        producer.close()
    } else {
        var producer = PlainChunks(input: input)
        total +|= splitter.forEachLine(of: &producer) { total +|= $0.count }
    }
    Fuzz.sink = Fuzz.sink &+ total +| splitter.cutLines
    return 0
}
