import Testing
@testable import LogscanCore

/// `RawRing`, the held queue's ring, against an array used as a queue on the same random operations:
/// appends (growing past its capacity while its elements wrap round the end), removals from the front
/// (down to empty and on again), reads and writes behind the first.
@Suite struct RawRingTests {
    @Test func agreesWithAnArray() {
        var numbers = SplitMix64(state: 11)
        for round in 0..<20 {
            var ring = RawRing(filler: -1, capacity: 16)
            var reference: [Int] = []
            // Even rounds grow the queue (appends outnumber removals), odd ones keep emptying it.
            let appendBelow = round % 2 == 0 ? 5 : 3
            for step in 0..<600 {
                let choice = numbers.next(10)
                if choice < appendBelow {
                    ring.append(step)
                    reference.append(step)
                } else if choice < 8, !reference.isEmpty {
                    ring.removeFirst()
                    reference.removeFirst()
                } else if choice == 8, !reference.isEmpty {
                    let offset = numbers.next(reference.count)
                    ring[offset] = -step
                    reference[offset] = -step
                }
                #expect(ring.count == reference.count)
                #expect(ring.isEmpty == reference.isEmpty)
                #expect(ring.first == reference.first)
                #expect((0..<reference.count).allSatisfy { ring[$0] == reference[$0] }, "round \(round) step \(step)")
            }
        }
    }
}
