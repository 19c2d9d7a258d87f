#!/usr/bin/env python3
"""Times, through the generated Python bindings (build/bindings/python, from
`scripts/generate-bindings.sh --release`), the calls core/benches/ffi_calls.rs times in
Rust, on the same household: the members of tests/fixtures/household-8.json, received as
transfer codes (target/ffi-bench/household.codes, written by scripts/bench.sh).
Writes target/ffi-bench/python.json: the median nanoseconds per call of each.

    scripts/ffi-bench.py [SECONDS_PER_CALL]"""
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "target" / "ffi-bench"
sys.path.insert(0, str(ROOT / "build" / "bindings" / "python"))
import shikaku  # noqa: E402  (generated)


class DictSecretStore(shikaku.SecretStore):
    def __init__(self):
        self.secrets = {}

    def get_secret(self, name):
        return self.secrets.get(name)

    def set_secret(self, name, secret):
        self.secrets[name] = bytes(secret)

    def delete_secret(self, name):
        self.secrets.pop(name, None)


def median_ns(call, seconds: float) -> float:
    """Median of batch means, batches sized to about 10 ms."""
    start = time.perf_counter_ns()
    count = 0
    while time.perf_counter_ns() - start < 10_000_000:
        call()
        count += 1
    samples, deadline = [], time.monotonic() + seconds
    while time.monotonic() < deadline or len(samples) < 10:
        begin = time.perf_counter_ns()
        for _ in range(count):
            call()
        samples.append((time.perf_counter_ns() - begin) / count)
    return statistics.median(samples)


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 3.0
    codes = (OUT / "household.codes").read_text().split()
    with tempfile.TemporaryDirectory() as data:
        companion = shikaku.ShikakuCompanion.open(data, DictSecretStore(), shikaku.Locale.JA)
        for code in codes:
            companion.receive_member(code, None)
        assert len(companion.household_view()) == len(codes) == 8
        date = dt.date(2026, 12, 1)
        figures = {
            "format_date": median_ns(lambda: companion.format_date(date), seconds),
            "household_view": median_ns(companion.household_view, seconds),
        }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "python.json").write_text(json.dumps(figures, indent=1) + "\n")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
