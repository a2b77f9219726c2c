// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Accord",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "AccordCore", targets: ["AccordCore"]),
        .library(name: "AccordNegotiation", targets: ["AccordNegotiation"]),
        .library(name: "AccordForecast", targets: ["AccordForecast"]),
        .library(name: "AccordFormats", targets: ["AccordFormats"]),
        .library(name: "AccordReport", targets: ["AccordReport"]),
        .library(name: "AccordKit", targets: ["AccordKit"]),
        .library(name: "AccordStore", targets: ["AccordStore"]),
        .library(name: "AccordServer", targets: ["AccordServer"]),
        .executable(name: "accord", targets: ["accord"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-numerics.git", from: "1.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        .package(
            url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.0", traits: ["FullFoundation"]),
    ],
    targets: [
        .target(name: "AccordCore", dependencies: [.product(name: "RealModule", package: "swift-numerics")]),
        .target(
            name: "AccordNegotiation",
            dependencies: ["AccordCore", .product(name: "RealModule", package: "swift-numerics")]
        ),
        .target(
            name: "AccordForecast",
            dependencies: ["AccordCore", .product(name: "RealModule", package: "swift-numerics")]
        ),
        .target(
            name: "AccordFormats",
            dependencies: [
                "AccordCore", "AccordNegotiation", "AccordForecast", .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Resources/Scenarios")]
        ),
        .target(
            name: "AccordReport",
            dependencies: ["AccordCore", "AccordNegotiation", "AccordForecast", "AccordFormats"]
        ),
        .target(
            name: "AccordKit",
            dependencies: ["AccordCore", "AccordNegotiation", "AccordForecast", "AccordFormats", "AccordReport"]
        ),
        .target(
            name: "AccordStore",
            dependencies: [
                "AccordKit", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "AccordServer",
            dependencies: [
                "AccordKit", "AccordReport", "AccordStore", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Yams", package: "Yams"), .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources/Public")]
        ),
        .executableTarget(
            name: "accord",
            dependencies: [
                "AccordKit", "AccordServer", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "AccordCoreTests",
            dependencies: ["AccordCore", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "AccordNegotiationTests", dependencies: ["AccordNegotiation", "AccordFormats"]),
        .testTarget(name: "AccordFormatsTests", dependencies: ["AccordFormats"]),
        .testTarget(name: "AccordForecastTests", dependencies: ["AccordForecast", "AccordFormats"]),
        .testTarget(name: "AccordReportTests", dependencies: ["AccordReport", "AccordFormats"]),
        .testTarget(name: "AccordKitTests", dependencies: ["AccordKit"]),
        .testTarget(
            name: "AccordStoreTests",
            dependencies: [
                "AccordStore", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "AccordServerTests",
            dependencies: [
                "AccordServer", "AccordStore", .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(name: "accordTests", dependencies: ["accord"]),
    ],
    swiftLanguageModes: [.v6]
)
