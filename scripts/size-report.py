#!/usr/bin/env python3
"""What takes the space in the release library: symbol sizes of an unstripped build of
the same profile (target/size-analysis, made by scripts/bench.sh), summed per crate.
Prints a Markdown table; C symbols are grouped by their library (SQLite, ring)."""
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = ROOT / "target" / "size-analysis" / "release" / "libshikaku_ffi.so"


def crate_of(name: str) -> str:
    if name.startswith("sqlite3") or name.startswith("sqlite"):
        return "SQLite (C, bundled)"
    if name.startswith("ring_") or name.startswith("GFp") or "_ring_core_" in name:
        return "ring (C and assembly)"
    if name.startswith("uniffi_") or name.startswith("ffi_shikaku"):
        return "uniffi scaffolding (exported functions)"
    # Rust symbols: the first crate named that is not the standard library, so that
    # `core::ptr::drop_in_place<rusqlite::Connection>` counts for rusqlite.
    crates = re.findall(r"(?<![A-Za-z0-9_:])([a-z_][a-z0-9_]*)::", name)
    outside_std = [c for c in crates if c not in {"core", "alloc", "std"}]
    if outside_std:
        return outside_std[0]
    return f"Rust standard library ({crates[0]})" if crates else "other (C, unnamed)"


def main() -> None:
    if not LIBRARY.exists():
        sys.exit(f"{LIBRARY} is missing: build it with scripts/bench.sh")
    output = subprocess.run(["nm", "-S", "--size-sort", "-C", str(LIBRARY)],
                            capture_output=True, text=True, check=True).stdout
    sizes = Counter()
    for line in output.splitlines():
        parts = line.split(" ", 3)
        if len(parts) == 4 and parts[2].lower() in "tdrbw":
            sizes[crate_of(parts[3])] += int(parts[1], 16)
    total = sum(sizes.values())
    print("| crate | KiB | share of symbols |")
    print("|---|---:|---:|")
    for crate, size in sizes.most_common(15):
        print(f"| {crate} | {size / 1024:.0f} | {100 * size / total:.0f}% |")


if __name__ == "__main__":
    main()
