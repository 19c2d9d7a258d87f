"""scripts/check-page-alignment.sh, the 16 KB page check scripts/build-android.sh runs on
the Android libraries, on two host libraries linked here with 4 KB and 16 KB pages."""

import pathlib
import shutil
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
CHECK = ROOT / "scripts" / "check-page-alignment.sh"

pytestmark = pytest.mark.skipif(
    shutil.which("cc") is None or shutil.which("readelf") is None, reason="needs cc and readelf"
)


def library(tmp_path: pathlib.Path, page_size: int) -> pathlib.Path:
    source = tmp_path / "f.c"
    source.write_text("int f(void) { return 1; }\n")
    out = tmp_path / f"lib{page_size}.so"
    subprocess.run(
        ["cc", "-shared", "-fPIC", f"-Wl,-z,max-page-size={page_size}", "-o", str(out), str(source)],
        check=True,
    )
    return out


def check(path: pathlib.Path) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(CHECK), str(path)], capture_output=True, text=True)


def test_a_library_linked_for_16_kb_pages_passes(tmp_path):
    result = check(library(tmp_path, 16384))
    assert result.returncode == 0, result.stderr
    assert "16 KB or more" in result.stderr


def test_a_library_linked_for_4_kb_pages_fails(tmp_path):
    result = check(library(tmp_path, 4096))
    assert result.returncode == 1
    assert "below 16 KB" in result.stderr
