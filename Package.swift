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
        .executable(name: "accord", targets: ["accord"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-numerics.git", from: "1.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
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
        .executableTarget(
            name: "accord",
            dependencies: ["AccordKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
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
        .testTarget(name: "accordTests", dependencies: ["accord"]),
    ],
    swiftLanguageModes: [.v6]
)
