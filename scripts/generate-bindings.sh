#!/usr/bin/env bash
# Builds the shikaku-ffi library and writes its Kotlin, Swift and Python bindings into
# build/bindings/{kotlin,swift,python} (ignored by git; generated code is never
# committed). The Python folder also gets the library itself, so `import shikaku` works
# there. Usage: scripts/generate-bindings.sh [--release]
set -euo pipefail
cd "$(dirname "$0")/.."
profile=debug
cargo_flags=(--locked -p shikaku-ffi)
if [ "${1:-}" = "--release" ]; then
  profile=release
  cargo_flags+=(--release)
fi
cargo build "${cargo_flags[@]}"
case "$(uname -s)" in
  Darwin) library="target/$profile/libshikaku_ffi.dylib" ;;
  *) library="target/$profile/libshikaku_ffi.so" ;;
esac
out=build/bindings
rm -rf "$out"
for language in kotlin swift python; do
  cargo run --locked --quiet -p uniffi-bindgen -- generate --library "$library" \
    --language "$language" --config bindings/uniffi.toml --out-dir "$out/$language"
done
cp "$library" "$out/python/"
echo "bindings in $out (from $library)" >&2
