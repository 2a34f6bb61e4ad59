#if canImport(Glibc)
import Glibc
#endif
import LogscanCore

/// A JSON document as `JSONTreeEncoder` collects it from `Encodable` values, before `PrettyJSONWriter` writes
/// it: objects keep their keys in the order encoded and are sorted only when written. Containers are
/// classes, so a nested container handed out by the encoder fills the node its parent already holds.
enum JSONValue {
    case string(String)
    case integer(Int)
    /// A time, written as `Instant` encodes itself (RFC 3339 in UTC) but without making a string.
    case instant(Instant)
    /// Digits or a number's text already in JSON form (a large unsigned or a floating-point number).
    case literal(String)
    case bool(Bool)
    case null
    case array(JSONArray)
    case object(JSONObject)
}

/// An object's members in the order they were encoded; a key encoded twice keeps its last value.
final class JSONObject {
    /// Built by one encoder and then read by one writer, one access at a time: no exclusivity check needed.
    @exclusivity(unchecked) private(set) var members: [(key: String, value: JSONValue)] = []

    var isEmpty: Bool { members.isEmpty }

    func set(_ key: String, _ value: JSONValue) {
        if members.capacity == 0 { members.reserveCapacity(8) }
        members.append((key, value))
    }

    /// Member positions sorted by key, byte by byte over UTF-8 as `JSONEncoder`'s `.sortedKeys` does, with
    /// only the last of a repeated key kept (a dictionary's last write wins).
    func sortedMembers() -> [Int] {
        let order = members.indices.sorted { a, b in
            let byBytes = JSONObject.compareUTF8(members[a].key, members[b].key)
            return byBytes != 0 ? byBytes < 0 : a < b
        }
        var kept: [Int] = []
        kept.reserveCapacity(order.count)
        for (position, member) in order.enumerated() {
            let next = position + 1
            if next < order.count && members[order[next]].key == members[member].key { continue }
            kept.append(member)
        }
        return kept
    }

    /// Negative, zero or positive as `a`'s UTF-8 bytes sort before, with or after `b`'s.
    static func compareUTF8(_ a: String, _ b: String) -> Int {
        var (a, b) = (a, b)
        return a.withUTF8 { left in
            b.withUTF8 { right in
                let common = min(left.count, right.count)
                if common > 0, let l = left.baseAddress, let r = right.baseAddress {
                    let order = memcmp(l, r, common)
                    if order != 0 { return Int(order) }
                }
                return left.count - right.count
            }
        }
    }
}

/// An array's elements in order.
final class JSONArray {
    @exclusivity(unchecked) private(set) var values: [JSONValue] = []

    var count: Int { values.count }

    func append(_ value: JSONValue) { values.append(value) }

    /// Replaces the element at `index` (a slot handed to a super encoder, filled later).
    func replace(at index: Int, with value: JSONValue) { values[index] = value }
}
