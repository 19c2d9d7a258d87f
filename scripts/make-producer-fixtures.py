#!/usr/bin/env python3
"""Write 資格情報 PDFs as producers other than reportlab write them, under
tests/fixtures/producers/, and what each must read as in tests/fixtures/producers/fields.json.
Every person, number and insurer is invented; every 保険者番号 has a valid check digit.

- raw-*.pdf, written byte by byte by the small writer below, one per encoding Japanese
  PDFs use without embedding a font: the predefined Unicode CMaps (UniJIS-UCS2-H/-V,
  UniJIS-UTF16-H/-V, UniJIS-UTF32-H, UniJIS-UTF8-H), the Shift_JIS CMaps (90ms-RKSJ-H/-V,
  90msp-RKSJ-H), Identity-H over Adobe-Japan1 CIDs with no ToUnicode map, and Identity-H
  with a ToUnicode map. Table layouts (label and value separate text objects, drawn in
  any order), line layouts (label and value in one string), column layouts (labels in a
  header row, values under them), one and two pages, ASCII and full-width digits,
  letter-spaced labels, per-character kerning, compressed and plain content.
- raw-invisible-decoys.pdf: wrong values drawn invisibly (render mode 3) before the right
  ones; only the visible ones may be read.
- libreoffice-table.pdf and libreoffice-lines.pdf: LibreOffice (headless, Writer) from a
  flat ODT document with Noto Sans CJK JP, which it embeds as a subset with a ToUnicode
  map; a table on one page, lines over two pages with full-width digits.

The Adobe-Japan1 CIDs come from pdfminer.six's CMap data (installed from PyPI into
target/fixture-venv). LibreOffice needs Debian's libreoffice-writer-nogui and
fonts-noto-cjk; without them the LibreOffice fixtures are left as they are. The tests
read only the committed PDFs. Run from anywhere: scripts/make-producer-fixtures.py
"""
import gzip
import json
import shutil
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fixturetools import classic_pdf, ensure_venv, full_width, insurer_number  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "producers"
PDFMINER = "pdfminer.six==20260107"


# The people of the fixtures: what is printed, and what must be read.
PEOPLE = [
    dict(name="高橋 美咲", birth=("平成3年7月21日", "1991-07-21"), insurer=insurer_number("0613998"),
         symbol="7012", number="345", branch="00", insurer_name="あおば架空健康保険組合"),
    dict(name="渡辺 健太", birth=("昭和55年12月3日", "1980-12-03"), insurer=insurer_number("0113001"),
         symbol="2150031", number="88", branch="01", insurer_name="全国健康保険協会 架空支部"),
    dict(name="伊藤 さくら", birth=("令和2年2月29日", "2020-02-29"), insurer=insurer_number("13899"),
         symbol="架空23", number="4567", branch="02", insurer_name="架空区国民健康保険"),
    dict(name="山本 翔", birth=("平成12年1月1日", "2000-01-01"), insurer=insurer_number("3113999"),
         symbol="15", number="60012", branch="00", insurer_name="架空共済組合"),
]


def expected(person: dict) -> dict:
    return {"insurer_number": person["insurer"], "symbol": person["symbol"],
            "number": person["number"], "branch": person["branch"], "name": person["name"],
            "birth_date": person["birth"][1]}


def rows_of(person: dict, digits=str, spaced_labels: bool = False) -> list[tuple[str, str]]:
    name_label = "氏\u3000\u3000名" if spaced_labels else "氏名"
    return [
        (name_label, person["name"].replace(" ", "\u3000")),
        ("生年月日", digits(person["birth"][0])),
        ("保険者名称", person["insurer_name"]),
        ("保険者番号", digits(person["insurer"])),
        ("被保険者等記号", digits(person["symbol"])),
        ("被保険者等番号", digits(person["number"])),
        ("枝番", digits(person["branch"])),
        ("一部負担金の割合", digits("3割")),
    ]


class Writer:
    """Objects added in any order, some reserved and filled later."""

    def __init__(self) -> None:
        self.objects: list[bytes] = []

    def add(self, body: bytes) -> int:
        self.objects.append(body)
        return len(self.objects)

    def reserve(self) -> int:
        return self.add(b"null")

    def set(self, number: int, body: bytes) -> None:
        self.objects[number - 1] = body

    def stream(self, data: bytes, extra: bytes = b"", compress: bool = False) -> int:
        if compress:
            data = zlib.compress(data)
            extra += b" /Filter /FlateDecode"
        return self.add(b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream")

    def bytes(self, root: int) -> bytes:
        return classic_pdf(self.objects, root=root, binary_marker=True)


class Encoder:
    """How one font's strings are written: the /Encoding, and text to bytes."""

    def __init__(self, cmap: str, encode, vertical: bool = False, japan1_cids=None,
                 to_unicode: bool = False) -> None:
        self.cmap = cmap
        self.encode = encode
        self.vertical = vertical
        self.japan1_cids = japan1_cids
        self.to_unicode = to_unicode
        self.codes: dict[str, int] = {}

    def string(self, text: str) -> bytes:
        if self.to_unicode:
            data = b""
            for char in text:
                code = self.codes.setdefault(char, 0x0101 + len(self.codes) * 3)
                data += code.to_bytes(2, "big")
            return data
        if self.japan1_cids is not None:
            return b"".join(self.japan1_cids[c].to_bytes(2, "big") for c in text)
        return self.encode(text)

    def font(self, pdf: Writer) -> int:
        descriptor = pdf.add(b"<< /Type /FontDescriptor /FontName /HeiseiKakuGo-W5 /Flags 4 "
                             b"/FontBBox [-92 -250 1010 922] /ItalicAngle 0 /Ascent 880 "
                             b"/Descent -120 /CapHeight 737 /StemV 93 >>")
        cid_font = pdf.add(b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HeiseiKakuGo-W5 "
                           b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> "
                           b"/FontDescriptor %d 0 R /DW 1000 /W [1 95 500 231 632 500] >>" % descriptor)
        extra = b""
        if self.to_unicode:
            # Filled once every string was written (the codes are handed out as used).
            self.to_unicode_object = pdf.reserve()
            extra = b" /ToUnicode %d 0 R" % self.to_unicode_object
        return pdf.add(b"<< /Type /Font /Subtype /Type0 /BaseFont /HeiseiKakuGo-W5-%s /Encoding /%s "
                       b"/DescendantFonts [%d 0 R]%s >>" % (self.cmap.encode(), self.cmap.encode(),
                                                             cid_font, extra))

    def finish(self, pdf: Writer) -> None:
        if not self.to_unicode:
            return
        entries = b"".join(b"<%04X> <%s>\n" % (code, char.encode("utf-16-be").hex().upper().encode())
                           for char, code in self.codes.items())
        cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
                b"/CMapName /Shikaku-Fixture-UCS def /CMapType 2 def\n"
                b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
                b"%d beginbfchar\n" % len(self.codes) + entries +
                b"endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end")
        pdf.set(self.to_unicode_object,
                b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")


class Page:
    """The content of one page, text objects appended in any order."""

    def __init__(self, encoder: Encoder, kerning: bool = False) -> None:
        self.encoder = encoder
        self.kerning = kerning
        self.ops: list[bytes] = [b"0.2 w 0 0 0 RG"]

    def text(self, x: float, y: float, text: str, size: float = 11, mode: int = 0) -> None:
        if self.kerning and len(text) > 1:
            # One element per character, a small adjustment between (a TJ array).
            parts = b" -20 ".join(b"<%s>" % self.encoder.string(c).hex().encode() for c in text)
            shown = b"[%s] TJ" % parts
        else:
            shown = b"<%s> Tj" % self.encoder.string(text).hex().encode()
        self.ops.append(b"BT %d Tr /F1 %g Tf 1 0 0 1 %g %g Tm %s ET" % (mode, size, x, y, shown))

    def rule(self, x0: float, y: float, x1: float) -> None:
        self.ops.append(b"%g %g m %g %g l S" % (x0, y, x1, y))


def write_pdf(path: Path, encoder: Encoder, pages: list[Page], compress: bool = False) -> None:
    pdf = Writer()
    catalog = pdf.reserve()
    tree = pdf.reserve()
    font = encoder.font(pdf)
    kids = []
    for page in pages:
        content = pdf.stream(b"\n".join(page.ops), compress=compress)
        kids.append(pdf.add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                            b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                            % (tree, font, content)))
    encoder.finish(pdf)
    pdf.set(tree, b"<< /Type /Pages /Kids [%s] /Count %d >>"
            % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)))
    pdf.set(catalog, b"<< /Type /Catalog /Pages %d 0 R >>" % tree)
    path.write_bytes(pdf.bytes(catalog))


def title(page: Page, text: str = "医療保険の資格情報") -> None:
    page.text(60, 780, text, size=16)


def table_page(encoder: Encoder, person: dict, digits=str, values_first: bool = False,
               kerning: bool = False, spaced_labels: bool = False) -> Page:
    """Labels at the left, values in a second column; each its own text object."""
    page = Page(encoder, kerning)
    title(page)
    rows = rows_of(person, digits, spaced_labels)
    positions = [(700 - 28 * index, label, value) for index, (label, value) in enumerate(rows)]
    labels = [(60, y, label) for y, label, _ in positions]
    # Values sit a little off their labels' baseline, as table cells centre them.
    values = [(230, y - 1.5, value) for y, _, value in positions]
    for x, y, text in (values + labels if values_first else labels + values):
        page.text(x, y, text)
    for y, _, _ in positions:
        page.rule(55, y - 9, 540)
    return page


def line_page(encoder: Encoder, person: dict, digits=str, kerning: bool = False,
              spaced_labels: bool = False) -> Page:
    """Each label and its value in one string, a full-width space between."""
    page = Page(encoder, kerning)
    title(page)
    for index, (label, value) in enumerate(rows_of(person, digits, spaced_labels)):
        page.text(60, 700 - 24 * index, f"{label}\u3000{value}")
    return page


def column_page(encoder: Encoder, person: dict, digits=str) -> Page:
    """The numbers as a table: a header row of labels, the values under them."""
    page = Page(encoder)
    title(page)
    rows = rows_of(person, digits)
    for index, (label, value) in enumerate(rows[:3]):
        page.text(60, 700 - 28 * index, label)
        page.text(230, 700 - 28 * index, value)
    columns = [(60, "保険者番号", person["insurer"]), (190, "記号", person["symbol"]),
               (300, "番号", person["number"]), (420, "枝番", person["branch"])]
    for x, label, value in columns:
        page.text(x, 600, label)
        page.text(x + 4, 574, digits(value))
    page.rule(55, 590, 540)
    return page


def notes_page(encoder: Encoder) -> Page:
    page = Page(encoder)
    title(page, "＜留意事項＞")
    page.text(60, 700, "この画面は医療機関等の窓口でマイナンバーカードと一緒に提示できます。", size=10)
    page.text(60, 680, "この画面だけでは保険診療を受けることはできません。", size=10)
    return page


def japan1_cids() -> dict[str, int]:
    """Each character's lowest Adobe-Japan1 CID, from pdfminer.six's CMap data."""
    import pdfminer

    path = Path(pdfminer.__file__).parent / "cmap" / "to-unicode-Adobe-Japan1.json.gz"
    horizontal = json.loads(gzip.decompress(path.read_bytes()))["CID2UNICHR_H"]
    cids: dict[str, int] = {}
    for cid, text in sorted(horizontal.items(), key=lambda item: int(item[0])):
        cids.setdefault(text, int(cid))
    return cids


def raw_fixtures() -> dict[str, dict]:
    utf16 = lambda t: t.encode("utf-16-be")  # noqa: E731
    cp932 = lambda t: t.encode("cp932")  # noqa: E731
    cids = japan1_cids()
    kenpo, kyokai, kokuho, kyosai = PEOPLE
    fixtures = {}

    def make(name: str, encoder: Encoder, pages, person: dict, compress: bool = False) -> None:
        write_pdf(OUT / name, encoder, pages(encoder), compress)
        fixtures[name] = expected(person)

    make("raw-unijis-ucs2-h.pdf", Encoder("UniJIS-UCS2-H", utf16),
         lambda e: [table_page(e, kenpo, values_first=True)], kenpo)
    make("raw-unijis-ucs2-v.pdf", Encoder("UniJIS-UCS2-V", utf16, vertical=True),
         lambda e: [table_page(e, kyokai, digits=full_width)], kyokai)
    make("raw-unijis-utf16-h.pdf", Encoder("UniJIS-UTF16-H", utf16),
         lambda e: [line_page(e, kokuho, digits=full_width, spaced_labels=True), notes_page(e)],
         kokuho, compress=True)
    make("raw-unijis-utf16-v.pdf", Encoder("UniJIS-UTF16-V", utf16, vertical=True),
         lambda e: [table_page(e, kyosai)], kyosai)
    make("raw-unijis-utf32-h.pdf", Encoder("UniJIS-UTF32-H", lambda t: t.encode("utf-32-be")),
         lambda e: [column_page(e, kyokai)], kyokai, compress=True)
    make("raw-unijis-utf8-h.pdf", Encoder("UniJIS-UTF8-H", lambda t: t.encode("utf-8")),
         lambda e: [line_page(e, kenpo)], kenpo)
    make("raw-90ms-rksj-h.pdf", Encoder("90ms-RKSJ-H", cp932),
         lambda e: [table_page(e, kokuho, spaced_labels=True), notes_page(e)], kokuho)
    make("raw-90ms-rksj-v.pdf", Encoder("90ms-RKSJ-V", cp932, vertical=True),
         lambda e: [table_page(e, kyosai, digits=full_width, values_first=True)], kyosai)
    make("raw-90msp-rksj-h.pdf", Encoder("90msp-RKSJ-H", cp932),
         lambda e: [column_page(e, kenpo, digits=full_width)], kenpo, compress=True)
    make("raw-identity-h-japan1.pdf", Encoder("Identity-H", None, japan1_cids=cids),
         lambda e: [table_page(e, kyokai), notes_page(e)], kyokai, compress=True)
    make("raw-identity-h-tounicode.pdf", Encoder("Identity-H", None, to_unicode=True),
         lambda e: [line_page(e, kyosai, digits=full_width, kerning=True)], kyosai, compress=True)

    # Wrong values drawn invisibly first; the visible ones are the person's.
    encoder = Encoder("UniJIS-UCS2-H", utf16)
    page = Page(encoder)
    decoy = dict(kokuho, name="偽物 太郎", insurer=insurer_number("0613997"), symbol="9999",
                 number="9999", branch="09", birth=("昭和40年1月1日", "1965-01-01"))
    for index, (label, value) in enumerate(rows_of(decoy)):
        page.text(60, 760 - 20 * index, f"{label} {value}", mode=3)
    for index, (label, value) in enumerate(rows_of(kokuho)):
        page.text(60, 500 - 24 * index, f"{label} {value}")
    write_pdf(OUT / "raw-invisible-decoys.pdf", encoder, [page])
    fixtures["raw-invisible-decoys.pdf"] = expected(kokuho)
    return fixtures


FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="Noto Sans CJK JP" svg:font-family="'Noto Sans CJK JP'"
  xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:text-properties style:font-name="Noto Sans CJK JP" style:font-name-asian="Noto Sans CJK JP"
   fo:font-size="11pt" style:font-size-asian="11pt" fo:language="ja" fo:country="JP"/>
 </style:default-style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="Break" style:family="paragraph">
  <style:paragraph-properties fo:break-before="page"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph">
  <style:text-properties fo:font-size="16pt" style:font-size-asian="16pt"/>
 </style:style>
</office:automatic-styles>
<office:body><office:text>
"""
FODT_TAIL = "</office:text></office:body></office:document>\n"


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def paragraph(text: str, style: str = "") -> str:
    style_attribute = f' text:style-name="{style}"' if style else ""
    return f"<text:p{style_attribute}>{escape(text)}</text:p>\n"


def libreoffice_fixtures() -> dict[str, dict]:
    soffice = shutil.which("soffice")
    if soffice is None:
        print("LibreOffice (soffice) not found: the libreoffice-*.pdf fixtures are kept as they are")
        return json.loads((OUT / "fields.json").read_text()) if (OUT / "fields.json").exists() else {}
    _, kyokai, kokuho, _ = PEOPLE
    table = paragraph("医療保険の資格情報", "Title") + "<table:table table:name=\"資格情報\">\n"
    table += "<table:table-column table:number-columns-repeated=\"2\"/>\n"
    for label, value in rows_of(kyokai):
        table += ("<table:table-row><table:table-cell office:value-type=\"string\">"
                  f"{paragraph(label)}</table:table-cell><table:table-cell office:value-type=\"string\">"
                  f"{paragraph(value)}</table:table-cell></table:table-row>\n")
    table += "</table:table>\n"
    lines = paragraph("資格情報（国民健康保険）", "Title")
    lines += "".join(paragraph(f"{label}\u3000{value}") for label, value in rows_of(kokuho, full_width))
    lines += paragraph("＜留意事項＞", "Break")
    lines += paragraph("この画面だけでは保険診療を受けることはできません。")
    documents = {"libreoffice-table": (table, kyokai), "libreoffice-lines": (lines, kokuho)}
    fixtures = {}
    with tempfile.TemporaryDirectory() as work:
        for stem, (body, person) in documents.items():
            source = Path(work) / f"{stem}.fodt"
            source.write_text(FODT_HEAD + body + FODT_TAIL, encoding="utf-8")
            subprocess.run([soffice, f"-env:UserInstallation=file://{work}/profile", "--headless",
                            "--convert-to", "pdf", "--outdir", work, str(source)],
                           check=True, capture_output=True)
            shutil.copyfile(Path(work) / f"{stem}.pdf", OUT / f"{stem}.pdf")
            fixtures[f"{stem}.pdf"] = expected(person)
    return fixtures


if __name__ == "__main__":
    ensure_venv(__file__, [PDFMINER])
    OUT.mkdir(parents=True, exist_ok=True)
    previous = json.loads((OUT / "fields.json").read_text()) if (OUT / "fields.json").exists() else {}
    fields = raw_fixtures()
    office = libreoffice_fixtures()
    fields.update({k: v for k, v in office.items() if k.startswith("libreoffice-")} or
                  {k: v for k, v in previous.items() if k.startswith("libreoffice-")})
    (OUT / "fields.json").write_text(json.dumps(fields, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                     encoding="utf-8")
    print(f"{len(fields)} fixtures in {OUT.relative_to(ROOT)}")
