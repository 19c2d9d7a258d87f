#!/usr/bin/env bash
# The size of the library the apps ship (shikaku-ffi, release profile, stripped).
#   scripts/library-size.sh --check   x86_64 Linux only; fails past the 5 MiB budget
#                                     (scripts/test.sh runs this)
#   scripts/library-size.sh           also aarch64 Linux, the nearest figure to the
#                                     phones' (needs `rustup target add
#                                     aarch64-unknown-linux-gnu` and Debian's
#                                     gcc-aarch64-linux-gnu; installed when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
# The budget is 5 MiB, on the way to 4 MiB. The PDF reader, the calendar writer and the
# Japanese decoders are the core's own; the texts and tables compiled in are stored
# deflated (core/build.rs); SQLite is built without the parts the store does not use and
# C code without unwind tables (.cargo/config.toml); ring's Rust glue is optimised for
# size like the rest (its ciphers are assembly either way).
budget=$((5 * 1024 * 1024))

cargo build --locked --release -p shikaku-ffi
library=target/release/libshikaku_ffi.so
size=$(stat -c %s "$library")
printf 'x86_64-unknown-linux-gnu: %d bytes (%.2f MiB); budget %d bytes\n' \
  "$size" "$(echo "$size / 1048576" | bc -l)" "$budget"
if [ "$size" -gt "$budget" ]; then
  echo "the release library has grown past its budget of $budget bytes" >&2
  exit 1
fi
# A shared library links even when a symbol is missing (a SQLite option that leaves out
# code the parser still calls): load it with every symbol resolved now.
python3 -c 'import ctypes, sys; ctypes.CDLL(sys.argv[1], mode=ctypes.RTLD_GLOBAL)' "$library" \
  || { echo "the release library does not load: a symbol is missing" >&2; exit 1; }
[ "${1:-}" = "--check" ] && exit 0

target=aarch64-unknown-linux-gnu
rustup target list --installed | grep -qx "$target" || rustup target add "$target"
if ! command -v aarch64-linux-gnu-gcc > /dev/null; then
  apt-get -o DPkg::Lock::Timeout=600 install -y gcc-aarch64-linux-gnu
fi
CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc \
CC_aarch64_unknown_linux_gnu=aarch64-linux-gnu-gcc \
AR_aarch64_unknown_linux_gnu=aarch64-linux-gnu-ar \
  cargo build --locked --release -p shikaku-ffi --target "$target"
size=$(stat -c %s "target/$target/release/libshikaku_ffi.so")
printf '%s: %d bytes (%.2f MiB)\n' "$target" "$size" "$(echo "$size / 1048576" | bc -l)"
