import Testing
@testable import LogscanCore

/// Day numbers: the cached span (two compares) answers as the division through the zone's offset does.
@Suite struct DayNumbersTests {
    /// The day of `instant` computed from scratch, as the span's miss path does.
    private func reference(_ instant: Instant, _ zone: Zone) -> Int64 {
        let wall = instant.seconds + zone.offset(atUTC: instant.seconds)
        return wall >= 0 ? wall / 86_400 : (wall - 86_399) / 86_400
    }

    @Test(arguments: [Zone.utc, Zone.local])
    func spanAnswersAsTheDivision(zone: Zone) {
        var days = DayNumbers(zone: zone)
        var random = SplitMix64(state: 17)
        var micros: Int64 = 1_795_798_800_000_000 - 3 * 86_400_000_000
        // Time order with small steps around midnights and hours, then jumps back and forth.
        for step in 0..<20_000 {
            if step % 1000 == 999 {
                micros += Int64(random.next(200_000_000_000)) - 100_000_000_000
            } else {
                micros += Int64(random.next(60_000_000))
            }
            let instant = Instant(micros: micros)
            #expect(days.day(of: instant) == reference(instant, zone))
        }
    }

    @Test func bordersAndNegativeInstants() {
        var days = DayNumbers(zone: .utc)
        for micros: Int64 in [0, -1, 86_400_000_000 - 1, 86_400_000_000, -86_400_000_000, -86_400_000_001, 1, 0] {
            #expect(days.day(of: Instant(micros: micros)) == reference(Instant(micros: micros), .utc))
        }
        #expect(days.day(of: Instant(micros: -1)) == -1)
        #expect(days.day(of: Instant(micros: 86_400_000_000)) == 1)
        #expect(days.day(of: Instant(micros: .max)) == reference(Instant(micros: .max), .utc))
        #expect(days.day(of: Instant(micros: .min + 1_000_000)) == reference(Instant(micros: .min + 1_000_000), .utc))
    }
}
