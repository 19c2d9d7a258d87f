#!/usr/bin/env bash
# The Swift side, wherever a Swift toolchain exists (Linux with swift.org's toolchain, or
# macOS with Xcode):
# 1. the iOS app's model package (ios-shell/ShikakuCore: the ShikakuModel target and its
#    XCTest tests) built and tested with `swift test` against the generated bindings and
#    the host build of the core (target/debug), through a module map written here into
#    ios-shell/ShikakuCore/Host (SHIKAKU_HOST_CORE selects it in Package.swift);
# 2. tests/swift/Usage.swift compiled against the same and run (a member added, the
#    dashboard read, the member moved by its code: share, inspect, receive).
# Without a toolchain it says what it could not run and why, and exits 0: the Swift files
# are still parsed and their calls checked against the bindings by pytest
# (tests/python/test_shell_parse.py, test_swift_names.py). The SwiftUI views and the iOS
# adapters (ios-shell/Shikaku) need Xcode and the iOS SDK: scripts/build-xcframework.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v swift >/dev/null 2>&1; then
  echo "check-swift: no Swift toolchain on this machine (no \`swift\` on PATH): the model package" \
    "ios-shell/ShikakuCore (ShikakuModel, ShikakuModelTests) was not built or tested, and" \
    "tests/swift/Usage.swift was not compiled; install swift.org's toolchain to run them" >&2
  exit 0
fi
bash scripts/generate-bindings.sh
root=$PWD
package=ios-shell/ShikakuCore
mkdir -p "$package/Host/ShikakuCoreFFI" "$package/Sources/ShikakuCore"
cp build/bindings/swift/ShikakuCoreFFI.h "$package/Host/ShikakuCoreFFI/"
cat > "$package/Host/ShikakuCoreFFI/module.modulemap" <<'MAP'
module ShikakuCoreFFI {
    header "ShikakuCoreFFI.h"
    link "shikaku_ffi"
    export *
}
MAP
cp build/bindings/swift/ShikakuCore.swift "$package/Sources/ShikakuCore/"
export LD_LIBRARY_PATH="$root/target/debug${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export DYLD_LIBRARY_PATH="$root/target/debug${DYLD_LIBRARY_PATH:+:$DYLD_LIBRARY_PATH}"
echo "check-swift: swift test in $package (ShikakuModelTests) with $(swift --version 2>&1 | head -1)" >&2
SHIKAKU_HOST_CORE=1 SHIKAKU_FIXTURES="$root/tests/fixtures" \
  swift test --package-path "$package" -Xlinker -L"$root/target/debug"

out=build/swift-usage
mkdir -p "$out"
swiftc -parse-as-library \
  -Xcc -fmodule-map-file="$package/Host/ShikakuCoreFFI/module.modulemap" \
  -I "$package/Host/ShikakuCoreFFI" -L target/debug -lshikaku_ffi \
  build/bindings/swift/ShikakuCore.swift tests/swift/Usage.swift -o "$out/usage"
"$out/usage"
echo "check-swift: the model package's tests and tests/swift/Usage.swift ran" >&2
