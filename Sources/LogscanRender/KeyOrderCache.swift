/// The sorted member order of the objects `PrettyJSONWriter` has written, for the key lists it has seen:
/// the rows of a table are objects with the same keys in the same order, so their order is worked out once
/// and reused after checking that the keys are the same (a string comparison each, cheap for the same key
/// text), instead of sorting every row's keys again.
final class KeyOrderCache {
    /// Key lists kept; the oldest goes when a new one comes (a report has a few dozen object types).
    static let capacity = 64
    /// Only ever touched by the one thread writing the document, one access at a time.
    @exclusivity(unchecked) private var entries: [(keys: [String], order: [Int])] = []
    @exclusivity(unchecked) private var next = 0

    /// `object.sortedMembers()`, from the cache when an object with the same keys came before.
    func order(of object: JSONObject) -> [Int] {
        let members = object.members
        for entry in entries where entry.keys.count == members.count
            && entry.keys.indices.allSatisfy({ entry.keys[$0] == members[$0].key }) {
            return entry.order
        }
        let entry = (keys: members.map(\.key), order: object.sortedMembers())
        if entries.count < Self.capacity {
            entries.append(entry)
        } else {
            entries[next] = entry
            next = (next + 1) % Self.capacity
        }
        return entry.order
    }
}
