import Dispatch
import Foundation

/// Maps `items` on all cores, keeping the input order in the output.
///
/// Work is dealt out in small chunks from a shared counter so that a slow
/// file does not hold up a whole stripe. `transform` must be safe to call
/// from several threads at once. Each element reaches `transform` as a copy;
/// for large elements, `parallelMap(count:_:)` lets the caller read them in
/// place.
public func parallelMap<Element: Sendable, Result: Sendable>(
    _ items: [Element], _ transform: @Sendable (Element) -> Result
) -> [Result] {
    parallelMap(count: items.count) { transform(items[$0]) }
}

/// `transform(0) ... transform(count - 1)` on all cores, in order in the output.
///
/// A closure that reads `array[index]` itself borrows the element where it lies: handed over
/// as an argument through a generic closure, a value is copied first, which for a struct of
/// strings and arrays means retaining each of them, and releasing them after.
public func parallelMap<Result: Sendable>(count: Int, _ transform: @Sendable (Int) -> Result) -> [Result] {
    guard count > 1 else { return (0..<count).map(transform) }
    let workers = min(count, max(1, ProcessInfo.processInfo.activeProcessorCount))
    if workers == 1 { return (0..<count).map(transform) }
    let chunk = max(1, min(64, count / (workers * 8)))
    let counter = ChunkCounter()
    // Each worker initialises the slots of the chunks it takes, in place: results are
    // neither wrapped nor copied on the way out.
    return [Result](unsafeUninitializedCapacity: count) { output, initialized in
        let slots = UnsafeSendable(output.baseAddress!)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let start = counter.next(chunk)
                if start >= count { break }
                for index in start..<min(start + chunk, count) {
                    (slots.value + index).initialize(to: transform(index))
                }
            }
        }
        initialized = count
    }
}

/// `transform(0) ... transform(count - 1)` on all cores, in order, the nils left out.
///
/// Each value is built in the slot of the array returned: a large value is not moved out of
/// an array of optionals into a new array afterwards (a serial pass over fresh memory). Only
/// the values after a nil are moved, each once, within memory already written.
public func parallelCompactMap<Result: Sendable>(count: Int, _ transform: @Sendable (Int) -> Result?) -> [Result] {
    guard count > 0 else { return [] }
    return [Result](unsafeUninitializedCapacity: count) { output, initialized in
        let slots = UnsafeSendable(output.baseAddress!)
        // One flag per index: whether its slot holds a value.
        let present = parallelMap(count: count) { index -> Bool in
            guard let value = transform(index) else { return false }
            (slots.value + index).initialize(to: value)
            return true
        }
        var kept = 0
        for index in 0..<count where present[index] {
            if kept != index { (slots.value + kept).moveInitialize(from: slots.value + index, count: 1) }
            kept += 1
        }
        initialized = kept
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

/// `first()` and `second()` at once, both run to the end: for two independent pieces of work
/// such as compiling the schemas while the folders are listed. `first` runs on a thread of the
/// global pool, `second` on the caller's, where work it spreads over the cores (`parallelMap`)
/// is not nested in another's and gets them all.
public func inParallel<A: Sendable, B: Sendable>(_ first: @escaping @Sendable () -> A, _ second: () -> B) -> (A, B) {
    let slot = Slot<A>()
    let done = DispatchGroup()
    DispatchQueue.global().async(group: done) { slot.value = first() }
    let b = second()
    done.wait()
    return (slot.value!, b)
}

/// The result of `inParallel`'s first piece of work, written by one thread before the caller
/// (which waits for it) reads it.
private final class Slot<Value>: @unchecked Sendable {
    var value: Value?
}

/// Frees `value` on a thread of the global pool, not the caller's: for the results of a large
/// run, many small allocations that would hold up the caller while it writes its output.
func releaseElsewhere<Value>(_ value: consuming Value) {
    let held = Released(value)
    DispatchQueue.global(qos: .utility).async { held.release() }
}

private final class Released<Value>: @unchecked Sendable {
    private var value: Value?
    init(_ value: consuming Value) { self.value = value }
    func release() { value = nil }
}
