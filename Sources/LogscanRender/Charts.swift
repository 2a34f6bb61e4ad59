/// Little pictures made of characters: sparklines of counts over time and bars beside counts, in Unicode
/// block characters or, for terminals without UTF-8, in ASCII.
enum Charts {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let asciiLevels: [Character] = ["_", ".", ":", "-", "=", "+", "*", "#"]
    static let eighths: [Character] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"].map { $0.first ?? " " }

    /// One character per count: the lowest level means none, any count at all shows at least one step up,
    /// the peak the top.
    static func sparkline(_ counts: [Int], ascii: Bool) -> String {
        let levels = ascii ? asciiLevels : blocks
        let peak = counts.max() ?? 0
        return String(counts.map { count -> Character in
            guard count > 0, peak > 0 else { return levels[0] }
            let step = 1 + Int((Double(count) / Double(peak) * Double(levels.count - 2)).rounded(.down))
            return levels[min(levels.count - 1, step)]
        })
    }

    /// A bar of up to `width` columns for `value` out of `peak`, with eighth blocks (or `#`); never empty
    /// for a non-zero value.
    static func bar(_ value: Int, of peak: Int, width: Int, ascii: Bool) -> String {
        guard value > 0, peak > 0 else { return "" }
        let eighthsWide = max(1, Int((Double(value) / Double(peak) * Double(width * 8)).rounded()))
        if ascii { return String(repeating: "#", count: max(1, (eighthsWide + 4) / 8)) }
        var text = String(repeating: "█", count: eighthsWide / 8)
        if eighthsWide % 8 > 0 { text.append(eighths[eighthsWide % 8]) }
        return text
    }

    /// Adds neighbouring buckets together until at most `limit` remain; returns the buckets and how many
    /// original buckets each one holds.
    static func rebucket(_ counts: [Int], limit: Int) -> ([Int], Int) {
        guard counts.count > limit, limit > 0 else { return (counts, 1) }
        let factor = (counts.count + limit - 1) / limit
        let merged = stride(from: 0, to: counts.count, by: factor).map { start in
            counts[start..<min(counts.count, start + factor)].reduce(0, &+)
        }
        return (merged, factor)
    }
}
