import Testing
@testable import LogscanCore

/// The line splitter's bounds: a line past the cap is cut and its rest skipped, leading NULs are skipped,
/// and every line's length in the input stays exact (chunked reading depends on it), whatever the reads.
@Suite struct LineSplitterTests {
    /// Hands out `bytes` in reads of `step` bytes.
    struct ArrayProducer: ChunkProducer {
        var bytes: [UInt8]
        var step: Int
        var offset = 0
        var damage: String? = nil
        var rawBytesRead: Int { offset }

        mutating func fill(_ buffer: UnsafeMutablePointer<UInt8>, capacity: Int) -> Int {
            let n = min(step, capacity, bytes.count - offset)
            bytes.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress! + offset, count: n) }
            offset += n
            return n
        }
    }

    struct Line: Equatable {
        var text: [UInt8]
        var length: Int
        var cut: Bool
    }

    func split(_ bytes: [UInt8], step: Int, capacity: Int = 1 << 18) -> (lines: [Line], cut: Int) {
        var producer = ArrayProducer(bytes: bytes, step: step)
        var splitter = LineSplitter(capacity: capacity)
        defer { splitter.deallocate() }
        var lines: [Line] = []
        _ = splitter.forEachLine(of: &producer) { line, length, cut in
            lines.append(Line(text: line.array, length: length, cut: cut))
            return true
        }
        return (lines, splitter.cutLines)
    }

    @Test(arguments: [1, 7, 4096, 1 << 17])
    func overlongLineIsCutAndItsRestSkipped(step: Int) {
        let cap = LineSplitter.maxLineBytes
        let input = Array("first\n".utf8) + [UInt8](repeating: 0x41, count: 3 * cap + 5) + Array("\nlast\r\n".utf8)
        let (lines, cut) = split(input, step: step)
        #expect(lines.count == 3)
        #expect(lines[0] == Line(text: Array("first".utf8), length: 6, cut: false))
        #expect(lines[1].text.count == cap && lines[1].cut)
        #expect(lines[1].length == 3 * cap + 6)
        #expect(lines[2] == Line(text: Array("last".utf8), length: 6, cut: false))
        #expect(cut == 1)
        #expect(lines.reduce(0) { $0 + $1.length } == input.count, "lengths add up to the input")
    }

    @Test(arguments: [3, 1000, 1 << 17])
    func leadingNULsAreSkippedAndCounted(step: Int) {
        let input = [UInt8](repeating: 0, count: 300_000) + Array("Nov 27 04:50:37 web1 x\n\0\0y".utf8)
        let (lines, cut) = split(input, step: step)
        #expect(lines.map(\.text) == [Array("Nov 27 04:50:37 web1 x".utf8), Array("y".utf8)])
        #expect(cut == 0, "a NUL run is skipped, not held as a line")
        #expect(lines.reduce(0) { $0 + $1.length } == input.count)
    }

    @Test func overlongLastLineWithoutNewline() {
        let input = Array("a\n".utf8) + [UInt8](repeating: 0x42, count: 200_000)
        let (lines, cut) = split(input, step: 50_000)
        #expect(lines.count == 2)
        #expect(lines[1].cut && lines[1].text.count == LineSplitter.maxLineBytes && lines[1].length == 200_000)
        #expect(cut == 1)
    }

    @Test func overlongLineInsideOneReadIsCutToo() {
        let input = [UInt8](repeating: 0x44, count: LineSplitter.maxLineBytes + 1) + Array("\nz\n".utf8)
        let (lines, cut) = split(input, step: 1 << 20, capacity: 1 << 20)
        #expect(lines.map(\.text.count) == [LineSplitter.maxLineBytes, 1])
        #expect(lines[0].cut && lines[0].length == LineSplitter.maxLineBytes + 2)
        #expect(cut == 1)
    }

    @Test func lineOfExactlyTheCapIsWhole() {
        let input = [UInt8](repeating: 0x43, count: LineSplitter.maxLineBytes) + [0x0A]
        let (lines, cut) = split(input, step: 10_000)
        #expect(lines.count == 1 && !lines[0].cut && lines[0].text.count == LineSplitter.maxLineBytes)
        #expect(cut == 0)
    }
}
