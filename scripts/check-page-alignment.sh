#!/usr/bin/env bash
# Fails unless every LOAD segment of the ELF shared library $1 is aligned to 16 KB (0x4000)
# or more, as Android 15+ devices with 16 KB pages need. Reads `readelf -lW`.
set -euo pipefail
library=${1:?usage: check-page-alignment.sh LIBRARY.so}
command -v readelf >/dev/null || { echo "readelf is missing (binutils)" >&2; exit 1; }
aligns=$(readelf -lW "$library" | awk '$1 == "LOAD" { print $NF }')
[ -n "$aligns" ] || { echo "$library: no LOAD segments" >&2; exit 1; }
for align in $aligns; do
  if (( align < 0x4000 )); then
    echo "$library: a LOAD segment is aligned to $align, below 16 KB (0x4000)" >&2
    exit 1
  fi
done
echo "$library: every LOAD segment aligned to 16 KB or more ($(echo $aligns | tr ' ' ','))" >&2
