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
    let counter = ChunkCounter()
    // Each worker initialises the slots of the chunks it takes, in place: results are
    // neither wrapped nor copied on the way out.
    return items.withUnsafeBufferPointer { buffer in
        let input = UnsafeSendable(buffer)
        return [Result](unsafeUninitializedCapacity: count) { output, initialized in
            let slots = UnsafeSendable(output.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while true {
                    let start = counter.next(chunk)
                    if start >= count { break }
                    for index in start..<min(start + chunk, count) {
                        (slots.value + index).initialize(to: transform(input.value[index]))
                    }
                }
            }
            initialized = count
        }
    }
}

/// A pointer handed to worker threads that use disjoint parts of it while the owner waits.
private struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
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
