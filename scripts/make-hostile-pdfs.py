#!/usr/bin/env python3
"""Write one hostile PDF of each kind the import must survive (each at most 20 MiB) into
a folder, and print what the import must do with it: imported, or refused (as damaged,
over a limit, or as not screened: text left unread at a limit was never screened for a
マイナンバー, so the PDF is refused). tests/python/test_hostile_pdf.py runs the release
CLI on each and measures its time and peak memory. Standard library only.

    scripts/make-hostile-pdfs.py OUT_DIR [KIND...]

Kinds:
- objstm-count: 200 object streams, each inflating to 8 MiB (1.6 MB on disk).
- objstm-budget: 30 object streams of 8 MiB each: few enough, but past the budget they share.
- objstm-20mib: as many 8 MiB object streams as fit in 20 MiB.
- objects-table: as many objects as a cross-reference table can list in 20 MiB.
- objects-xref-stream: 10⁶ objects listed by a cross-reference stream, in object streams.
- tokens: one array of ten million numbers.
- tokens-within-limit: one array of 195 000 numbers, just inside the import's token budget.
- tokens-and-image: the same array beside an image that fills the file to 20 MiB: the
  most a PDF can make the loader hold.
- fonts-per-page: a page whose resources name 10 000 fonts, all with one ToUnicode map
  that inflates to 8 MiB.
- cmaps: 16 pages of 32 fonts each, every font with its own 8 MiB ToUnicode map.
- content-bomb: a page content of 1 GiB, deflated twice.
- xref-bomb: a cross-reference stream of 1 GiB, deflated twice.
- nested-arrays: arrays nested 100 000 deep.
- page-tree-cycle: a page tree 2 000 levels deep whose last node lists its own parent.
- form-recursion: forms that draw themselves and each other, 100 of them.
- operators: one page of 8 MiB of text operators.
- pages: 5 000 pages.
- large-image: a sound one-page PDF carrying a 19.9 MiB image.
"""
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fixturetools import classic_pdf, stream  # noqa: E402

MIB = 1024 * 1024
LIMIT = 20 * MIB
CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
ONE_PAGE_TREE = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"


def page(contents: int | None = None, resources: bytes = b"") -> bytes:
    tail = b" /Contents %d 0 R" % contents if contents else b""
    return b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] %s%s >>" % (resources, tail)


def one_page(*extra: bytes, contents: int | None = None, resources: bytes = b"") -> bytes:
    return classic_pdf([CATALOG, ONE_PAGE_TREE, page(contents, resources), *extra])


def deflated(data: bytes, times: int = 1) -> bytes:
    for _ in range(times):
        data = zlib.compress(data, 9)
    return data


def twice_deflated_zeros(size: int) -> bytes:
    inner = zlib.compressobj(9)
    chunk = bytes(MIB)
    parts = [inner.compress(chunk) for _ in range(size // MIB)]
    parts.append(inner.flush())
    return zlib.compress(b"".join(parts), 9)


def object_stream(data: bytes, count: int = 1) -> bytes:
    header = b" ".join(b"%d %d" % (1000 + i, i) for i in range(count))
    return stream(b"/Type /ObjStm /N %d /First %d /Filter /FlateDecode" % (count, len(header) + 1),
                  data)


def objstm(count: int) -> bytes:
    body = deflated(b"1000 0 " + b" " * (8 * MIB) + b"null")
    return one_page(*[object_stream(body) for _ in range(count)])


def objstm_20mib() -> bytes:
    body = deflated(b"1000 0 " + b" " * (8 * MIB) + b"null")
    return one_page(*[object_stream(body) for _ in range((LIMIT - 4096) // (len(body) + 200))])


def objects_table() -> bytes:
    count = (LIMIT - 4096) // (len(b"999999 0 obj\nnull\nendobj\n") + 20)
    return one_page(*([b"null"] * count))


def objects_xref_stream() -> bytes:
    count, per_stream = 1_000_000, 10_000
    out = bytearray(b"%PDF-1.5\n")
    offsets = []
    body = deflated(b" ".join(b"%d 0" % i for i in range(per_stream)) + b" " + b"null " * per_stream)
    objects = [CATALOG, ONE_PAGE_TREE, page()]
    containers = count // per_stream
    objects += [stream(b"/Type /ObjStm /N %d /First 0 /Filter /FlateDecode" % per_stream, body)
                for _ in range(containers)]
    for number, item in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + item + b"\nendobj\n"
    rows = bytearray(b"\x00\x00\x00\x00\x00")
    rows += b"".join(b"\x01" + offset.to_bytes(4, "big") for offset in offsets)
    first_free = len(objects) + 1
    for index in range(count):
        container = 4 + index // per_stream
        rows += b"\x02" + container.to_bytes(4, "big")
    size = first_free + count
    xref = len(out)
    out += b"%d 0 obj\n" % size + stream(b"/Type /XRef /Size %d /W [1 4 0] /Root 1 0 R /Filter /FlateDecode"
                                         % (size + 1), deflated(bytes(rows) + b"\x01" + xref.to_bytes(4, "big")))
    out += b"\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def tokens(count: int) -> bytes:
    return one_page(b"[" + b"0 " * count + b"]")


def to_unicode_cmap(size: int) -> bytes:
    line = b"<0041> <0041>\n"
    entries = b"beginbfchar\n" + line * (size // len(line)) + b"endbfchar\n"
    return (b"/CIDInit /ProcSet findresource begin 1 begincodespacerange <0000> <FFFF> "
            b"endcodespacerange\n" + entries + b"endcmap end")


def type0_font(to_unicode: int) -> bytes:
    return (b"<< /Type /Font /Subtype /Type0 /BaseFont /F /Encoding /Identity-H /ToUnicode %d 0 R "
            b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /F "
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>] >>"
            % to_unicode)


def fonts_per_page() -> bytes:
    count = 10_000
    cmap = stream(b"/Filter /FlateDecode", deflated(to_unicode_cmap(8 * MIB)))
    # Objects: 4 the content, 5 the CMap, 6 the font.
    names = b" ".join(b"/F%d 6 0 R" % i for i in range(count))
    content = b"BT " + b"".join(b"/F%d 12 Tf <0041> Tj " % i for i in range(count)) + b"ET"
    return one_page(stream(b"", content), cmap, type0_font(5), contents=4,
                    resources=b"/Resources << /Font << %s >> >>" % names)


def cmaps() -> bytes:
    pages, per_page = 16, 32
    objects = [CATALOG, b""]
    kids = []
    cmap_data = deflated(to_unicode_cmap(8 * MIB))
    for _ in range(pages):
        fonts = []
        for _ in range(per_page):
            # Each CMap differs in its first byte of text, so none is shared.
            objects.append(stream(b"/Filter /FlateDecode", cmap_data))
            objects.append(type0_font(len(objects)))
            fonts.append(len(objects))
        content = b"BT " + b"".join(b"/F%d 12 Tf <0041> Tj " % f for f in fonts) + b"ET"
        objects.append(stream(b"", content))
        names = b" ".join(b"/F%d %d 0 R" % (f, f) for f in fonts)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources "
                       b"<< /Font << %s >> >> /Contents %d 0 R >>" % (names, len(objects)))
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    return classic_pdf(objects)


def content_bomb() -> bytes:
    bomb = twice_deflated_zeros(1 << 30)
    return one_page(stream(b"/Filter [/FlateDecode /FlateDecode]", bomb), contents=4)


def xref_bomb() -> bytes:
    bomb = twice_deflated_zeros(1 << 30)
    out = bytearray(b"%PDF-1.5\n")
    for number, body in enumerate([CATALOG, ONE_PAGE_TREE, page()], start=1):
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"4 0 obj\n" + stream(b"/Type /XRef /Size 5 /W [1 4 2] /Root 1 0 R "
                                 b"/Filter [/FlateDecode /FlateDecode]", bomb)
    out += b"\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def nested_arrays() -> bytes:
    depth = 100_000
    return classic_pdf([CATALOG, ONE_PAGE_TREE,
                        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots "
                        + b"[" * depth + b"]" * depth + b" >>"])


def page_tree_cycle() -> bytes:
    levels = 2_000
    objects = [CATALOG]
    for level in range(levels):
        number = level + 2
        kids = b"%d 0 R" % (number + 1) + (b" 2 0 R" if level + 1 == levels else b"")
        objects.append(b"<< /Type /Pages /Kids [%s] /Count 1 >>" % kids)
    objects.append(b"<< /Type /Page /MediaBox [0 0 595 842] >>")
    return classic_pdf(objects)


def form_recursion() -> bytes:
    forms = 100
    first = 5  # objects: 4 the page content, 5.. the forms
    names = b" ".join(b"/X%d %d 0 R" % (i, first + i) for i in range(forms))
    resources = b"/Resources << /XObject << %s >> >>" % names
    draw_all = b" ".join(b"/X%d Do" % i for i in range(forms))
    objects = [stream(b"", draw_all)]
    for _ in range(forms):
        objects.append(stream(b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] " + resources, draw_all))
    return one_page(*objects, contents=4, resources=resources)


def operators() -> bytes:
    font = b"/Resources << /Font << /F1 5 0 R >> >>"
    content = b"BT /F1 12 Tf " + b"1 0 0 1 10 10 Tm (a) Tj " * (8 * MIB // 24) + b"ET"
    simple = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    return one_page(stream(b"/Filter /FlateDecode", deflated(content)), simple, contents=4,
                    resources=font)


def pages() -> bytes:
    count = 5_000
    objects = [CATALOG, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % (3 + i) for i in range(count)), count)]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * count
    return classic_pdf(objects)


def large_image(room: int = LIMIT - 64 * 1024, *extra: bytes) -> bytes:
    width = 2000
    height = room // (width * 3)
    pixels = bytes((i * 7919) % 251 for i in range(width * 3)) * height
    image = stream(b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
                   b"/BitsPerComponent 8" % (width, height), pixels)
    content = stream(b"", b"q 595 0 0 842 0 0 cm /Im0 Do Q")
    return one_page(content, image, *extra, contents=4,
                    resources=b"/Resources << /XObject << /Im0 5 0 R >> >>")


def tokens_and_image() -> bytes:
    array = b"[" + b"0 " * 195_000 + b"]"
    return large_image(LIMIT - 64 * 1024 - len(array), array)


# Each kind: how to make it, and what the import must do with it.
KINDS = {
    "objstm-count": (lambda: objstm(200), "refused"),
    "objstm-budget": (lambda: objstm(30), "refused"),
    "objstm-20mib": (objstm_20mib, "refused"),
    "objects-table": (objects_table, "refused"),
    "objects-xref-stream": (objects_xref_stream, "refused"),
    "tokens": (lambda: tokens(10_000_000), "refused"),
    "tokens-within-limit": (lambda: tokens(195_000), "imported"),
    "tokens-and-image": (tokens_and_image, "imported"),
    "fonts-per-page": (fonts_per_page, "refused"),
    "cmaps": (cmaps, "refused"),
    "content-bomb": (content_bomb, "refused"),
    "xref-bomb": (xref_bomb, "refused"),
    "nested-arrays": (nested_arrays, "refused"),
    "page-tree-cycle": (page_tree_cycle, "imported"),
    "form-recursion": (form_recursion, "refused"),
    "operators": (operators, "refused"),
    "pages": (pages, "refused"),
    "large-image": (large_image, "imported"),
}


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for kind in sys.argv[2:] or list(KINDS):
        make, outcome = KINDS[kind]
        data = make()
        assert len(data) <= LIMIT, f"{kind}: {len(data)} bytes"
        (out / f"{kind}.pdf").write_bytes(data)
        print(f"{kind}.pdf {outcome} {len(data)}")


if __name__ == "__main__":
    main()
