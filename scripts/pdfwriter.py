"""The smallest PDF writer the fixture scripts share: numbered objects, one classic
cross-reference table, a trailer. Standard library only."""
import zlib


def stream(dictionary: bytes, data: bytes) -> bytes:
    """A stream object's body: `dictionary` (entries without << >>) and its data."""
    return b"<< %s /Length %d >>\nstream\n" % (dictionary, len(data)) + data + b"\nendstream"


def deflated_stream(dictionary: bytes, data: bytes) -> bytes:
    return stream(dictionary + b" /Filter /FlateDecode", zlib.compress(data, 9))


def classic_pdf(objects: list[bytes], *, root: int = 1, version: bytes = b"1.4",
                binary_marker: bool = False) -> bytes:
    """Objects numbered from 1 in order, their offsets in a table, `root` as /Root; with
    `binary_marker`, the comment of high bytes most producers put after the header."""
    out = bytearray(b"%%PDF-%s\n" % version)
    if binary_marker:
        out += b"%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, xref)
    return bytes(out)
