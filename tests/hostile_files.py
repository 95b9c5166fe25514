"""Hostile report files built in a test (small on disk, large when unpacked or read).

Real formats written by hand: a minimal PDF (pages, one Helvetica font, Flate content
streams, a correct xref table), a minimal DOCX (the three parts Word needs) and text. The
builders never hold the unpacked size in memory: a huge deflate stream is compressed from
one repeated chunk.
"""

from __future__ import annotations

import random
import re
import struct
import zipfile
import zlib
from pathlib import Path

_CHUNK = 1 << 22  # 4 MiB of the repeated byte per compress call


def _raw_repeated(head: bytes, byte: bytes, size: int, tail: bytes) -> tuple[bytes, int]:
    """Raw deflate of ``head + byte * size + tail`` (size rounded up to whole chunks) and the
    size it inflates to. After a full flush the compressor starts afresh, so one compressed
    chunk stands for every chunk: building a 1 GB stream costs one 4 MiB compress call."""
    chunks = max(1, -(-size // _CHUNK))
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = comp.compress(head) + comp.flush(zlib.Z_FULL_FLUSH)
    block = comp.compress(byte * _CHUNK) + comp.flush(zlib.Z_FULL_FLUSH)
    again = comp.compress(byte * _CHUNK) + comp.flush(zlib.Z_FULL_FLUSH)
    assert block == again, "a fully flushed chunk compresses the same each time"
    last = comp.compress(tail) + comp.flush()
    # the stream so far holds two chunks; repeat the block so it holds `chunks`
    return first + block * chunks + last, len(head) + chunks * _CHUNK + len(tail)


def _adler_run(value: int, byte: int, n: int) -> int:
    """Adler-32 continued over ``n`` copies of one byte, in closed form."""
    a, b = value & 0xFFFF, value >> 16
    b = (b + n * a + byte * n * (n + 1) // 2) % 65521
    a = (a + n * byte) % 65521
    return (b << 16) | a


def deflate_repeated(head: bytes, byte: bytes, size: int, tail: bytes = b"") -> bytes:
    """A zlib stream (PDF FlateDecode) of ``head + byte * size + tail``, size rounded up to
    4 MiB chunks, built without holding the inflated data."""
    raw, total = _raw_repeated(head, byte, size, tail)
    n = total - len(head) - len(tail)
    adler = zlib.adler32(tail, _adler_run(zlib.adler32(head), byte[0], n))
    return b"\x78\xda" + raw + adler.to_bytes(4, "big")


def _crc_repeated(head: bytes, byte: bytes, n: int, tail: bytes) -> int:
    crc = zlib.crc32(head)
    block = byte * _CHUNK
    for _ in range(n // _CHUNK):
        crc = zlib.crc32(block, crc)
    return zlib.crc32(tail, crc)


def zip_bytes(members: list[tuple[str, bytes, int, int]]) -> bytes:
    """A ZIP of (name, raw deflate data, crc32, inflated size) members, written by hand."""
    out, central = bytearray(), bytearray()
    for name, data, crc, size in members:
        fn = name.encode()
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), size, len(fn), 0) + fn + data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(data), size,
                               len(fn), 0, 0, 0, 0, 0, offset) + fn
    cd = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), cd, 0)
    return bytes(out)


def _member(name: str, text: str) -> tuple[str, bytes, int, int]:
    data = text.encode()
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    return name, comp.compress(data) + comp.flush(), zlib.crc32(data), len(data)


def page_content(lines: list[str]) -> bytes:
    """Text lines of a page; cells (runs split at two spaces) in columns 150 pt apart."""
    ops = []
    for n, line in enumerate(lines):
        for c, cell in enumerate(re.split(r"\s{2,}", line)):
            esc = cell.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            x = 56 + (220 + 100 * (c - 1) if c else 0)
            ops.append(b"BT /F1 10 Tf %d %d Td (" % (x, 780 - 16 * n) + esc.encode("cp1252", errors="replace")
                       + b") Tj ET")
    return b"\n".join(ops)


def pdf_bytes(contents: list[bytes], *, compressed: list[bytes] | None = None) -> bytes:
    """A PDF with one page per content stream (``compressed``: already-deflated streams,
    used as they are, e.g. from ``deflate_repeated``)."""
    streams = compressed if compressed is not None else [zlib.compress(c) for c in contents]
    n = len(streams)
    # objects: 1 catalog, 2 pages, 3 font, then per page: page, content
    objs: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(n)) + b"] /Count %d >>" % n,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, data in enumerate(streams):
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                    b"/Contents %d 0 R >>" % (5 + 2 * i))
        objs.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream")
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for k, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


REPORT_LINES = [
    "Alingsås kommun, Socialnämnden",
    "Månadsrapport april 2025",
    "Verksamhet  Budget  Utfall  Avvikelse",
    "Äldreomsorg  120 000  118 500  1 500",
    "Individ- och familjeomsorg  80 000  83 200  -3 200",
    "Summa  200 000  201 700  -1 700",
]


def good_pdf() -> bytes:
    return pdf_bytes([page_content(REPORT_LINES)])


_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
       '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/>'
       '<Override PartName="/word/document.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
         'officeDocument" Target="word/document.xml"/></Relationships>')
_DOC_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
_DOC_TAIL = "</w:body></w:document>"


def _para(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def docx_bytes(path: Path, paragraphs: list[str] | None = None, *, bomb: int = 0) -> Path:
    """A DOCX; ``bomb``: that many more spaces inside one more paragraph (a zip bomb, small
    on disk)."""
    body = "".join(_para(p) for p in (paragraphs or REPORT_LINES))
    if not bomb:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("[Content_Types].xml", _CT)
            zf.writestr("_rels/.rels", _RELS)
            zf.writestr("word/document.xml", _DOC_HEAD + body + _DOC_TAIL)
        return path
    head = (_DOC_HEAD + body + '<w:p><w:r><w:t xml:space="preserve">').encode()
    tail = ("x</w:t></w:r></w:p>" + _DOC_TAIL).encode()
    raw, size = _raw_repeated(head, b" ", bomb, tail)
    crc = _crc_repeated(head, b" ", size - len(head) - len(tail), tail)
    members = [_member("[Content_Types].xml", _CT), _member("_rels/.rels", _RELS),
               ("word/document.xml", raw, crc, size)]
    path.write_bytes(zip_bytes(members))
    return path


def good_text() -> str:
    return "\n".join(REPORT_LINES) + "\n"


def flip_bytes(data: bytes, count: int, seed: int) -> bytes:
    """``count`` random bytes replaced (header and trailer kept, so the guard lets it in)."""
    rnd = random.Random(seed)
    buf = bytearray(data)
    lo, hi = min(16, len(buf) // 4), max(len(buf) - 32, len(buf) // 2)
    for _ in range(count):
        buf[rnd.randrange(lo, hi)] = rnd.randrange(256)
    return bytes(buf)
