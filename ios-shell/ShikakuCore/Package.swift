// swift-tools-version:5.9
// The core as a local Swift package: the static library for device and simulator
// (ShikakuCore.xcframework) and the generated Swift bindings (Sources/ShikakuCore), both
// put here by scripts/build-xcframework.sh and ignored by git.
import PackageDescription

let package = Package(
    name: "ShikakuCore",
    platforms: [.iOS(.v17)],
    products: [
        .library(name: "ShikakuCore", targets: ["ShikakuCore"])
    ],
    targets: [
        .binaryTarget(name: "ShikakuCoreFFI", path: "ShikakuCore.xcframework"),
        .target(name: "ShikakuCore", dependencies: ["ShikakuCoreFFI"], path: "Sources/ShikakuCore")
    ]
)
