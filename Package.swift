// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "reviewbot",
    products: [
        .executable(name: "reviewbot", targets: ["reviewbot"]),
        .library(name: "ReviewBotCore", targets: ["ReviewBotCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(
            name: "ReviewBotCore",
            dependencies: [
                "CLibGit2",
                "CCurl",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "reviewbot",
            dependencies: [
                "ReviewBotCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ReviewBotCoreTests",
            dependencies: ["ReviewBotCore", "reviewbot", .product(name: "Yams", package: "Yams")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
