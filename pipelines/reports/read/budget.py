"""Per-file budgets, checked before the memory is spent (limits: ``config.Limits``).

A hostile file is small on disk and large once unpacked or parsed: a PDF page whose content
stream inflates to 1 GB (PDFium holds it, and more, while it parses the page), a DOCX zip
bomb, a 199 MB text. Each check here raises ``ExtractionError`` with one line naming the
file, what was over, and the environment variable that sets the limit; the document gets
status ``avvisad`` and the other files go on.

- ``check_pdf_streams``: every Flate stream of a PDF is inflated in bounded chunks (nothing
  kept) and counted, before PDFium sees the file. A stream whose stored length cannot
  inflate past the limit (deflate expands at most ~1032x) is skipped unread.
- ``check_docx_members``: the central directory's sizes first, then every member streamed
  with a cap (a lying size field is caught by counting, and zipfile checks each CRC).
- ``check_chars``: text characters per document and per page.
"""

from __future__ import annotations

import os
import re
import zipfile
import zlib
from pathlib import Path

from pipelines.config import Limits
from pipelines.reports.model import ExtractionError

MB = 1 << 20
_CHUNK = 1 << 20
_WINDOW = 8 << 20
_HEAD = 2048
_MAX_RATIO = 1100          # deflate's largest expansion is ~1032:1
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)")
_LENGTH = re.compile(rb"/Length\s+(\d+)(?!\s+\d+\s+R)")
_FLATE = {b"FlateDecode", b"Fl"}


def limits() -> Limits:
    return Limits.from_env()


def over(name: str, what: str, limit: str, attr: str) -> ExtractionError:
    """The one-line reason for a file over a budget."""
    return ExtractionError(f"{name}: över gränsen: {what} (gräns {limit}, {Limits.env(attr)})")


def _mb(value: float) -> str:
    return f"{value:g} MB"


# --------------------------------------------------------------------------- PDF

class _Over(Exception):
    pass


def check_pdf_streams(path: Path, name: str, lim: Limits | None = None) -> None:
    """Refuse a PDF with a stream that inflates past its limit (images: ``max_unpacked_mb``,
    everything else: ``max_stream_mb``)."""
    lim = lim or limits()
    with path.open("rb") as fh:
        fd = fh.fileno()
        size = os.fstat(fd).st_size
        pos = 0
        while pos < size:
            buf = os.pread(fd, _WINDOW, pos)
            if not buf:
                break
            last = pos + len(buf) >= size
            end = len(buf) if last else len(buf) - 16   # a keyword cut at the edge: next window
            at = buf.find(b"stream", 0, end)
            while at >= 0:              # bytes.find: far faster than a regex over binary data
                after = at + 6
                if buf[max(0, at - 3):at] != b"end" and buf[after:after + 1] in (b"\n", b"\r"):
                    data = after + (2 if buf[after:after + 2] == b"\r\n" else 1)
                    head = os.pread(fd, _HEAD, max(0, pos + at - _HEAD))[: min(_HEAD, pos + at)]
                    _check_stream(fd, pos + data, head, name, lim)
                at = buf.find(b"stream", at + 6, end)
            if last:
                break
            pos += end


def _check_stream(fd: int, start: int, head: bytes, name: str, lim: Limits) -> None:
    obj = head.rfind(b"obj")
    dictionary = head[obj:] if obj >= 0 else head
    found = _FILTER.search(dictionary)
    if not found:
        return
    filters = re.findall(rb"/([A-Za-z0-9]+)", found.group(1))
    layers = 0
    for f in filters:              # the leading Flate filters (others: PDFium's own limits)
        if f not in _FLATE:
            break
        layers += 1
    if not layers:
        return
    image = b"/Image" in dictionary
    limit_mb = lim.max_unpacked_mb if image else lim.max_stream_mb
    limit = int(limit_mb * MB)
    length = _LENGTH.search(dictionary)
    if layers == 1 and length and int(length.group(1)) * _MAX_RATIO < limit:
        return
    try:
        _inflate(fd, start, layers, limit)
    except _Over:
        what = "en bild i PDF:en" if image else "en ström i PDF:en (sidinnehåll, typsnitt)"
        raise over(name, f"{what} packas upp till mer än {_mb(limit_mb)}",
                   _mb(limit_mb), "max_unpacked_mb" if image else "max_stream_mb") from None


def _inflate(fd: int, start: int, layers: int, limit: int) -> None:
    """Inflate ``layers`` nested Flate streams from ``start`` in bounded chunks, counting
    each layer's output; raise ``_Over`` past ``limit``. Corrupt data ends the count (PDFium
    decides what a broken stream means)."""
    decoders = [zlib.decompressobj() for _ in range(layers)]
    counts = [0] * layers

    def feed(i: int, data: bytes) -> bool:   # True: this stream has ended
        d = decoders[i]
        while data:
            out = d.decompress(data, _CHUNK)
            data = d.unconsumed_tail
            counts[i] += len(out)
            if counts[i] > limit:
                raise _Over
            if out and i + 1 < layers and feed(i + 1, out):
                return True
            if d.eof:
                return True
        return d.eof

    pos = start
    try:
        while True:
            chunk = os.pread(fd, _CHUNK, pos)
            if not chunk or feed(0, chunk):
                return
            pos += len(chunk)
    except zlib.error:
        return


def check_pages(name: str, pages: int, lim: Limits | None = None) -> None:
    lim = lim or limits()
    if pages > lim.max_pages:
        raise over(name, f"{pages} sidor", f"{lim.max_pages} sidor", "max_pages")


# --------------------------------------------------------------------------- DOCX

def _is_xml(member: str) -> bool:
    return member.lower().endswith((".xml", ".rels"))


def check_docx_members(zf: zipfile.ZipFile, name: str, lim: Limits | None = None) -> None:
    """Refuse a DOCX whose members unpack past the limits (declared sizes first, then
    every member read in bounded chunks, so a forged size or CRC is caught too)."""
    lim = lim or limits()
    total_cap, xml_cap = int(lim.max_unpacked_mb * MB), int(lim.max_docx_xml_mb * MB)
    infos = zf.infolist()

    def check(total: int, xml: int) -> None:
        if total > total_cap:
            raise over(name, f"innehållet packas upp till mer än {_mb(lim.max_unpacked_mb)}",
                       _mb(lim.max_unpacked_mb), "max_unpacked_mb")
        if xml > xml_cap:
            raise over(name, f"Word-XML:en packas upp till mer än {_mb(lim.max_docx_xml_mb)}",
                       _mb(lim.max_docx_xml_mb), "max_docx_xml_mb")

    check(sum(i.file_size for i in infos), sum(i.file_size for i in infos if _is_xml(i.filename)))
    total = xml = 0
    for info in infos:
        if info.is_dir():
            continue
        counted = 0
        with zf.open(info) as fh:        # zipfile stops at the declared size and checks the CRC
            while chunk := fh.read(_CHUNK):
                counted += len(chunk)
                total += len(chunk)
                xml += len(chunk) if _is_xml(info.filename) else 0
                check(total, xml)
        if counted != info.file_size:
            raise ExtractionError(f"{name}: trasig .docx ({info.filename}: size does not match the directory)")


# --------------------------------------------------------------------------- text

def check_chars(name: str, chars: int, lim: Limits | None = None, *, page: int | None = None) -> None:
    """Refuse a document (or one page of it) with more text than the budget."""
    lim = lim or limits()
    if page is not None and chars > lim.max_page_chars:
        raise over(name, f"sida {page} har {chars} tecken text", f"{lim.max_page_chars} tecken per sida",
                   "max_page_chars")
    if page is None and chars > lim.max_text_chars:
        raise over(name, f"{chars} tecken text", f"{lim.max_text_chars} tecken per dokument", "max_text_chars")
