"""What the fixture scripts share: the smallest PDF writer (numbered objects, one
classic cross-reference table, a trailer), the 保険者番号 check digit, full-width digits,
and a venv under target/ for the registry packages a script needs. Standard library only."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / "target" / "fixture-venv"


def ensure_venv(script: str, packages: list[str]) -> None:
    """Re-runs `script` inside target/fixture-venv with `packages` installed from PyPI."""
    if os.environ.get("SHIKAKU_FIXTURE_VENV") == "1":
        return
    python = VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", *packages], check=True)
    env = dict(os.environ, SHIKAKU_FIXTURE_VENV="1")
    os.execve(str(python), [str(python), script, *sys.argv[1:]], env)


def insurer_number(body: str) -> str:
    """Appends the 保険者番号 check digit (RULES.md R11)."""
    total = 0
    for index, digit in enumerate(reversed(body)):
        product = int(digit) * (2 if index % 2 == 0 else 1)
        total += product // 10 + product % 10
    return body + str((10 - total % 10) % 10)


def full_width(text: str) -> str:
    return text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})


def stream(dictionary: bytes, data: bytes) -> bytes:
    """A stream object's body: `dictionary` (entries without << >>) and its data."""
    return b"<< %s /Length %d >>\nstream\n" % (dictionary, len(data)) + data + b"\nendstream"


def classic_pdf(objects: list[bytes], *, root: int = 1, version: bytes = b"1.4",
                binary_marker: bool = False) -> bytes:
    """Objects numbered from 1 in order, their offsets in a table, `root` as /Root; with
    `binary_marker`, the comment of high bytes most producers put after the header."""
    out = bytearray(b"%%PDF-%s\n" % version)
    if binary_marker:
        out += b"%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, xref)
    return bytes(out)
