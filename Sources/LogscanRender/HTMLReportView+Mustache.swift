import Mustache

// The HTML report has a value per table cell and chart column: thousands. Mustache finds a field by
// `Mirror` unless the value answers by name itself; these answer directly (a third of the rendering time
// went into `Mirror` lookups, measured with callgrind on the 1 GB corpus). The names are the templates'.

extension HTMLCell: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": return text
        case "right": return right
        case "mono": return mono
        case "wrap": return wrap
        // No bar is `false`, not nil: Mustache would look for a `bar` up the whole context stack.
        case "bar": return bar.map { $0 as Any } ?? false
        default: return nil
        }
    }
}

extension HTMLBar: MustacheParent {
    func child(named name: String) -> Any? { name == "percent" ? percent : nil }
}

extension HTMLRow: MustacheParent {
    func child(named name: String) -> Any? { name == "cells" ? cells : nil }
}

extension HTMLColumn: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": return self.name
        case "right": return right
        default: return nil
        }
    }
}

extension HTMLChartColumn: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "height": return height
        case "tooltip": return tooltip
        case "empty": return empty
        default: return nil
        }
    }
}
