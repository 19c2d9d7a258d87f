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
# CMaps as fonts embed them: a ToUnicode map and an encoding CMap.
CMAPS = [
    b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Adobe-Identity-UCS def\n"
    b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
    b"2 beginbfchar <0003> <0020> <0011> <4fdd> endbfchar\n"
    b"2 beginbfrange <0020> <0029> <0030> <0030> <0032> [<6C0F> <540D> <00660066>] endbfrange\n"
    b"endcmap CMapName currentdict /CMap defineresource pop end end",
    b"/WMode 1 def /90ms-RKSJ-H usecmap 2 begincodespacerange <00> <80> <8140> <9FFC> endcodespacerange\n"
    b"1 begincidrange <8140> <817e> 633 endcidrange 1 begincidchar <20> 231 endcidchar",
]
# Page contents: positioned strings in each font of the pdf_content target's page.
CONTENTS = [
    b"BT /F1 11 Tf 1 0 0 1 60 700 Tm <6C0F540D> Tj 1 0 0 1 230 698.5 Tm <4F50 85E4 3000 82B1 5B50> Tj ET",
    b"BT /F2 11 Tf 60 680 Td <95DB8CAF8ED294D48D86> Tj 0 -24 Td (06139992) Tj ET",
    b"BT /F3 11 Tf 60 660 Td [<034B> -20 <0011>] TJ 3 Tr 0 -20 Td <0012> Tj ET /X1 Do",
    b"q 2 0 0 2 10 10 cm BT /F4 9 Tf 12 TL (01) ' 1 2 (23) \" T* ET Q BI /W 1 /H 1 ID \x00 EI",
]
MY_NUMBER_TEXTS = ["1234.5678.9018", "No.123456789018", "１２３４　５６７８　９０１８",
                   "١٢٣٤٥٦٧٨٩٠١٨", "保険者番号 06139992 記号 4123", "2026/11/01 09:30"]
MEMBER = {"display_name": "山田 さくら", "relationship": "child",
          "facts": {"birth_date": "2015-05-05", "card_issued_on": "2023-01-10"},
          "insurance_fields": {"insurer_number": "06139992", "symbol": "4123"}}


def write(target: str, name: str, data: bytes) -> None:
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


def main() -> None:
    for pdf in sorted(FIXTURES.glob("**/*.pdf")):
        name = str(pdf.relative_to(FIXTURES)).replace("/", "-")
        write("pdf_import", name, pdf.read_bytes())
        write("pdf_structure", name, pdf.read_bytes())
    for index, cmap in enumerate(CMAPS):
        write("pdf_cmap", f"cmap-{index}", cmap)
    for index, content in enumerate(CONTENTS):
        write("pdf_content", f"content-{index}", content)
    for index, text in enumerate(MY_NUMBER_TEXTS + DOCUMENT_TEXTS):
        write("my_number_scan", f"text-{index}", text.encode())
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
