import Synchronization

/// Bytes read and inputs finished, updated by the readers (one relaxed atomic add per 64 KiB block or more)
/// and read by whoever shows progress.
public final class ProgressCounter: Sendable {
    private let bytes = Atomic<Int>(0)
    private let files = Atomic<Int>(0)

    public init() {}

    public var bytesRead: Int { bytes.load(ordering: .relaxed) }
    public var filesDone: Int { files.load(ordering: .relaxed) }

    func add(bytes count: Int) { bytes.add(count, ordering: .relaxed) }
    func finishFile() { files.add(1, ordering: .relaxed) }
}
