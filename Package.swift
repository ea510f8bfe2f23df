// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "midair",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "midair", targets: ["midair"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        // 3.12.3 up to what async-http-client's graph already resolves (4.x).
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        // Records, schema, validation, diff and merge. Pure: no I/O.
        .target(
            name: "MidairCore",
            dependencies: [.product(name: "Collections", package: "swift-collections")]
        ),
        // The RecordStore protocol and its SQLite implementation.
        .target(
            name: "MidairStore",
            dependencies: [
                "MidairCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // Links to Assets/: the default schema and the sample records,
            // compiled into the binary so an installed midair needs no files.
            resources: [.embedInCode("Resources/schema.json"), .embedInCode("Resources/seed.json")]
        ),
        // The v1 HTTP API over a unix socket (and later TCP).
        .target(
            name: "MidairServer",
            dependencies: [
                "MidairCore",
                "MidairStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Typed API client over http+unix.
        .target(
            name: "MidairClient",
            dependencies: [
                "MidairCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        // The terminal app: state, update, view; the ncurses driver.
        .target(
            name: "MidairTUI",
            dependencies: ["MidairCore", "MidairClient", "CNcursesw"]
        ),
        // Demo mode: scripted actors driving real clients against a throw-away server.
        .target(
            name: "MidairDemo",
            dependencies: ["MidairCore", "MidairStore", "MidairServer", "MidairClient", "MidairTUI"],
            // Links to Assets/demos/: the scenarios, compiled into the binary.
            resources: [
                .embedInCode("Resources/concurrent-edit.demo"), .embedInCode("Resources/duplicate-create.demo"),
                .embedInCode("Resources/delete-referenced.demo"), .embedInCode("Resources/idempotent-retry.demo"),
                .embedInCode("Resources/inventory-race.demo"), .embedInCode("Resources/stale-cache.demo"),
                .embedInCode("Resources/lock.demo"),
            ]
        ),
        // The executable: wires the modules together.
        .executableTarget(
            name: "midair",
            dependencies: [
                "MidairCore", "MidairStore", "MidairServer", "MidairClient", "MidairTUI", "MidairDemo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Benchmarks that print figures (bench/ runs them against named peers).
        .executableTarget(
            name: "midair-bench",
            dependencies: ["MidairCore", "MidairClient", "MidairTUI"],
            path: "Sources/MidairBench"
        ),
        // Helpers that start a real server on a real socket for tests.
        .target(
            name: "MidairTestSupport",
            dependencies: ["MidairCore", "MidairStore", "MidairServer", "MidairClient"],
            path: "Tests/MidairTestSupport"
        ),
        .testTarget(name: "MidairCoreTests", dependencies: ["MidairCore"]),
        .testTarget(name: "MidairStoreTests", dependencies: ["MidairStore"]),
        .testTarget(
            name: "MidairServerTests",
            dependencies: [
                "MidairServer", "MidairTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .testTarget(name: "MidairClientTests", dependencies: ["MidairClient", "MidairTestSupport"]),
        .testTarget(name: "MidairTUITests", dependencies: ["MidairTUI", "MidairTestSupport"], exclude: ["Golden"]),
        // End-to-end: the built binary in real terminals (tmux), scripts under Tests/e2e.
        .testTarget(name: "MidairE2ETests", dependencies: ["MidairTestSupport"]),
        .testTarget(name: "MidairCLITests", dependencies: ["MidairTestSupport"]),
        .testTarget(name: "MidairDemoTests", dependencies: ["MidairDemo", "MidairTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
