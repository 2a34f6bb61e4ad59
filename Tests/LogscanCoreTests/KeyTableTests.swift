import Testing
@testable import LogscanCore

/// `KeyTable`, the correlators' open-addressing table, against `Dictionary` on the same random operations:
/// inserts, updates, removals (whose backward shift must keep every other key reachable), filtering and
/// growth, over few keys so that runs of occupied slots form and wrap around the end of the table. The same
/// key often comes twice in a row, so the kept last slot is used, and must be forgotten on removal and growth.
@Suite struct KeyTableTests {
    func expectSame(_ table: KeyTable<Int>, _ reference: [UInt64: Int], keys: [UInt64]) {
        #expect(table.count == reference.count)
        for key in keys { #expect(table[key] == reference[key], "key \(key)") }
    }

    @Test func agreesWithADictionary() {
        var numbers = SplitMix64(state: 7)
        let keys: [UInt64] = (0..<40).map { UInt64($0) &* 0x1_0000_0001 } + [0, .max, 1 << 63]
        for round in 0..<20 {
            var table = KeyTable(filler: -1, capacity: 16)
            var reference: [UInt64: Int] = [:]
            for step in 0..<400 {
                let key = keys[numbers.next(round < 10 ? 12 : keys.count)]
                switch numbers.next(10) {
                case 0..<4:
                    let slot = table.slot(for: key)
                    table[slot: slot] += step
                    reference[key, default: -1] += step
                case 4..<7:
                    #expect(table.removeValue(forKey: key) == reference.removeValue(forKey: key))
                case 7:
                    table.set(step, for: key)
                    reference[key] = step
                case 8:
                    #expect(table.find(key).map { table[slot: $0] } == reference[key])
                    // The last key's slot is kept: a look-up of the same key again must still agree.
                    table.update(key) { $0 += step }
                    reference[key, default: -1] += step
                default:
                    let odd = numbers.next(2) == 1
                    table.filter { ($0 % 2 == 1) == odd }
                    reference = reference.filter { ($0.value % 2 == 1) == odd }
                }
                expectSame(table, reference, keys: keys)
            }
        }
    }
}
