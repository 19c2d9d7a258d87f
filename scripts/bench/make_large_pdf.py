#!/usr/bin/env python3
"""Writes a valid one-page PDF of about SIZE MiB: a line of text and an incompressible
image (pseudo-random bytes from a fixed seed), for the benchmarks of showing a stored
PDF. The PDF is written by scripts/make-fixtures.py's `write_pdf`.
Usage: make_large_pdf.py SIZE_MIB OUT"""
import importlib.util
import random
import sys
from pathlib import Path

FIXTURES_SCRIPT = Path(__file__).resolve().parent.parent / "make-fixtures.py"


def main() -> None:
    mib, out = int(sys.argv[1]), Path(sys.argv[2])
    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES_SCRIPT)
    fixtures = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fixtures)
    noise = random.Random(18).randbytes(mib * 1024 * 1024)
    side = 1024
    height = max(1, len(noise) // (side * 3))
    content = b"BT /F1 12 Tf 72 720 Td (Shikaku benchmark) Tj ET q 200 0 0 260 72 400 cm /Im1 Do Q"
    fixtures.write_pdf(out, [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB"
        b" /BitsPerComponent 8 /Length %d >>\nstream\n" % (side, height, len(noise))
        + noise + b"\nendstream",
    ])


if __name__ == "__main__":
    main()
