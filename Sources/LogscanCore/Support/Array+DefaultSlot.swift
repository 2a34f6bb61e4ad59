extension Array {
    /// The optional slot at `index`, created with `defaultValue` when empty, for in-place mutation.
    subscript<Wrapped>(index: Int, default defaultValue: @autoclosure () -> Wrapped) -> Wrapped where Element == Wrapped? {
        get { self[index] ?? defaultValue() }
        _modify {
            if self[index] == nil { self[index] = defaultValue() }
            yield &self[index]!
        }
    }
}
