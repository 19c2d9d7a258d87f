#!/usr/bin/env python3
"""Write the generated test fixtures under tests/fixtures/.

Holiday list (R7):
- syukujitsu-2025-2027.cp932.csv: the embedded list's rows for 2025..2027 in the exact
  format the Cabinet Office publishes (CP932, CRLF, its header).

資格情報 PDFs (synthetic: every person, number and insurer is invented):
- shikaku-kenpo.pdf: an employee insurer's 資格情報 as マイナポータル lays it out, era
  dates, 8-digit 保険者番号; uncompressed, with a marker string in its text and metadata
  so a test can prove no plaintext of it reaches the disk.
- shikaku-kokuho.pdf: a 国民健康保険 資格情報, 6-digit 保険者番号, full-width digits,
  記号・番号・枝番 on one line, two pages.
- reportlab-fields.json: what the two 資格情報 above must read as (保険者番号, 記号, 番号,
  枝番, 氏名, 生年月日), for the table test of every producer (scripts/make-producer-fixtures.py
  writes the other producers' PDFs and fields).
- shikaku-unknown-layout.pdf: a valid PDF that is not a 資格情報 (fields stay empty).
- shikaku-encrypted.pdf: shikaku-kenpo.pdf protected with a user password.
- shikaku-truncated.pdf: the first 40% of shikaku-kenpo.pdf.
- shikaku-damaged.pdf: a %PDF- header followed by garbage.
- no-pages.pdf: a well-formed PDF whose page tree is empty.
- not-a-pdf.png: a small PNG image.
- pdf-bomb-content.pdf: one page whose content stream, twice deflated, is a few
  kilobytes on disk and 1 GiB inflated.
- pdf-bomb-xref.pdf: the same bomb as the document's cross-reference stream, which is
  decoded while the document loads.
- pdf-nested-arrays.pdf: a page carrying arrays nested 100 000 deep.
- pdf-page-tree-cycle.pdf: a page tree 2 000 levels deep whose last node lists its own
  parent again.
Oversized input (> 20 MiB) is made by the tests themselves, not stored.

The PDFs need reportlab and pypdf (installed into target/fixture-venv by this script) and
the IPAex Gothic font (Debian package fonts-ipaexfont-gothic; install it with apt-get).
Run from anywhere: scripts/make-fixtures.py
"""
import struct
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fixturetools import classic_pdf, ensure_venv, full_width, insurer_number, stream  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
FONT_PATHS = [
    Path("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"),
    Path("/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"),
]
MARKER = "SHIKAKU-FIXTURE-MARKER-7F3A"


def holiday_fixture() -> None:
    lines = (ROOT / "core" / "data" / "syukujitsu.csv").read_text(encoding="utf-8").splitlines()
    header, rows = lines[0], lines[1:]
    chosen = [row for row in rows if row[:4] in {"2025", "2026", "2027"}]
    text = "\r\n".join([header, *chosen]) + "\r\n"
    (FIXTURES / "syukujitsu-2025-2027.cp932.csv").write_bytes(text.encode("cp932"))


def draw_pdf(path: Path, title: str, rows: list[tuple[str, str]], *, compress: bool,
             pages: int = 1, subject: str = "", footer: str = "") -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = next((p for p in FONT_PATHS if p.exists()), None)
    if font is None:
        raise SystemExit("a Japanese font is needed: apt-get install fonts-ipaexfont-gothic")
    pdfmetrics.registerFont(TTFont("IPAexGothic", str(font)))
    pdf = canvas.Canvas(str(path), pagesize=A4, pageCompression=1 if compress else 0,
                        invariant=1)
    pdf.setTitle(title)
    pdf.setAuthor("マイナポータル（合成データ）")
    if subject:
        pdf.setSubject(subject)
    width, height = A4
    for page in range(pages):
        pdf.setFont("IPAexGothic", 18)
        pdf.drawString(60, height - 80, title)
        pdf.setFont("IPAexGothic", 11)
        y = height - 130
        if page == 0:
            for label, value in rows:
                pdf.drawString(70, y, label)
                pdf.drawString(250, y, value)
                y -= 26
        else:
            pdf.drawString(70, y, "＜留意事項＞")
            notes = [
                "この画面は医療機関等の窓口でマイナンバーカードと一緒に提示できます。",
                "この画面だけでは保険診療を受けることはできません。",
            ]
            for note in notes:
                y -= 22
                pdf.drawString(70, y, note)
        if footer:
            pdf.setFont("IPAexGothic", 8)
            pdf.drawString(70, 60, footer)
        pdf.showPage()
    pdf.save()


def expected_fields() -> None:
    """What shikaku-kenpo.pdf and shikaku-kokuho.pdf print, as the import must read it."""
    import json

    fields = {
        "shikaku-kenpo.pdf": {"insurer_number": insurer_number("0613999"), "symbol": "4123",
                              "number": "5678", "branch": "00", "name": "佐藤 花子",
                              "birth_date": "1985-04-12"},
        "shikaku-kokuho.pdf": {"insurer_number": insurer_number("13899"), "symbol": "架空12",
                               "number": "3456", "branch": "01", "name": "鈴木 一郎",
                               "birth_date": "1989-01-08"},
    }
    (FIXTURES / "reportlab-fields.json").write_text(
        json.dumps(fields, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def pdf_fixtures() -> dict[str, bytes]:
    kenpo_number = insurer_number("0613999")
    kokuho_number = insurer_number("13899")
    kenpo = FIXTURES / "shikaku-kenpo.pdf"
    draw_pdf(kenpo, "医療保険の資格情報", [
        ("氏名", "佐藤 花子"),
        ("氏名（カナ）", "サトウ ハナコ"),
        ("生年月日", "昭和60年4月12日"),
        ("性別", "女"),
        ("保険者名称", "みなと架空健康保険組合"),
        ("保険者番号", kenpo_number),
        ("被保険者等記号", "4123"),
        ("被保険者等番号", "5678"),
        ("枝番", "00"),
        ("本人・家族の別", "本人"),
        ("資格取得年月日", "令和2年4月1日"),
        ("一部負担金の割合", "3割"),
        ("出力日", "令和8年11月1日"),
    ], compress=False, subject=MARKER, footer=f"照合用 {MARKER}")

    kokuho = FIXTURES / "shikaku-kokuho.pdf"
    draw_pdf(kokuho, "資格情報（国民健康保険）", [
        ("氏名", "鈴木 一郎"),
        ("生年月日", "平成元年１月８日"),
        ("保険者名称", "架空市国民健康保険"),
        ("保険者番号", full_width(kokuho_number)),
        ("記号・番号（枝番）", full_width("架空12・3456（01）")),
        ("資格取得年月日", "令和７年６月１６日"),
        ("負担割合", "３割"),
        ("交付年月日", "令和 8 年 10 月 5 日"),
    ], compress=True, pages=2)

    draw_pdf(FIXTURES / "shikaku-unknown-layout.pdf", "お知らせ", [
        ("件名", "健康診断のご案内"),
        ("日時", "来月の第二火曜日"),
        ("場所", "本社三階会議室"),
    ], compress=True)

    from pypdf import PdfReader, PdfWriter
    writer = PdfWriter(clone_from=PdfReader(str(kenpo)))
    writer.encrypt(user_password="secret-1234", owner_password="owner-5678", algorithm="AES-128")
    with open(FIXTURES / "shikaku-encrypted.pdf", "wb") as handle:
        writer.write(handle)

    kenpo_bytes = kenpo.read_bytes()
    (FIXTURES / "shikaku-truncated.pdf").write_bytes(kenpo_bytes[: len(kenpo_bytes) * 2 // 5])
    garbage = bytes((i * 131 + 7) % 256 for i in range(4096))
    (FIXTURES / "shikaku-damaged.pdf").write_bytes(b"%PDF-1.7\n" + garbage)
    return {"kenpo_number": kenpo_number.encode(), "kokuho_number": kokuho_number.encode()}


def no_pages_pdf() -> None:
    write_pdf(FIXTURES / "no-pages.pdf", [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [] /Count 0 >>",
    ])


def write_pdf(path: Path, objects: list[bytes], *, root: int = 1) -> None:
    path.write_bytes(classic_pdf(objects, root=root))


BOMB_INFLATED_BYTES = 1 << 30


def twice_deflated_zeros(size: int) -> bytes:
    """`size` zero bytes deflated, and the result deflated again (kilobytes on disk)."""
    inner = zlib.compressobj(9)
    chunk = bytes(1 << 20)
    parts = [inner.compress(chunk) for _ in range(size // len(chunk))]
    parts.append(inner.flush())
    return zlib.compress(b"".join(parts), 9)


def hostile_pdfs() -> None:
    bomb = twice_deflated_zeros(BOMB_INFLATED_BYTES)
    filters = b"/Filter [/FlateDecode /FlateDecode]"
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"
    write_pdf(FIXTURES / "pdf-bomb-content.pdf", [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        page,
        stream(filters, bomb),
    ])

    # A PDF 1.5 file whose only cross-reference data is the bomb.
    out = bytearray(b"%PDF-1.5\n")
    for number, body in enumerate([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ], start=1):
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"4 0 obj\n" + stream(b"/Type /XRef /Size 5 /W [1 4 2] /Root 1 0 R " + filters, bomb)
    out += b"\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref
    (FIXTURES / "pdf-bomb-xref.pdf").write_bytes(bytes(out))

    depth = 100_000
    write_pdf(FIXTURES / "pdf-nested-arrays.pdf", [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots "
        + b"[" * depth + b"]" * depth + b" >>",
    ])

    levels = 2_000
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(levels):
        number = level + 2
        if level + 1 < levels:
            objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (number + 1))
        else:
            objects.append(b"<< /Type /Pages /Kids [%d 0 R 2 0 R] /Count 1 >>" % (number + 1))
    objects.append(b"<< /Type /Page /MediaBox [0 0 595 842] >>")
    write_pdf(FIXTURES / "pdf-page-tree-cycle.pdf", objects)


def png_fixture() -> None:
    width, height = 4, 4
    raw = b"".join(b"\x00" + b"\xff\x80\x00" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    (FIXTURES / "not-a-pdf.png").write_bytes(png)


if __name__ == "__main__":
    FIXTURES.mkdir(parents=True, exist_ok=True)
    holiday_fixture()
    no_pages_pdf()
    hostile_pdfs()
    png_fixture()
    expected_fields()
    ensure_venv(__file__, ["reportlab==4.4.4", "pypdf==6.1.1", "cryptography==46.0.3"])
    numbers = pdf_fixtures()
    print("fixtures written; 保険者番号:", {k: v.decode() for k, v in numbers.items()})
