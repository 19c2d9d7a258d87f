#!/usr/bin/env bash
# Builds the shikaku-ffi library and writes its Kotlin, Swift and Python bindings into
# build/bindings/{kotlin,swift,python} (ignored by git; generated code is never
# committed). The Python folder also gets the library itself, so `import shikaku` works
# there: the debug build, or with --release the release build.
# Usage: scripts/generate-bindings.sh [--release]
#
# The generator reads the interface from the library's UniFFI metadata symbols, which
# the release profile strips; the interface is the same in both profiles, so the
# bindings always come from the debug build.
set -euo pipefail
cd "$(dirname "$0")/.."
case "$(uname -s)" in
  Darwin) name=libshikaku_ffi.dylib ;;
  *) name=libshikaku_ffi.so ;;
esac
cargo build --locked -p shikaku-ffi
runtime="target/debug/$name"
if [ "${1:-}" = "--release" ]; then
  cargo build --locked --release -p shikaku-ffi
  runtime="target/release/$name"
fi
out=build/bindings
rm -rf "$out"
for language in kotlin swift python; do
  cargo run --locked --quiet -p uniffi-bindgen -- generate --library "target/debug/$name" \
    --language "$language" --config bindings/uniffi.toml --out-dir "$out/$language"
done
cp "$runtime" "$out/python/"
echo "bindings in $out (interface from target/debug/$name; Python loads $runtime)" >&2
