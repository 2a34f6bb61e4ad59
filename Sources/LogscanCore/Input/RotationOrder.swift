/// Orders the files of rotated sets oldest to newest: `x.N.gz … x.2.gz x.1 x`, and for dateext names
/// `x-20261119.gz x-20261120 x`.
public enum RotationOrder {
    /// A file's place: the set it belongs to (its base name) and its age within the set.
    public struct Key: Comparable {
        public var base: String
        /// Larger is older: N for `x.N`, a date's distance to the far future for `x-YYYYMMDD`, 0 for `x`.
        public var age: Int

        public static func < (lhs: Key, rhs: Key) -> Bool {
            lhs.base != rhs.base ? lhs.base < rhs.base : lhs.age > rhs.age
        }
    }

    public static func key(for path: String) -> Key {
        var name = Substring(path)
        if name.hasSuffix(".gz") { name = name.dropLast(3) }
        if let dot = name.lastIndex(of: "."), let number = Int(name[name.index(after: dot)...]), number < 100_000 {
            return Key(base: String(name[..<dot]), age: number)
        }
        if let dash = name.lastIndex(of: "-") {
            let stamp = name[name.index(after: dash)...]
            let isDate = (stamp.count == 8 || stamp.count == 10) && stamp.allSatisfy { $0.isASCII && $0.isNumber }
            if isDate, let value = Int(stamp) {
                let date: Int = stamp.count == 10 ? value / 100 : value
                return Key(base: String(name[..<dash]), age: 100_000_000 - date)
            }
        }
        return Key(base: String(name), age: 0)
    }

    public static func sorted(_ paths: [String]) -> [String] {
        let keyed: [(key: Key, path: String)] = paths.map { (key(for: $0), $0) }
        let ordered = keyed.sorted { a, b in a.key != b.key ? a.key < b.key : a.path < b.path }
        return ordered.map { $0.path }
    }
}

extension RotationOrder.Key: Equatable {}
