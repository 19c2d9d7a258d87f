"""Hostile PDFs meet the import's budget: one of each kind scripts/make-hostile-pdfs.py
writes (object-stream amplification, object count, font and CMap amplification, the
classic bombs; each up to 20 MiB), and the hostile fixtures committed under
tests/fixtures/, is imported or refused, as its kind says, by the release CLI's
`doc import` within 2 s and 256 MB peak RSS, measured per process with wait4 on this
machine. The figures of each run are written to target/hostile-pdf-report.md.

The release CLI is target/release/shikaku (scripts/test.sh builds it) or $SHIKAKU_RELEASE_BIN;
what each fixture gives inside the core is tested in core/tests/hostile_pdf.rs."""
import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHIKAKU = os.environ.get("SHIKAKU_RELEASE_BIN", str(ROOT / "target" / "release" / "shikaku"))
FIXTURES = ROOT / "tests" / "fixtures"
GENERATOR = ROOT / "scripts" / "make-hostile-pdfs.py"
REPORT = ROOT / "target" / "hostile-pdf-report.md"
TIME_LIMIT_S = 2.0
RSS_LIMIT_KIB = 256 * 1000 * 1000 // 1024

_spec = importlib.util.spec_from_file_location("make_hostile_pdfs", GENERATOR)
_generator = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_generator)
KINDS = {kind: outcome for kind, (_, outcome) in _generator.KINDS.items()}

COMMITTED = {
    "pdf-bomb-content.pdf": "refused",
    "pdf-bomb-xref.pdf": "refused",
    "pdf-nested-arrays.pdf": "refused",
    "pdf-page-tree-cycle.pdf": "imported",
    # Found by the pdf_import fuzz target (see tests/fixtures/fuzz/README.md); its
    # startxref misses its cross-reference table.
    "fuzz/pdf_import-oom-7348d6a0.pdf": "refused",
}

FIGURES: list[str] = []


# Spawns the CLI from a small interpreter of its own and reports its exit code, seconds
# and peak RSS (KiB). A child spawned straight from this test process would count this
# process's memory in its peak (the kernel records the memory it shared before exec);
# the small spawner's few MB are the floor instead.
SPAWNER = """
import os, sys, time
started = time.monotonic()
pid = os.posix_spawn(sys.argv[1], sys.argv[1:], os.environ,
                     file_actions=[(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
                                   (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)])
_, status, usage = os.wait4(pid, 0)
print(os.waitstatus_to_exitcode(status), time.monotonic() - started, usage.ru_maxrss)
"""


def run_measured(args):
    """Runs the CLI; returns its exit code, seconds and peak RSS (KiB) of that process alone."""
    measured = subprocess.run([sys.executable, "-I", "-S", "-c", SPAWNER, SHIKAKU, *args],
                              capture_output=True, text=True, check=True)
    code, seconds, peak_kib = measured.stdout.split()
    return int(code), float(seconds), int(peak_kib)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    assert Path(SHIKAKU).exists(), f"{SHIKAKU}: build it with cargo build --release -p shikaku-cli"
    data = tmp_path_factory.mktemp("store")
    args = ["--data-dir", str(data), "--key-store", "file"]
    draft = {"display_name": "Hostile", "relationship": "myself",
             "facts": {"birth_date": "1990-01-01"}}
    added = subprocess.run([SHIKAKU, *args, "member", "add"], input=json.dumps(draft).encode(),
                           capture_output=True, check=True)
    yield args, added.stdout.decode().strip()
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text("| PDF | bytes | outcome | ms | peak RSS MiB |\n|---|---:|---|---:|---:|\n"
                      + "\n".join(FIGURES) + "\n")


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    subprocess.run([sys.executable, str(GENERATOR), str(folder)], check=True, capture_output=True)
    return folder


def import_within_limits(store, path: Path, outcome: str):
    args, member_id = store
    code, seconds, peak_kib = run_measured([*args, "doc", "import", "--member", member_id, str(path)])
    FIGURES.append(f"| {path.name} | {path.stat().st_size} | exit {code} | {seconds * 1000:.0f} "
                   f"| {peak_kib / 1024:.1f} |")
    print(f"{path.name}: exit {code}, {seconds * 1000:.0f} ms, {peak_kib / 1024:.1f} MiB peak RSS")
    assert code == (0 if outcome == "imported" else 2), f"{path.name}: exit {code}"
    assert seconds <= TIME_LIMIT_S, f"{path.name}: {seconds:.2f} s"
    assert peak_kib <= RSS_LIMIT_KIB, f"{path.name}: {peak_kib} KiB peak RSS"


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_hostile_kind_is_imported_or_refused_within_2_s_and_256_mb(store, hostile_dir, kind):
    import_within_limits(store, hostile_dir / f"{kind}.pdf", KINDS[kind])


@pytest.mark.parametrize("name", sorted(COMMITTED))
def test_committed_hostile_fixtures_within_2_s_and_256_mb(store, name):
    import_within_limits(store, FIXTURES / name, COMMITTED[name])
