#!/usr/bin/env python3
"""Write core/data/adobe-japan1-ucs2.bin: the Unicode of the Adobe-Japan1 CIDs a 資格情報
can print, for fonts that show CIDs (Identity-H/-V) without a ToUnicode map.

The mapping comes from pdfminer.six's CMap resources (to-unicode-Adobe-Japan1, from
Adobe's Adobe-Japan1-UCS2 data), installed from PyPI into target/fixture-venv. Kept: every
CID whose character, after NFKC, is printable ASCII, Japanese punctuation, kana, a CJK
ideograph or a full-/half-width form (so circled digits and squared era names stay, Greek,
Cyrillic and box drawing go). The horizontal mapping is preferred; a CID that has only a
vertical mapping (a vertical form) keeps it.

Format (big-endian): b"AJ1U", u16 run count, then per run of consecutive CIDs
(u16 first CID, u16 length, u16 index of its first code point), then the code points
(u16 each, all in the Basic Multilingual Plane). core/src/vault/pdf/adobe_japan1.rs reads it.

Run from anywhere: scripts/make-adobe-japan1-table.py
"""
import gzip
import json
import struct
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fixturetools import ensure_venv  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "core" / "data" / "adobe-japan1-ucs2.bin"
PDFMINER = "pdfminer.six==20260107"


def allowed(char: str) -> bool:
    def plain(c: str) -> bool:
        code = ord(c)
        return (0x20 <= code <= 0x7E or 0x3000 <= code <= 0x30FF or 0x3400 <= code <= 0x4DBF
                or 0x4E00 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xFF00 <= code <= 0xFFEF)

    normalized = unicodedata.normalize("NFKC", char)
    return bool(normalized) and all(plain(c) for c in normalized)


def main() -> None:
    ensure_venv(__file__, [PDFMINER])
    import pdfminer

    path = Path(pdfminer.__file__).parent / "cmap" / "to-unicode-Adobe-Japan1.json.gz"
    data = json.loads(gzip.decompress(path.read_bytes()))
    mapping: dict[int, str] = {int(cid): text for cid, text in data["CID2UNICHR_V"].items()}
    mapping.update({int(cid): text for cid, text in data["CID2UNICHR_H"].items()})
    kept = {cid: text for cid, text in mapping.items()
            if len(text) == 1 and ord(text) <= 0xFFFF and allowed(text)}

    runs: list[tuple[int, int, int]] = []
    codes: list[int] = []
    for cid in sorted(kept):
        if runs and runs[-1][0] + runs[-1][1] == cid:
            first, length, index = runs[-1]
            runs[-1] = (first, length + 1, index)
        else:
            runs.append((cid, 1, len(codes)))
        codes.append(ord(kept[cid]))
    out = bytearray(b"AJ1U")
    out += struct.pack(">H", len(runs))
    for run in runs:
        out += struct.pack(">HHH", *run)
    out += b"".join(struct.pack(">H", code) for code in codes)
    OUT.write_bytes(bytes(out))
    print(f"{OUT.relative_to(ROOT)}: {len(kept)} CIDs in {len(runs)} runs, {len(out)} bytes")


if __name__ == "__main__":
    main()
