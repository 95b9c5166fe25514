"""Pre-checks before extraction: is this file something we can read at all?

``precheck(path, name)`` raises ``ExtractionError`` with a one-line reason (status
``avvisad`` in dim_dokument) for files that would otherwise fail deep inside a parser or,
worse, load as nothing without saying why:

- a file that vanished, an empty file, a file over the size limit
  (``KOMMUNLAGER_MAX_FILE_MB``, default 200), a file over a budget for unpacked content
  or pages (``budget``: PDF streams, DOCX members);
- content that does not match the extension (magic bytes): a ``.pdf`` that is text, an
  image or a Word file, a ``.txt`` that is a PDF or binary, a ``.docx`` that is no ZIP;
- PDFs that are truncated (no ``%%EOF`` at the end), corrupt, password-protected, without
  pages, or image-only (no page has a text layer: a scan that needs OCR).

Text encodings (UTF-8 with or without BOM, cp1252) are the text reader's concern; the
guard only refuses bytes that are not text. Extraction calls ``precheck`` first thing.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from pipelines.config import Limits
from pipelines.reports.model import ExtractionError
from pipelines.reports.read import budget

MAX_FILE_MB_ENV = Limits.env("max_file_mb")
DEFAULT_MAX_FILE_MB = Limits.max_file_mb
# A page with at least this many non-blank characters has a text layer.
MIN_PAGE_TEXT_CHARS = 20
_HEAD = 4096
_TAIL = 2048

# Leading bytes → what the content is (for the reason a person reads).
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "en PDF"),
    (b"PK\x03\x04", "ett ZIP-arkiv (t.ex. Word/Excel)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ett gammalt Office-dokument (.doc/.xls)"),
    (b"\x89PNG\r\n\x1a\n", "en PNG-bild"),
    (b"\xff\xd8\xff", "en JPEG-bild"),
    (b"GIF8", "en GIF-bild"),
    (b"II*\x00", "en TIFF-bild"),
    (b"MM\x00*", "en TIFF-bild"),
    (b"{\\rtf", "ett RTF-dokument"),
    (b"\x1f\x8b", "en gzip-fil"),
)


def max_file_bytes() -> int:
    return int(Limits.from_env().max_file_mb * 1024 * 1024)


def check_size(name: str, size: int) -> None:
    """Refuse a file over the size limit (before its bytes are copied or parsed)."""
    limit = max_file_bytes()
    if size > limit:
        raise ExtractionError(
            f"{name}: för stor fil ({size / 1048576:.1f} MB, gränsen är {limit / 1048576:.0f} MB; "
            f"{MAX_FILE_MB_ENV})"
        )


def sniff(head: bytes) -> str | None:
    """What the leading bytes say the content is, or None for no known signature."""
    stripped = head.lstrip(b"\xef\xbb\xbf\r\n\t ")
    for magic, what in MAGIC:
        if stripped.startswith(magic):
            return what
    if b"%PDF-" in head[:1024]:
        return "en PDF"
    return None


def _looks_binary(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 with BOM: text, if the reader can decode it
    return b"\x00" in head


def _read_ends(path: Path, size: int) -> tuple[bytes, bytes]:
    with path.open("rb") as fh:
        head = fh.read(_HEAD)
        fh.seek(max(0, size - _TAIL))
        tail = fh.read(_TAIL)
    return head, tail


def _check_pdf(path: Path, name: str, tail: bytes) -> None:
    import pypdfium2 as pdfium

    if b"%%EOF" not in tail:
        raise ExtractionError(f"{name}: avkortad PDF, slutet saknas (truncated: no %%EOF; an interrupted download?)")
    budget.check_pdf_streams(path, name)     # before PDFium inflates a page
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ExtractionError(f"{name}: lösenordsskyddad PDF (password protected)") from None
        raise ExtractionError(f"{name}: trasig PDF ({str(exc).strip().splitlines()[0]})") from None
    try:
        if len(pdf) == 0:
            raise ExtractionError(f"{name}: PDF utan sidor (no pages)")
        budget.check_pages(name, len(pdf))
        for page in pdf:
            try:
                textpage = page.get_textpage()
                try:
                    chars = sum(1 for c in textpage.get_text_range() if not c.isspace())
                finally:
                    textpage.close()
            finally:
                page.close()
            if chars >= MIN_PAGE_TEXT_CHARS:
                return
        raise ExtractionError(
            f"{name}: bara bilder, inget textlager på någon sida (image-only PDF: a scan needs OCR first)"
        )
    finally:
        pdf.close()


def _check_docx(path: Path, name: str) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            if "word/document.xml" not in zf.namelist():
                raise ExtractionError(f"{name}: ZIP-arkiv men inget Word-dokument (no word/document.xml)")
            budget.check_docx_members(zf, name)   # sizes and CRCs, before python-docx reads it
    except zipfile.BadZipFile as exc:
        raise ExtractionError(f"{name}: trasig .docx (corrupt ZIP container: {exc})") from None
    except (zipfile.LargeZipFile, NotImplementedError, EOFError, OSError, ValueError) as exc:
        raise ExtractionError(f"{name}: trasig .docx ({type(exc).__name__}: {exc})") from None


def precheck(path: Path, name: str | None = None) -> None:
    """Raise ``ExtractionError`` (one line naming the file) when ``path`` cannot be a
    readable report of the kind its extension says."""
    name = name or path.name
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
        if size == 0:
            raise ExtractionError(f"{name}: tom fil (empty file)")
        check_size(name, size)
        head, tail = _read_ends(path, size)
    except FileNotFoundError:
        raise ExtractionError(f"{name}: filen försvann innan den lästes (vanished)") from None
    except OSError as exc:
        raise ExtractionError(f"{name}: kan inte läsas ({exc.strerror or exc})") from None
    what = sniff(head)
    if suffix == ".pdf":
        if what != "en PDF":
            kind = what or ("text" if not _looks_binary(head) else "okänt binärt innehåll")
            raise ExtractionError(f"{name}: inte en PDF, innehållet är {kind} (content does not match .pdf)")
        _check_pdf(path, name, tail)
    elif suffix == ".txt":
        if not head.strip(b"\xef\xbb\xbf\r\n\t "):
            raise ExtractionError(f"{name}: tom fil (empty file)")
        if what is not None:
            raise ExtractionError(f"{name}: inte en textfil, innehållet är {what} (content does not match .txt)")
        if _looks_binary(head):
            raise ExtractionError(f"{name}: inte en textfil, binärt innehåll (content does not match .txt)")
    elif suffix == ".docx":
        if what != "ett ZIP-arkiv (t.ex. Word/Excel)":
            kind = what or ("text" if not _looks_binary(head) else "okänt binärt innehåll")
            raise ExtractionError(f"{name}: inte ett Word-dokument, innehållet är {kind} (content does not match .docx)")
        _check_docx(path, name)
