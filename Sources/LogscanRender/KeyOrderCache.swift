/// The sorted member order of the objects `PrettyJSONWriter` has written, kept per member count: the rows
/// of a table are objects with the same keys in the same order, so their order is worked out once and
/// reused after checking that the keys are the same (a string comparison each, cheap for the same key
/// text), instead of sorting every row's keys again.
final class KeyOrderCache {
    /// Objects with more members than this are sorted every time.
    static let largestCached = 32
    private var orders: [(keys: [String], order: [Int])?] = Array(repeating: nil, count: largestCached + 1)

    /// `object.sortedMembers()`, from the cache when the last object with as many members had the same keys.
    func order(of object: JSONObject) -> [Int] {
        let members = object.members
        let count = members.count
        guard count <= Self.largestCached else { return object.sortedMembers() }
        if let cached = orders[count], cached.keys.indices.allSatisfy({ cached.keys[$0] == members[$0].key }) {
            return cached.order
        }
        let order = object.sortedMembers()
        orders[count] = (members.map(\.key), order)
        return order
    }
}
