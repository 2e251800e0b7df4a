// swift-tools-version:6.0
import PackageDescription

// One target per layer (docs/architecture.md); the folder names under Sources/ are the layers.
let package = Package(
    name: "Qanat",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "qanat", targets: ["QanatApp"]),
        .executable(name: "qanat-bench", targets: ["QanatBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        // The service's metrics, in Prometheus's text format (a node-exporter textfile).
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
        // Sites relay through a PostgreSQL hub.
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        // The hub's link: the NIO postgres-nio is built with, for its errors, and its TLS.
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6"),
    ],
    targets: [
        .target(name: "QanatCore", path: "Sources/Core"),
        // ICU's bidi and shaping behind a C shim (see its header for why).
        .target(name: "CICU", path: "Sources/CICU", linkerSettings: [.linkedLibrary("icuuc")]),
        // Linux calls the Glibc module lacks: POSIX ACLs (a service store's journals), prctl (the desk's keys).
        .target(name: "CLinux", path: "Sources/CLinux"),
        .target(name: "QanatText", dependencies: ["CICU"], path: "Sources/Text"),
        .target(
            name: "QanatUI",
            dependencies: ["QanatCore", "QanatText", .product(name: "TOMLKit", package: "TOMLKit")],
            path: "Sources/UI"),
        // The desk's and the wall's loops, the effects they run and what they read: a library, tested without the executable.
        .target(
            name: "QanatDesk", dependencies: ["QanatCore", "QanatStore", "QanatChannel", "QanatUI"],
            path: "Sources/Desk"),
        .target(name: "CNcursesw", path: "Sources/CNcursesw", linkerSettings: [.linkedLibrary("ncursesw")]),
        .target(name: "QanatTerminal", dependencies: ["QanatUI", "CNcursesw"], path: "Sources/Terminal"),
        // SHA-256 for the journal's chain from swift-crypto (Core keeps no dependencies).
        .target(
            name: "QanatJournal", dependencies: ["QanatCore", .product(name: "Crypto", package: "swift-crypto")],
            path: "Sources/Journal"),
        .target(
            name: "QanatStore",
            dependencies: [
                "QanatCore", "QanatJournal", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                // SQLite's C API, for the one file control GRDB does not wrap (persistent WAL).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            path: "Sources/Store"),
        // The write path: actions and the rules that need the store's state, the journal-then-store writer.
        // PINs are hashed with PBKDF2 from swift-crypto's _CryptoExtras.
        .target(
            name: "QanatChannel",
            dependencies: [
                "QanatCore", "QanatJournal", "QanatStore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            path: "Sources/Channel"),
        // The service that alone writes a shared store: it follows the members' journals and answers on a socket.
        .target(
            name: "QanatService",
            dependencies: [
                "QanatCore", "QanatJournal", "QanatStore", "QanatChannel",
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            path: "Sources/Service"),
        // A site's relay to the PostgreSQL hub, and the hub's schema and registry of sites.
        .target(
            name: "QanatHub",
            dependencies: [
                "QanatCore", "QanatJournal", "QanatStore", "QanatChannel",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                // The SCRAM verifier of a site's password, made before it reaches the hub.
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            path: "Sources/Hub"),
        .executableTarget(
            name: "QanatApp",
            dependencies: [
                "QanatCore", "QanatJournal", "QanatStore", "QanatChannel", "QanatText", "QanatUI", "QanatDesk",
                "QanatTerminal", "QanatService", "QanatHub", "CLinux",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                // Exercise scenarios are TOML, as themes and the config file are.
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            path: "Sources/App"),
        // Synthetic traffic shared by the tests and the benchmark.
        .target(name: "QanatFixtures", dependencies: ["QanatCore", "QanatJournal"], path: "Sources/Fixtures"),
        .executableTarget(
            name: "QanatBench",
            dependencies: [
                "QanatCore", "QanatJournal", "QanatStore", "QanatChannel", "QanatFixtures", "QanatHub", "QanatUI",
                "QanatDesk",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Sources/Bench"),
        .testTarget(name: "CoreTests", dependencies: ["QanatCore"]),
        // A directory per test, removed when it passes: every test target that writes files takes it.
        .target(name: "QanatScratch", path: "Tests/Scratch"),
        .testTarget(name: "JournalTests", dependencies: ["QanatCore", "QanatJournal", "QanatScratch"]),
        .testTarget(name: "TextTests", dependencies: ["QanatText"]),
        .testTarget(name: "HubTests", dependencies: ["QanatCore", "QanatHub"]),
        .testTarget(name: "UITests", dependencies: ["QanatCore", "QanatText", "QanatUI"], exclude: ["Snapshots"]),
        .testTarget(
            name: "StoreTests", dependencies: ["QanatCore", "QanatJournal", "QanatStore", "QanatScratch"],
            exclude: ["Schema"]),
        .testTarget(
            name: "ChannelTests",
            dependencies: ["QanatCore", "QanatJournal", "QanatStore", "QanatChannel", "QanatScratch"],
            exclude: ["Journals"]),
        // What the desk's and the end-to-end tests share: the real binary run as a process, a screen in the test's own process.
        .target(name: "QanatTestSupport", dependencies: ["QanatUI", "QanatScratch"], path: "Tests/Support"),
        .testTarget(
            name: "DeskTests",
            dependencies: [
                "QanatCore", "QanatStore", "QanatChannel", "QanatUI", "QanatDesk", "QanatFixtures", "QanatTestSupport",
                "QanatScratch",
            ]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "QanatCore", "QanatJournal", "QanatStore", "QanatChannel", "QanatUI", "QanatDesk", "QanatFixtures",
                "QanatApp", "QanatText",
                "QanatTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Releases"]),
    ]
)
