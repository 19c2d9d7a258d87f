#!/usr/bin/env bash
# Compiles and runs tests/swift/Usage.swift against the generated Swift bindings and the
# debug library, on a machine with a Swift toolchain (macOS with Xcode, or Linux with
# swift.org's toolchain). This project's CI machines have none; there the file is only
# parsed (tests/python/test_shell_parse.py).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v swiftc >/dev/null || { echo "no swiftc on this machine: nothing compiled" >&2; exit 0; }
bash scripts/generate-bindings.sh
out=build/swift-usage
mkdir -p "$out"
swiftc -parse-as-library \
  -Xcc -fmodule-map-file=build/bindings/swift/ShikakuCoreFFI.modulemap \
  -I build/bindings/swift -L target/debug -lshikaku_ffi \
  build/bindings/swift/ShikakuCore.swift tests/swift/Usage.swift -o "$out/usage"
LD_LIBRARY_PATH=target/debug DYLD_LIBRARY_PATH=target/debug "$out/usage"
