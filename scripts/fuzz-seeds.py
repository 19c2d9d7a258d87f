#!/usr/bin/env python3
"""Write the seed corpora of the fuzz targets (core/fuzz) under target/fuzz-corpus/<target>/,
from the test fixtures and the rule vectors. Run by scripts/fuzz.sh; standard library only."""
import base64
import hashlib
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
CORPUS = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "target" / "fuzz-corpus"

# The text layer of a 資格情報 as the fixtures print it (scripts/make-fixtures.py).
DOCUMENT_TEXTS = [
    "医療保険の資格情報\n氏名\n佐藤 花子\n生年月日\n昭和60年4月12日\n保険者名称\nみなと架空健康保険組合\n"
    "保険者番号\n06139992\n被保険者等記号\n4123\n被保険者等番号\n5678\n枝番\n00\n"
    "資格取得年月日\n令和2年4月1日\n一部負担金の割合\n3割\n出力日\n令和8年11月1日\n",
    "資格情報（国民健康保険）\n氏名 鈴木 一郎\n生年月日 平成元年１月８日\n保険者番号 １３８９９２\n"
    "記号・番号（枝番） 架空12・3456（01）\n負担割合 ３割\n交付年月日 令和 8 年 10 月 5 日\n",
]
ERA_DATES = ["令和7年6月16日", "令和元年5月1日", "平成３１年４月３０日", "令和 7 年 6 月 16 日",
             "昭和64年1月7日", "大正15年12月25日", "2026-11-21"]
MEMBER = {"display_name": "山田 さくら", "relationship": "child",
          "facts": {"birth_date": "2015-05-05", "card_issued_on": "2023-01-10"},
          "insurance_fields": {"insurer_number": "06139992", "symbol": "4123"}}


def write(target: str, name: str, data: bytes) -> None:
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


def main() -> None:
    for pdf in sorted(FIXTURES.glob("*.pdf")):
        write("pdf_import", pdf.name, pdf.read_bytes())
    for index, text in enumerate(DOCUMENT_TEXTS):
        write("document_fields", f"text-{index}", text.encode())
    write("content_bundle", "content-default.json", (ROOT / "core/data/content-default.json").read_bytes())
    write("holiday_csv", "cabinet-office.csv", (FIXTURES / "syukujitsu-2025-2027.cp932.csv").read_bytes())
    payload = json.dumps({"member": MEMBER}, ensure_ascii=False).encode()
    write("member_transfer", "payload.json", payload)
    checksum = hashlib.sha256(payload).hexdigest()[:8]
    code = f"SHIKAKU-MEMBER:1:{base64.urlsafe_b64encode(payload).decode().rstrip('=')}:{checksum}"
    write("member_transfer", "code.txt", code.encode())
    for index, case in enumerate(json.loads((ROOT / "tests/vectors/vectors.json").read_text())):
        write("facts_json", f"vector-{index:02}.json", json.dumps(case["facts"], ensure_ascii=False).encode())
    for index, text in enumerate(ERA_DATES):
        write("era_date", f"date-{index}", text.encode())
    print(f"seed corpora in {CORPUS}")


if __name__ == "__main__":
    main()
