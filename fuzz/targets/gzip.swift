/// The gzip reader (multi-member, damaged, truncated, trailing garbage) behind the line splitter (line cap,
/// NUL runs), reading the input from a file as it would a log file.
@testable import LogscanCore
import Glibc

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let fd = Fuzz.inputFile(data, size)
    let input = PrefetchedInput(fd: fd)
    var splitter = LineSplitter(capacity: 1 << 18)
    defer { splitter.deallocate() }
    var total = 0
    if input.isGzip {
        var producer = GzipChunks(input: input)
        total +|= splitter.forEachLine(of: &producer) { line, _, _ in total +|= line.count; return true }
        if let damage = producer.damage { total +|= damage.utf8.count }
        producer.close()
    } else {
        var producer = PlainChunks(input: input)
        total +|= splitter.forEachLine(of: &producer) { line, _, _ in total +|= line.count; return true }
    }
    Fuzz.sink = Fuzz.sink &+ total +| splitter.cutLines
    return 0
}
