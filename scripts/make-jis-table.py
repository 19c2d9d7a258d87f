#!/usr/bin/env python3
"""Writes core/data/jis0208-cp932.bin, the table core/src/jis.rs decodes Shift_JIS and
EUC-JP through: for every pointer of the Encoding Standard's Shift_JIS decoder
(lead byte and trail byte as (lead - 0x81 or 0xC1) * 188 + (trail - 0x40 or 0x41), the
same numbering as index-jis0208: row * 94 + cell), the character Windows' code page 932
gives that byte pair, as a big-endian UTF-16 unit; 0 where the pair means nothing.
Python's own cp932 codec is the source. Run from anywhere: scripts/make-jis-table.py"""
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "core" / "data" / "jis0208-cp932.bin"
# Lead bytes 0x81-0x9F and 0xE0-0xFC, 188 trail bytes each.
POINTERS = (0x9F - 0x81 + 1 + 0xFC - 0xE0 + 1) * 188


def shift_jis_bytes(pointer: int) -> bytes:
    lead, trail = divmod(pointer, 188)
    lead += 0x81 if lead < 0x1F else 0xC1
    trail += 0x40 if trail < 0x3F else 0x41
    return bytes([lead, trail])


def main() -> None:
    table = bytearray()
    for pointer in range(POINTERS):
        try:
            text = shift_jis_bytes(pointer).decode("cp932")
        except UnicodeDecodeError:
            text = ""
        unit = ord(text) if len(text) == 1 and ord(text) <= 0xFFFF else 0
        table += unit.to_bytes(2, "big")
    OUT.write_bytes(bytes(table))
    print(f"wrote {OUT} ({POINTERS} pointers)")


if __name__ == "__main__":
    main()
