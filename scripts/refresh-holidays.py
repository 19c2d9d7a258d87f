#!/usr/bin/env python3
"""Refresh core/data/syukujitsu.csv, the embedded holiday list of rule R7.

The list is the Cabinet Office's 「国民の祝日」 CSV (syukujitsu.csv): CP932, CRLF, header
`国民の祝日・休日月日,国民の祝日・休日名称`, rows such as `2026/5/6,休日`. The project keeps
a UTF-8 copy of exactly that format (CRLF kept) so that the core's CP932 parser and the
embedded copy share one row grammar.

Sources, in order:
1. the Cabinet Office URL itself, when this machine can reach it (decoded from CP932);
2. otherwise registry packages that carry the same data: PyPI `holidays` for the rows,
   cross-checked against npm `@holiday-jp/holiday_jp` on every year both cover (1970 on)
   and against PyPI `jpholiday` on 2016..2027 (jpholiday applies the 国民の休日 rule of
   1985 to earlier years, so older years are not compared with it). Any disagreement
   stops the script without touching the file.

Usage: scripts/refresh-holidays.py [--offline] [--last-year 2027] [--out PATH]
The packages are installed into target/holiday-sources/ (a venv and an npm folder).
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OFFICIAL_URL = "https://www8.cao.go.jp/chosei/shukujitsu/syukujitsu.csv"
HEADER = "国民の祝日・休日月日,国民の祝日・休日名称"
FIRST_YEAR = 1955  # the Cabinet Office list starts here
CROSS_CHECK = (2016, 2027)  # years every source must agree on (RULES.md R7)


def fetch_official(timeout: float) -> list[tuple[dt.date, str]]:
    with urllib.request.urlopen(OFFICIAL_URL, timeout=timeout) as response:
        raw = response.read()
    text = raw.decode("cp932")
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or ",".join(rows[0]) != HEADER:
        raise ValueError("unexpected header in the official CSV")
    out = []
    for cells in rows[1:]:
        if not cells:
            continue
        y, m, d = (int(p) for p in cells[0].split("/"))
        out.append((dt.date(y, m, d), cells[1]))
    return out


def sources_dir() -> Path:
    path = ROOT / "target" / "holiday-sources"
    path.mkdir(parents=True, exist_ok=True)
    return path


def python_sources(last_year: int) -> tuple[dict, dict]:
    base = sources_dir()
    venv = base / "venv"
    py = venv / "bin" / "python"
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(py), "-m", "pip", "install", "-q", "jpholiday==1.0.3", "holidays==0.108"],
                   check=True)
    program = f"""
import json, jpholiday, holidays
jp = {{}}
for year in range({FIRST_YEAR}, {last_year} + 1):
    for day, name in jpholiday.year_holidays(year):
        jp[day.isoformat()] = name
other = {{}}
for day, name in holidays.Japan(years=range({FIRST_YEAR}, {last_year} + 1), language="ja").items():
    other[day.isoformat()] = name
print(json.dumps({{"jpholiday": jp, "holidays": other}}, ensure_ascii=False))
"""
    result = subprocess.run([str(py), "-c", program], check=True, capture_output=True, text=True)
    data = json.loads(result.stdout)
    return data["jpholiday"], data["holidays"]


def npm_source() -> dict:
    base = sources_dir() / "npm"
    base.mkdir(exist_ok=True)
    if not (base / "package.json").exists():
        (base / "package.json").write_text('{"name": "holiday-sources", "private": true}\n')
    subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund",
                    "@holiday-jp/holiday_jp@2.5.1"], cwd=base, check=True)
    program = ("const h=require('@holiday-jp/holiday_jp/lib/holidays.js');"
               "const o={};for(const k of Object.keys(h.holidays||h)){const v=(h.holidays||h)[k];"
               "o[k]=v.name}console.log(JSON.stringify(o))")
    result = subprocess.run(["node", "-e", program], cwd=base, check=True, capture_output=True,
                            text=True)
    return json.loads(result.stdout)


def cabinet_office_name(name: str) -> str:
    """The Cabinet Office writes 休日 for substitute and in-between days."""
    if "振替休日" in name or name == "国民の休日":
        return "休日"
    return name


def disagreements(primary: dict, label: str, other: dict, first: int, last: int) -> list[str]:
    """Years in first..last where the two sources list different dates."""
    problems = []
    for year in range(first, last + 1):
        a = {k for k in primary if int(k[:4]) == year}
        b = {k for k in other if int(k[:4]) == year}
        if not b:
            problems.append(f"{year}: {label} lists nothing")
        elif a != b:
            problems.append(f"{year}: only holidays {sorted(a - b)}, only {label} {sorted(b - a)}")
    return problems


def from_packages(last_year: int) -> list[tuple[dt.date, str]]:
    jpholiday_rows, holidays_rows = python_sources(last_year)
    npm_rows = npm_source()
    npm_first = min(int(k[:4]) for k in npm_rows)
    problems = disagreements(holidays_rows, "@holiday-jp/holiday_jp", npm_rows, npm_first,
                             last_year)
    problems += disagreements(holidays_rows, "jpholiday", jpholiday_rows, CROSS_CHECK[0],
                              min(CROSS_CHECK[1], last_year))
    if problems:
        raise SystemExit("holiday sources disagree:\n  " + "\n  ".join(problems))
    return sorted((dt.date.fromisoformat(k), cabinet_office_name(v))
                  for k, v in holidays_rows.items())


def write_csv(rows: list[tuple[dt.date, str]], out: Path) -> None:
    lines = [HEADER] + [f"{d.year}/{d.month}/{d.day},{name}" for d, name in rows]
    out.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offline", action="store_true", help="skip the official URL")
    parser.add_argument("--last-year", type=int, default=dt.date.today().year + 1)
    parser.add_argument("--out", type=Path, default=ROOT / "core" / "data" / "syukujitsu.csv")
    args = parser.parse_args()
    rows = None
    if not args.offline:
        try:
            rows = fetch_official(timeout=10)
            print(f"official list: {len(rows)} rows", file=sys.stderr)
        except Exception as error:  # unreachable here: fall back to the packages
            print(f"official list not reachable ({error.__class__.__name__}); "
                  "building from registry packages", file=sys.stderr)
    if rows is None:
        rows = from_packages(args.last_year)
        print(f"packages agree; {len(rows)} rows {FIRST_YEAR}..{args.last_year}", file=sys.stderr)
    write_csv(rows, args.out)
    print(f"wrote {os.path.relpath(args.out, ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
