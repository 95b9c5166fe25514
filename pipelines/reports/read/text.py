"""Reading plain-text reports: detect the encoding, normalise line ends and odd characters,
and turn the lines into cells.

Three shapes of table occur in text files:

- tab-separated cells (kept by some converters): every tab is a cell boundary;
- layout text (``pdftotext -layout``): columns are runs of two or more spaces, pages are
  separated by form feeds; the same geometry code as for PDF pages reads them, with the
  character column as x;
- flattened running text (tables pasted into one line): see :mod:`flat`.
"""

from __future__ import annotations

import re
from pathlib import Path

from pipelines.reports.model import Block, Document, ExtractionError, Line, Page
from pipelines.reports.read.layout import layout_text_lines, tab_text_lines
from pipelines.reports.vocabulary import document_words

# Characters PDF-to-text tools leave behind that carry no meaning in our documents.
_DROP = {"\ufeff": ""}
_UTF16_BOMS = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}
# A running line this long holds a flattened page (tables pasted into text).
FLAT_LINE = 400


def decode(data: bytes, name: str) -> str:
    """Bytes of a text report as str: UTF-8 (with or without BOM), UTF-16 with a BOM (what
    Windows' Notepad and Excel call "Unicode"), else cp1252/latin-1."""
    if not data.strip():
        raise ExtractionError(f"{name}: tom fil (empty file)")
    utf16 = _UTF16_BOMS.get(data[:2]) if not data.startswith(b"\xff\xfe\x00\x00") else None
    if utf16:
        text = data[2:].decode(utf16, errors="replace")
        if not text.strip():
            raise ExtractionError(f"{name}: tom fil (empty file)")
        if "\x00" in text[:4096]:
            raise ExtractionError(f"{name}: inte en textfil (binary content)")
    elif b"\x00" in data[:4096]:
        raise ExtractionError(f"{name}: inte en textfil (binary content)")
    elif data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
    for bad, good in _DROP.items():
        text = text.replace(bad, good)
    # a soft hyphen (U+00AD) or U+FFFE at a line end joins the word halves
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\ufffe\u00ad]\n", "", text)
    return text.replace("\ufffe", "").replace("\u00ad", "")


def read_text(path: Path, name: str | None = None) -> str:
    return decode(path.read_bytes(), name or path.name)


def text_lines(page_text: str, page: int | None) -> list[Line]:
    """Lines of cells for one page of text: tab cells where a line has tabs, else layout
    cells (runs of 2+ spaces)."""
    out: list[Line] = []
    for n, raw in enumerate(page_text.split("\n")):
        if not raw.strip() or len(raw) > FLAT_LINE:
            continue
        if "\t" in raw.strip("\t") or raw.count("\t") >= 2:
            made = tab_text_lines(raw, page)
        else:
            made = layout_text_lines(raw, page)
        for ln in made:
            ln.index = n
            ln.top, ln.bottom = float(n), float(n + 1)
            for c in ln.cells:
                c.top, c.bottom = float(n), float(n + 1)
                for w in c.words:
                    w.top, w.bottom = float(n), float(n + 1)
            ln.raw = raw
            out.append(ln)
    for prev, ln in zip(out, out[1:]):
        ln.gap_above = ln.top - prev.bottom
    if out:
        out[0].gap_above = 99.0
        out[0].margin = True
        out[-1].margin = True
    return out


def read_document(path: Path, name: str) -> Document:
    """A text file as a Document: pages split at form feeds, each page's tab/layout lines a
    block for the table finder, and the whole text for flattened tables in running lines."""
    text = read_text(path, name)
    texts = text.split("\f") if "\f" in text else [text]
    pages, blocks = [], []
    for i, page_text in enumerate(texts, 1):
        lines = text_lines(page_text, None)
        pages.append(Page(None, page_text, lines=lines))
        blocks.append(Block(lines, None, id_prefix=f"s{i}" if len(texts) > 1 else ""))
    return Document(name, "txt", pages, blocks, paged=False, words=document_words(texts), flat_text=text)
