#!/usr/bin/env python3
"""Showing a stored 16 MiB PDF through the release CLI against its reference: the same
number of sealed bytes, with the same cipher, read and decrypted by OpenSSL in one
process (scripts/bench/openssl_open.c). Both write the PDF to /dev/null; each run is a
process of its own, the two interleaved so that a busy machine slows both alike; the
medians of wall time and of CPU time (user + system, from wait4) are written to
target/bench/cli-show.json for scripts/performance-report.py."""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
OUT = ROOT / "target" / "bench"
CLI = ROOT / "target" / "release" / "shikaku"
REFERENCE = OUT / "openssl_open"
RUNS = 21
MIB = 16


def run(argv: list[str], stdin: str | None = None) -> tuple[float, float]:
    """Wall and CPU seconds of one process writing to /dev/null."""
    actions = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)]
    if stdin:
        actions.append((os.POSIX_SPAWN_OPEN, 0, stdin, os.O_RDONLY, 0))
    started = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, dict(os.environ), file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{argv} failed")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    subprocess.run(["cc", "-O2", "-o", str(REFERENCE), str(ROOT / "scripts/bench/openssl_open.c"),
                    "-lcrypto"], check=True)
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        pdf = work / "big.pdf"
        subprocess.run([sys.executable, str(ROOT / "scripts/bench/make_large_pdf.py"), str(MIB), str(pdf)],
                       check=True)
        pdf_bytes = pdf.stat().st_size
        store = [str(CLI), "--data-dir", str(work / "data"), "--key-store", "file"]
        member = subprocess.run(store + ["member", "add"], check=True, capture_output=True, text=True,
                                input='{"display_name":"B","relationship":"myself",'
                                      '"facts":{"birth_date":"1985-04-12"}}').stdout.strip()
        subprocess.run(store + ["doc", "import", "--member", member, str(pdf)], check=True,
                       capture_output=True)
        info = subprocess.run(store + ["store", "info"], check=True, capture_output=True, text=True).stdout
        algorithm = next(line.split(":", 1)[1].split("(")[0].strip()
                         for line in info.splitlines() if line.startswith("sealing:"))
        format_byte = {"AES-256-GCM": "22", "ChaCha20-Poly1305": "21"}[algorithm]
        key = os.urandom(32).hex()
        sealed = work / "sealed.bin"
        with open(pdf, "rb") as plain, open(sealed, "wb") as out:
            subprocess.run([str(REFERENCE), "seal", key, format_byte], stdin=plain, stdout=out, check=True)
        show = store + ["doc", "export", "--member", member, "--out", "-"]
        reference = [str(REFERENCE), "open", key]
        for _ in range(3):
            run(show)
            run(reference, str(sealed))
        cli, ref = [], []
        for _ in range(RUNS):
            cli.append(run(show))
            ref.append(run(reference, str(sealed)))
    median = lambda runs, i: statistics.median(r[i] for r in runs)  # noqa: E731
    result = {
        "mib": MIB, "runs": RUNS, "algorithm": algorithm, "pdf_bytes": pdf_bytes,
        "cli_wall": median(cli, 0), "cli_cpu": median(cli, 1),
        "reference_wall": median(ref, 0), "reference_cpu": median(ref, 1),
    }
    (OUT / "cli-show.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
