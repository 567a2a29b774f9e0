/// A stack whose top elements move out into a new array without copies, retains or releases,
/// or whose whole storage is handed over. Its owner calls `deallocate()` or `handOver()`.
struct MoveStack<Element> {
    private var storage: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.storage = .allocate(capacity: capacity)
        self.capacity = capacity
    }

    subscript(index: Int) -> Element {
        @inline(__always) _read { yield storage[index] }
        @inline(__always) _modify { yield &storage[index] }
    }

    /// Calls `body` with the address of the element at `index`, valid only during the call.
    @inline(__always)
    func withElement<Result>(_ index: Int, _ body: (UnsafePointer<Element>) -> Result) -> Result {
        body(storage + index)
    }

    @inline(__always)
    mutating func append(_ element: __owned Element) {
        if count == capacity { grow() }
        (storage + count).initialize(to: element)
        count += 1
    }

    @inline(never)
    private mutating func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity *= 2
    }

    /// Removes the elements from `start` to the top and returns them in order.
    mutating func moveOut(from start: Int) -> [Element] {
        let moved = count - start
        guard moved > 0 else { return [] }
        let source = storage + start
        var result: [Element] = []
        result.reserveCapacity(moved)
        for k in 0..<moved { result.append((source + k).move()) }
        count = start
        return result
    }

    func deallocate() {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    /// The elements, in memory the caller now owns (and frees with `deallocate()`).
    func handOver() -> UnsafeMutableBufferPointer<Element> {
        UnsafeMutableBufferPointer(start: storage, count: count)
    }
}
