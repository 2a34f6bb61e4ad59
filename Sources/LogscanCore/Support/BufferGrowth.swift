extension UnsafeMutablePointer where Pointee == UInt8 {
    /// A new buffer twice as large that starts with this one's `capacity` bytes; this one is freed.
    func doubled(capacity: Int) -> UnsafeMutablePointer<UInt8> {
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
        larger.update(from: self, count: capacity)
        deallocate()
        return larger
    }
}
