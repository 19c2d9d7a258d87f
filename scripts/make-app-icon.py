#!/usr/bin/env python3
"""Draws the iOS app icon, ios-shell/Shikaku/Assets.xcassets/AppIcon.appiconset/AppIcon.png:
1024×1024, opaque (the App Store refuses an alpha channel), the same drawing as the
Android adaptive icon (android-shell/app/src/main/res/drawable/ic_launcher_foreground.xml):
a white card outline with a chip and a check on indigo. Pure Python (zlib), so it runs
anywhere; run it again after changing the drawing.

Usage: scripts/make-app-icon.py [OUTPUT.png]
"""

import pathlib
import struct
import sys
import zlib

SIZE = 1024
INDIGO = (0x2F, 0x4A, 0x8A)
WHITE = (0xFF, 0xFF, 0xFF)
# The Android drawing is on a 108 unit canvas whose middle 72 units show; scaled to fill.
SCALE = SIZE / 72
OFFSET = 18


def unit(x: float) -> float:
    return (x - OFFSET) * SCALE


def in_rounded_rect(px, py, left, top, right, bottom, radius) -> bool:
    if not (left <= px <= right and top <= py <= bottom):
        return False
    cx = min(max(px, left + radius), right - radius)
    cy = min(max(py, top + radius), bottom - radius)
    return (px - cx) ** 2 + (py - cy) ** 2 <= radius**2


def near_segment(px, py, ax, ay, bx, by, half_width) -> bool:
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    qx, qy = ax + t * dx, ay + t * dy
    return (px - qx) ** 2 + (py - qy) ** 2 <= half_width**2


def white(px: float, py: float) -> bool:
    outer = in_rounded_rect(px, py, unit(24), unit(36), unit(84), unit(72), 6 * SCALE)
    inner = in_rounded_rect(px, py, unit(28), unit(40), unit(80), unit(68), 2 * SCALE)
    chip = unit(33) <= px <= unit(45) and unit(45) <= py <= unit(54)
    check = near_segment(px, py, unit(53), unit(58), unit(57), unit(62), 1.9 * SCALE) or near_segment(
        px, py, unit(57), unit(62), unit(67.6), unit(50.6), 1.9 * SCALE
    )
    return (outer and not inner) or chip or check


def png(pixels: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 2, 0, 0, 0)  # 8-bit RGB, no alpha
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(pixels, 9)) + chunk(b"IEND", b"")


def main() -> None:
    out = pathlib.Path(
        sys.argv[1] if len(sys.argv) > 1 else "ios-shell/Shikaku/Assets.xcassets/AppIcon.appiconset/AppIcon.png"
    )
    rows = bytearray()
    for y in range(SIZE):
        rows.append(0)  # no filter
        for x in range(SIZE):
            rows.extend(WHITE if white(x + 0.5, y + 0.5) else INDIGO)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(png(bytes(rows)))
    print(f"app icon: {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
