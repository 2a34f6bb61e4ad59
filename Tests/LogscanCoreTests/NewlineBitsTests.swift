import CByteScan
import Testing
@testable import LogscanCore

/// The newline mask behind the line splitter (`logscan_newline_bits` by each of its paths, `NewlineWalk`, and
/// the splitter itself) held to a plain byte loop: every range of random and hostile buffers (NULs, `\r`,
/// bytes that differ from `\n` in one bit, newlines at block edges), every read size.
@Suite struct NewlineBitsTests {
    /// A buffer of `count` bytes, mostly newlines and their near misses.
    private func buffer(_ count: Int, seed: UInt64) -> [UInt8] {
        let alphabet: [UInt8] = [0x0A, 0x0A, 0x0A, 0x00, 0x0D, 0x0B, 0x08, 0x8A, 0x4A, 0x2A, 0x41, 0x20, 0xFF]
        var random = SplitMix64(state: seed)
        return (0..<count).map { _ in
            random.next(4) == 0 ? UInt8(random.next(256)) : alphabet[random.next(alphabet.count)]
        }
    }

    /// The limits checked for a start: every one up to 70 bytes past it, the block edges, the end.
    private func limits(from: Int, count: Int) -> Set<Int> {
        var limits = Set(from...min(count, from + 70))
        for edge in stride(from: 64, through: count, by: 64) where edge > from {
            limits.formUnion([edge - 1, edge, min(count, edge + 1)])
        }
        limits.insert(count)
        return limits
    }

    @Test func everyPathMarksExactlyTheNewlinesOfEveryRange() {
        let count = 256
        var paths = 0
        for path in Int32(0)...2 {
            var answered = false
            for seed in UInt64(1)...3 {
                let bytes = buffer(count, seed: seed)
                bytes.withUnsafeBufferPointer { bytes in
                    var words = [UInt64](repeating: 0, count: count / 64 + 1)
                    for from in 0...count {
                        for to in limits(from: from, count: count) {
                            for i in words.indices { words[i] = 0x5A5A_5A5A_5A5A_5A5A }
                            guard logscan_newline_bits_by(path, bytes.baseAddress!, from, to, &words) == 1 else { return }
                            answered = true
                            for i in words.indices {
                                let written = (from < to && i >= from / 64 && i < (to + 63) / 64) || i == to / 64
                                guard written else {
                                    #expect(words[i] == 0x5A5A_5A5A_5A5A_5A5A, "path \(path) wrote word \(i) of \(from)..<\(to)")
                                    continue
                                }
                                for j in 0..<64 {
                                    // The newlines of the range, and the sentinel at its end.
                                    let at = i * 64 + j
                                    let expected = at == to || (at < to && from < to && bytes[at] == 0x0A)
                                    #expect((words[i] >> j & 1 == 1) == expected, "path \(path) byte \(at) of \(from)..<\(to)")
                                }
                            }
                        }
                    }
                }
            }
            if answered { paths += 1 }
        }
        #if arch(x86_64)
        #expect(paths >= 2, "the byte loop and SSE2 at least")
        #endif
    }

    @Test func theWalkHandsOutEveryNewlineOfTheRangeInOrderThenItsEnd() {
        let count = 320
        let bits = NewlineBits(bytes: count)
        defer { bits.deallocate() }
        for seed in UInt64(10)...13 {
            let bytes = buffer(count, seed: seed)
            bytes.withUnsafeBufferPointer { bytes in
                for from in 0...count {
                    for to in limits(from: from, count: count) {
                        var walk = bits.newlines(in: bytes.baseAddress!, from: from, to: to)
                        var found: [Int] = []
                        var at = walk.next()
                        while at < to {
                            found.append(at)
                            at = walk.next()
                        }
                        #expect(at == to, "the walk ends at the range's end")
                        #expect(found == (from..<to).filter { bytes[$0] == 0x0A }, "\(from)..<\(to)")
                    }
                }
            }
        }
    }

    /// Lines as the splitter promises them, by a byte loop: leading NULs skipped (and counted), a final `\r`
    /// dropped, an unfinished last line delivered; lines here stay under the cap.
    private func plainLines(_ input: [UInt8]) -> [LineSplitterTests.Line] {
        var lines: [LineSplitterTests.Line] = []
        var at = 0
        while at < input.count {
            let lineStart = at
            while at < input.count && input[at] == 0 { at += 1 }
            guard at < input.count else { break }
            var text: [UInt8] = []
            while at < input.count && input[at] != 0x0A { text.append(input[at]); at += 1 }
            if at < input.count { at += 1 }
            if text.last == 0x0D { text.removeLast() }
            lines.append(LineSplitterTests.Line(text: text, length: at - lineStart, cut: false))
        }
        return lines
    }

    @Test(arguments: [1, 5, 63, 64, 65, 1000, 1 << 17])
    func theSplitterAnswersAsTheByteLoop(step: Int) {
        for seed in UInt64(20)...27 {
            let input = buffer(3000 + Int(seed) * 7, seed: seed)
            let (lines, cut) = LineSplitterTests().split(input, step: step)
            #expect(lines == plainLines(input), "seed \(seed), reads of \(step)")
            #expect(cut == 0)
        }
    }
}
