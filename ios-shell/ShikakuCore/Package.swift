// swift-tools-version:5.9
// The core as a local Swift package, and the app's model over it.
//
// - ShikakuCoreFFI: the core's C interface. In Xcode, ShikakuCoreFFI.xcframework (the
//   static library for device and simulator, from scripts/build-xcframework.sh; a binary
//   target's name is its XCFramework's file name). With SHIKAKU_HOST_CORE set
//   (scripts/check-swift.sh, on Linux or macOS), the host build of the core
//   (target/debug) through the module map the script writes into Host/ShikakuCoreFFI.
// - ShikakuCore: the generated Swift bindings (Sources/ShikakuCore, put there by the
//   scripts; generated code is not committed).
// - ShikakuModel: the app's state and logic, Foundation and Observation only, with the
//   platform's services behind protocols; tested by ShikakuModelTests with fakes.
import Foundation
import PackageDescription

let hostCore = ProcessInfo.processInfo.environment["SHIKAKU_HOST_CORE"] != nil
let coreInterface: Target =
    hostCore
    ? .systemLibrary(name: "ShikakuCoreFFI", path: "Host/ShikakuCoreFFI")
    : .binaryTarget(name: "ShikakuCoreFFI", path: "ShikakuCoreFFI.xcframework")

let package = Package(
    name: "ShikakuCore",
    platforms: [.iOS(.v17), .macOS(.v14)],
    products: [
        .library(name: "ShikakuCore", targets: ["ShikakuCore"]),
        .library(name: "ShikakuModel", targets: ["ShikakuModel"]),
    ],
    targets: [
        coreInterface,
        .target(name: "ShikakuCore", dependencies: ["ShikakuCoreFFI"], path: "Sources/ShikakuCore"),
        .target(name: "ShikakuModel", dependencies: ["ShikakuCore"], path: "Model"),
        .testTarget(name: "ShikakuModelTests", dependencies: ["ShikakuModel", "ShikakuCore"], path: "Tests/ShikakuModelTests"),
    ]
)
