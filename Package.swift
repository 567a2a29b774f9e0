// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "assess",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "assess", targets: ["assess"]),
        .library(name: "AssessCore", targets: ["AssessCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The command line: argument parsing and printing only.
        .executableTarget(
            name: "assess",
            dependencies: [
                "AssessCore",
                "AssessGit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // JSON with source positions: parser, pointers, writer.
        .target(name: "AssessJSON"),
        // JSON Schema draft 2020-12: compiler and validator.
        .target(name: "AssessSchema", dependencies: ["AssessJSON"]),
        // The content model, semantic checks, validation runs, scaffolding, output.
        .target(name: "AssessCore", dependencies: ["AssessJSON", "AssessSchema", "AssessGit"]),
        // Git access over libgit2. No libgit2 type leaves this target.
        .target(name: "AssessGit", dependencies: ["Clibgit2"]),
        .systemLibrary(
            name: "Clibgit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        // Helpers shared by the test targets.
        .target(name: "_AssessTestSupport", dependencies: ["AssessJSON"], path: "Sources/_AssessTestSupport"),

        .testTarget(name: "AssessJSONTests", dependencies: ["AssessJSON", "_AssessTestSupport"]),
        .testTarget(name: "AssessSchemaTests", dependencies: ["AssessSchema", "AssessJSON", "_AssessTestSupport"]),
        .testTarget(name: "AssessCoreTests", dependencies: ["AssessCore", "AssessGit", "_AssessTestSupport"]),
        .testTarget(name: "AssessCLITests", dependencies: ["_AssessTestSupport", "AssessJSON"]),
        .testTarget(name: "AssessGitTests", dependencies: ["AssessGit", "_AssessTestSupport"]),
    ]
)
