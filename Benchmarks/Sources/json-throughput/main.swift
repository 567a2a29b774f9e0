// Parses the same bytes with AssessJSON's parser (into a tree, as validation does, and into a
// tape, as the reports do) and with Foundation's JSONSerialization, in-process, and prints the
// throughput of each and the ratio of the tree to Foundation: json-throughput FOLDER [ROUNDS]
import AssessJSON
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: json-throughput FOLDER [ROUNDS]\n".utf8))
    exit(2)
}
let folder = arguments[1]
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
let names = (try FileManager.default.contentsOfDirectory(atPath: folder)).filter { $0.hasSuffix(".json") }.sorted()
let files: [[UInt8]] = try names.map { Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + $0))) }
let datas = files.map { Data($0) }
let totalBytes = files.reduce(0) { $0 + $1.count }

/// The best time of `rounds` passes of `parse` over every input.
func measure<Input>(_ inputs: [Input], _ parse: (Input) throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<rounds {
        let start = DispatchTime.now().uptimeNanoseconds
        for input in inputs { try parse(input) }
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return best
}

let ours = try measure(files) { _ = try JSONParser.parse($0) }
let tape = try measure(files) { _ = try JSONTape.parse($0) }
let foundation = try measure(datas) { _ = try JSONSerialization.jsonObject(with: $0) }
let megabytes = Double(totalBytes) / 1_048_576
print("files \(files.count), \(String(format: "%.1f", megabytes)) MiB, best of \(rounds)")
print(String(format: "AssessJSON.JSONParser       %8.1f MiB/s", megabytes / ours))
print(String(format: "AssessJSON.JSONTape         %8.1f MiB/s", megabytes / tape))
print(String(format: "Foundation.JSONSerialization %7.1f MiB/s", megabytes / foundation))
print(String(format: "ratio %.2fx", foundation / ours))
