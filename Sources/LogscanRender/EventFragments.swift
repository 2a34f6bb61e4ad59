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

    /// Every fragment's bytes, back to back; `spans[i]` is where fragment `i` starts and ends.
    private let bytes: UnsafePointer<UInt8>
    private let spans: UnsafePointer<Int>

    /// Made once, at first use, and only read after: safe to share between threads.
    static let shared = EventFragments()

    private init() {
        precondition(EventKind.allCases.count <= Self.kindSlots, "EventFragments.kindSlots is too small")
        var texts = [String](repeating: "", count: Self.eventCount + Service.allCases.count + 1)
        for service in Service.allCases {
            for kind in EventKind.allCases {
                for variant in 0..<Self.variants {
                    let suffix = ["", ".same_attempt", ".after_attempt"][variant]
                    for failure in [false, true] {
                        texts[Self.index(service: service, kind: kind, variant: variant, failure: failure)] =
                            ",\"service\":\"\(service.rawValue)\",\"kind\":\"\(kind.rawValue)\(suffix)\",\"failure\":\(failure),\"ip\":"
                    }
                }
            }
        }
        for service in [nil] + Service.allCases.map(Optional.some) {
            let name = service.map { "\"\($0.rawValue)\"" } ?? "null"
            texts[Self.unmatchedIndex(service: service)] =
                ",\"service\":\(name),\"kind\":\"unmatched\",\"failure\":false,\"ip\":null,\"user\":null,\"count\":"
        }
        precondition(texts.allSatisfy { $0.utf8.count <= Self.longest })
        let all = texts.flatMap { Array($0.utf8) }
        let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: all.count)
        bytes.initialize(from: all, count: all.count)
        let spans = UnsafeMutablePointer<Int>.allocate(capacity: texts.count + 1)
        var offset = 0
        for (i, text) in texts.enumerated() {
            spans[i] = offset
            offset += text.utf8.count
        }
        spans[texts.count] = offset
        (self.bytes, self.spans) = (UnsafePointer(bytes), UnsafePointer(spans))
    }

    /// The longest fragment's length, for reserving room.
    static let longest = 160

    /// Copies fragment `index` to `out`.
    @inline(__always)
    func copy(_ index: Int, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        let start = spans[index], count = spans[index + 1] - start
        memcpy(out, bytes + start, count)
        return out + count
    }
}
