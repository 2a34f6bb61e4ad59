/// Receives an input's lines from `LineSplitter`. The splitter is specialised for each consumer type, so a
/// line reaches the pipeline by a direct call (through closures it cost two thunks a line; bench/RESULTS.md,
/// round four, second pass). Usable from inline code, so sinks of other modules (`logscan ban`'s tally, the
/// `events` printer) get the same direct calls when cross-module optimisation specialises the reading.
@usableFromInline
protocol LineConsumer {
    /// One line without its `\n` or `\r\n`: `length` is its bytes in the input (its line end, the NULs
    /// skipped before it and any bytes cut off included), `cut` whether it was cut at
    /// `LineSplitter.maxLineBytes`. Returns false to stop reading.
    mutating func take(_ line: Bytes, length: Int, cut: Bool) -> Bool
    /// The end of a gzip member, after the member's complete lines.
    mutating func memberEnded(_ end: GzipMemberEnd)
}

/// Closures as a consumer, for the callers that pass them (tests, a chunk's reading).
struct ClosureLines: LineConsumer {
    let body: (Bytes, Int, Bool) -> Bool
    let ended: (GzipMemberEnd) -> Void

    mutating func take(_ line: Bytes, length: Int, cut: Bool) -> Bool { body(line, length, cut) }
    mutating func memberEnded(_ end: GzipMemberEnd) { ended(end) }

    /// Runs `read` with a consumer that calls `body` for each line and `memberEnded` at a member's end.
    static func with<R>(memberEnded: (GzipMemberEnd) -> Void, _ body: (Bytes, Int, Bool) -> Bool,
                        _ read: (inout ClosureLines) -> R) -> R {
        withoutActuallyEscaping(memberEnded) { ended in
            withoutActuallyEscaping(body) { body in
                var consumer = ClosureLines(body: body, ended: ended)
                return read(&consumer)
            }
        }
    }
}
