// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for reviewbot, kept out of the main package so its build, tests and CI stay as they are.
// Build and run them with `scripts/fuzz.sh` (release, `--sanitize=fuzzer`, `-enable-testing` so the targets can
// reach ReviewBotCore's internal lexer, answer reader and patch code through `@testable import`).
let package = Package(
    name: "reviewbot-fuzz",
    dependencies: [.package(name: "reviewbot", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "ReviewBotCore", package: "reviewbot")]),
        .executableTarget(name: "FuzzRules", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzConfig", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzAnswer", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzDiff", dependencies: ["FuzzSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
