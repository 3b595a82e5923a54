// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "PushDesk",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "pushdesk", targets: ["pushdesk"]),
        .executable(name: "pushdesk-bench", targets: ["pushdesk-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.34.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/hummingbird-project/swift-websocket", from: "1.6.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(name: "Domain"),
        .target(name: "QRCode"),
        .target(name: "XummPlatform", dependencies: [
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "WSClient", package: "swift-websocket"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "XRPLTx", dependencies: [
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "Store", dependencies: [
            "Domain",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "WebhookInbox", dependencies: [
            "XummPlatform", "Store", "Domain",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "XummSimulator", dependencies: [
            "XummPlatform",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "ConsoleCore", dependencies: ["XRPLTx", "Domain"]),
        .target(name: "Terminal", dependencies: ["CNcursesw", "ConsoleCore"]),
        .target(name: "Runtime", dependencies: [
            "ConsoleCore", "Terminal", "XummPlatform", "XRPLTx", "Store", "WebhookInbox", "XummSimulator", "QRCode",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "Wiring", dependencies: [
            "Runtime", "ConsoleCore", "Domain", "Store", "WebhookInbox", "XummPlatform", "XRPLTx", "XummSimulator",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "pushdesk", dependencies: [
            "Wiring", "ConsoleCore", "Runtime", "Domain", "Store", "WebhookInbox", "XummPlatform", "XRPLTx", "XummSimulator",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "pushdesk-bench", dependencies: [
            "Runtime", "ConsoleCore", "ConsoleTestSupport", "XRPLTx", "Domain", "Store", "WebhookInbox", "XummPlatform", "XummSimulator", "Terminal", "QRCode",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
        ], path: "Benchmarks/pushdesk-bench"),
        .target(name: "ConsoleTestSupport", dependencies: ["ConsoleCore", "Domain", "XRPLTx"], path: "Tests/ConsoleTestSupport"),
        .target(name: "SimulatorTestSupport", dependencies: [
            "XummSimulator", "XummPlatform",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ], path: "Tests/SimulatorTestSupport"),
        .target(name: "PostgresTestSupport", dependencies: [
            "Store",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
        ], path: "Tests/PostgresTestSupport"),
        .testTarget(name: "XummPlatformTests", dependencies: [
            "XummPlatform", "XummSimulator", "SimulatorTestSupport",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),
        .testTarget(name: "DomainTests", dependencies: ["Domain"]),
        .testTarget(name: "XRPLTxTests", dependencies: ["XRPLTx"]),
        .testTarget(name: "QRCodeTests", dependencies: ["QRCode"], exclude: ["segno_oracle.py"]),
        .testTarget(name: "StoreTests", dependencies: [
            "Store", "WebhookInbox", "XummPlatform", "Domain", "Runtime", "ConsoleCore", "SimulatorTestSupport", "PostgresTestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "XummSimulatorTests", dependencies: [
            "XummSimulator", "XummPlatform", "SimulatorTestSupport",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ]),
        .testTarget(name: "ConsoleCoreTests", dependencies: ["ConsoleCore", "ConsoleTestSupport"]),
        .testTarget(name: "WiringTests", dependencies: ["Wiring", "Store", "XummPlatform", "XummSimulator", "SimulatorTestSupport"]),
        .testTarget(name: "RuntimeTests", dependencies: [
            "Runtime", "Wiring", "ConsoleCore", "Terminal", "Store", "WebhookInbox", "XummPlatform", "XummSimulator", "SimulatorTestSupport",
            "PostgresTestSupport",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Logging", package: "swift-log"),
        ]),
    ]
)
