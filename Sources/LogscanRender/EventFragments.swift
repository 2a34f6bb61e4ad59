#if canImport(Glibc)
import Glibc
#endif
import LogscanCore

/// The fixed middle of every `events` line, made once: from `,"service":` to `"ip":` for each service,
/// kind, verdict wording and failure flag, and to `"count":` for an unmatched line of each service (or
/// none). A line then copies one fragment instead of writing five fields. Made once (`shared`) and held
/// by value by each writer, so it is read without a lazy-global check per line.
struct EventFragments: @unchecked Sendable {
    /// How the verdict words the kind: as it is, `.same_attempt`, or `.after_attempt`.
    static let variants = 3
    /// Slots per service for its kinds: a constant, not `EventKind.allCases.count` (`allCases` builds its
    /// array at each call, about 40 instructions a line). `init` checks that every kind has its slot.
    private static let kindSlots = 64
    private static let eventCount = Service.allCases.count * kindSlots * variants * 2

    /// The fragment of a recognised line.
    @inline(__always)
    static func index(service: Service, kind: EventKind, variant: Int, failure: Bool) -> Int {
        ((service.index * kindSlots + kind.index) * variants + variant) * 2 + (failure ? 1 : 0)
    }

    /// The fragment of an unmatched line, whose program a parser claims (`service`) or not.
    static func unmatchedIndex(service: Service?) -> Int { eventCount + (service.map { $0.index + 1 } ?? 0) }

    /// Every fragment's bytes, back to back; fragment `i` is `bytes[spans[2 * i] ..< spans[2 * i + 1]]` (an
    /// unused kind slot is empty).
    private let bytes: UnsafePointer<UInt8>
    private let spans: UnsafePointer<Int>

    /// Made once, at first use, and only read after: safe to share between threads.
    static let shared = EventFragments()

    /// Writes the fragments' bytes one piece after the other (no `String` per fragment: built from
    /// interpolated strings, the table cost `events` 5.6 M instructions a run; bench/RESULTS.md, round seven,
    /// start-up).
    private init() {
        precondition(EventKind.allCases.count <= Self.kindSlots, "EventFragments.kindSlots is too small")
        var table = Table(count: Self.eventCount + Service.allCases.count + 1)
        for service in Service.allCases {
            let serviceName = Array(service.rawValue.utf8)
            for kind in EventKind.allCases {
                let kindName = Array(kind.rawValue.utf8)
                for variant in 0..<Self.variants {
                    for failure in [false, true] {
                        table.begin(Self.index(service: service, kind: kind, variant: variant, failure: failure))
                        table.append(",\"service\":\"")
                        table.append(serviceName)
                        table.append("\",\"kind\":\"")
                        table.append(kindName)
                        table.append(Self.suffixes[variant])
                        table.append("\",\"failure\":")
                        table.append(failure ? "true" : "false")
                        table.append(",\"ip\":")
                    }
                }
            }
        }
        for service in [nil] + Service.allCases.map(Optional.some) {
            table.begin(Self.unmatchedIndex(service: service))
            table.append(",\"service\":")
            if let service {
                table.append("\"")
                table.append(Array(service.rawValue.utf8))
                table.append("\"")
            } else {
                table.append("null")
            }
            table.append(",\"kind\":\"unmatched\",\"failure\":false,\"ip\":null,\"user\":null,\"count\":")
        }
        (bytes, spans) = (UnsafePointer(table.bytes), UnsafePointer(table.spans))
    }

    /// How each verdict variant words the kind.
    private static let suffixes: [StaticString] = ["", ".same_attempt", ".after_attempt"]

    /// The fragments as they are written: room for each to be the longest, and where each starts and ends.
    private struct Table {
        let bytes: UnsafeMutablePointer<UInt8>
        let spans: UnsafeMutablePointer<Int>
        /// The fragment being written, and the end of the bytes written.
        var current = 0, written = 0

        init(count: Int) {
            bytes = .allocate(capacity: count * EventFragments.longest)
            spans = .allocate(capacity: 2 * count)
            spans.initialize(repeating: 0, count: 2 * count)
        }

        mutating func begin(_ index: Int) {
            current = index
            (spans[2 * index], spans[2 * index + 1]) = (written, written)
        }

        mutating func append(_ piece: UnsafeBufferPointer<UInt8>) {
            precondition(written + piece.count - spans[2 * current] <= EventFragments.longest, "a fragment is too long")
            (bytes + written).initialize(from: piece.baseAddress!, count: piece.count)
            written += piece.count
            spans[2 * current + 1] = written
        }

        mutating func append(_ literal: StaticString) {
            append(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
        }

        mutating func append(_ name: [UInt8]) { name.withUnsafeBufferPointer { append($0) } }
    }

    /// The longest fragment's length, for reserving room.
    static let longest = 160

    /// Copies fragment `index` to `out`.
    @inline(__always)
    func copy(_ index: Int, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        let start = spans[2 * index], count = spans[2 * index + 1] - start
        memcpy(out, bytes + start, count)
        return out + count
    }
}
