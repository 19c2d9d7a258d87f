#!/usr/bin/env python3
"""Write the generated test fixtures under tests/fixtures/.

- syukujitsu-2025-2027.cp932.csv: the embedded holiday list's rows for 2025..2027 in the
  exact format the Cabinet Office publishes (CP932, CRLF, its header), for the core's
  CP932 parser test.

Run from anywhere: scripts/make-fixtures.py
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def holiday_fixture() -> None:
    lines = (ROOT / "core" / "data" / "syukujitsu.csv").read_text(encoding="utf-8").splitlines()
    header, rows = lines[0], lines[1:]
    chosen = [row for row in rows if row[:4] in {"2025", "2026", "2027"}]
    text = "\r\n".join([header, *chosen]) + "\r\n"
    (FIXTURES / "syukujitsu-2025-2027.cp932.csv").write_bytes(text.encode("cp932"))


if __name__ == "__main__":
    FIXTURES.mkdir(parents=True, exist_ok=True)
    holiday_fixture()
