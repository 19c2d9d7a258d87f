#!/usr/bin/env bash
# Builds the core for iOS (device and simulator) on a Mac with Xcode, makes
# ShikakuCoreFFI.xcframework, places it with the generated Swift bindings in the local Swift
# package ios-shell/ShikakuCore (binary target + bindings target; ignored by git), and
# writes ios-shell/Shikaku.xcodeproj from project.yml with XcodeGen (brew install xcodegen).
# Not run on the project's Linux CI machines, which have no Xcode.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(uname -s)" = Darwin ] || { echo "build-xcframework.sh needs macOS with Xcode" >&2; exit 1; }
targets=(aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios)
rustup target add "${targets[@]}"
for target in "${targets[@]}"; do
  cargo build --locked --release -p shikaku-ffi --target "$target"
done
bash scripts/generate-bindings.sh --release
work=build/xcframework
rm -rf "$work" && mkdir -p "$work/headers" "$work/simulator"
cp build/bindings/swift/ShikakuCoreFFI.h "$work/headers/"
# UniFFI's module map names the C modules it uses (`use "Darwin"` …); Xcode 26 rejects a
# `use` of a module the XCFramework does not declare, and the header needs none of them.
sed '/^[[:space:]]*use "/d' build/bindings/swift/ShikakuCoreFFI.modulemap > "$work/headers/module.modulemap"
lipo -create target/aarch64-apple-ios-sim/release/libshikaku_ffi.a \
  target/x86_64-apple-ios/release/libshikaku_ffi.a -output "$work/simulator/libshikaku_ffi.a"
package=ios-shell/ShikakuCore
# The binary target is named ShikakuCoreFFI (Package.swift): its XCFramework must bear
# the same name.
rm -rf "$package/ShikakuCoreFFI.xcframework"
xcodebuild -create-xcframework \
  -library target/aarch64-apple-ios/release/libshikaku_ffi.a -headers "$work/headers" \
  -library "$work/simulator/libshikaku_ffi.a" -headers "$work/headers" \
  -output "$package/ShikakuCoreFFI.xcframework"
mkdir -p "$package/Sources/ShikakuCore"
cp build/bindings/swift/ShikakuCore.swift "$package/Sources/ShikakuCore/"
echo "xcframework and bindings in $package" >&2
if command -v xcodegen >/dev/null; then
  (cd ios-shell && xcodegen generate)
  echo "open ios-shell/Shikaku.xcodeproj and run the Shikaku scheme on a simulator" >&2
else
  echo "install XcodeGen (brew install xcodegen), then run: cd ios-shell && xcodegen generate" >&2
fi
