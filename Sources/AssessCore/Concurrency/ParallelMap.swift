import Dispatch
import Foundation

/// Maps `items` on all cores, keeping the input order in the output.
///
/// Work is dealt out in small chunks from a shared counter so that a slow
/// file does not hold up a whole stripe. `transform` must be safe to call
/// from several threads at once.
public func parallelMap<Element: Sendable, Result: Sendable>(
    _ items: [Element], _ transform: @Sendable (Element) -> Result
) -> [Result] {
    let count = items.count
    guard count > 1 else { return items.map(transform) }
    let workers = min(count, max(1, ProcessInfo.processInfo.activeProcessorCount))
    if workers == 1 { return items.map(transform) }
    let chunk = max(1, min(64, count / (workers * 8)))
    let output = ResultSlots<Result>(count: count)
    let counter = ChunkCounter()
    items.withUnsafeBufferPointer { buffer in
        let input = UnsafeSendable(buffer)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let start = counter.next(chunk)
                if start >= count { break }
                for index in start..<min(start + chunk, count) {
                    output.set(index, transform(input.value[index]))
                }
            }
        }
    }
    return output.collect()
}

/// A buffer pointer handed to worker threads that only read it while the owner waits.
private struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Slots written once each, by index, from many threads; read after all writers finish.
private final class ResultSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Value?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ index: Int, _ value: Value) { slots[index] = value }

    func collect() -> [Value] {
        (0..<count).map { index in
            guard let value = slots[index] else { preconditionFailure("parallelMap: slot \(index) was not filled") }
            return value
        }
    }
}

/// A lock-protected counter handing out chunk starts.
private final class ChunkCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func next(_ step: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        let start = value
        value += step
        return start
    }
}
