// swift-tools-version:6.0
// Benchmarks run by scripts/bench; not part of the main package, its build or its tests.
// Sources/AssessJSON is a link to the project's own parser.
import PackageDescription

let package = Package(
    name: "assess-benchmarks",
    targets: [
        .target(name: "AssessJSON"),
        .executableTarget(name: "json-throughput", dependencies: ["AssessJSON"]),
    ]
)
