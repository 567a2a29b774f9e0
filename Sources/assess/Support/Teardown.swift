/// Values a command has finished with, left for the process's exit to reclaim.
///
/// A corpus of tens of thousands of parsed files is freed one allocation at a time, on one
/// thread, after the output is written: for `assess report` that was a tenth of its run. The
/// kernel reclaims the whole address space at exit for nothing, as compilers do with their
/// syntax trees. Only for values held until the command ends; memory use does not change.
enum Teardown {
    static func leave<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Held(value))
    }

    private final class Held<Value> {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}
