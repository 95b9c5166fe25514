"""Reading DOCX reports with python-docx: paragraphs as text, Word tables as cells.

A Word table already has its cells, so each table row becomes a line of cells with the
column index as x (like tab text) and goes through the same table finder; paragraphs feed
metadata and narrative. Pages are not known (``page`` is null).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from pipelines.reports.model import Block, Cell, Document, ExtractionError, Line, Page, Word
from pipelines.reports.read import budget
from pipelines.reports.read.layout import classify, make_line
from pipelines.reports.vocabulary import document_words


def read_document(path: Path, name: str) -> Document:
    """A DOCX file as a Document: its paragraphs (and the tables' text) as one page of text,
    and each Word table a block for the table finder, with the paragraph before it as its
    caption."""
    try:
        import docx  # python-docx
    except ImportError as exc:  # pragma: no cover - pinned dependency
        raise ExtractionError(f"{name}: python-docx saknas ({exc})") from None
    if not path.stat().st_size:
        raise ExtractionError(f"{name}: tom fil (empty file)")
    if not zipfile.is_zipfile(path):
        raise ExtractionError(f"{name}: inte en DOCX (not a zip/Office Open XML file)")
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several kinds for broken packages
        raise ExtractionError(f"{name}: trasig DOCX ({type(exc).__name__})") from None
    paragraphs = [p.text for p in document.paragraphs]
    text = "\n".join(paragraphs)
    budget.check_chars(name, len(text), budget.limits())
    blocks = [Block(_table_lines(wt), None, id_prefix=f"d{t_i}", caption=_caption_before(document, wt))
              for t_i, wt in enumerate(document.tables, 1)]
    table_text = "\n".join("\t".join(c.text for c in row.cells) for wt in document.tables for row in wt.rows)
    return Document(name, "docx", [Page(None, text + "\n\n" + table_text)], blocks, paged=False,
                    words=document_words([text]))


def _table_lines(word_table) -> list[Line]:
    lines: list[Line] = []
    for r_i, row in enumerate(word_table.rows):
        cells: list[Cell] = []
        seen: set[int] = set()
        for c_i, cell in enumerate(row.cells):
            if id(cell._tc) in seen:       # a merged cell repeats across the columns it spans
                continue
            seen.add(id(cell._tc))
            t = " ".join(cell.text.split())
            if not t:
                continue
            w = Word(t, 100.0 * c_i, 100.0 * c_i + 90, r_i, r_i + 1, 1.0)
            cells.append(classify(Cell(t, 100.0 * c_i, 100.0 * c_i + 90, r_i, r_i + 1, 1.0, words=[w])))
        if cells:
            line = make_line(cells, None, r_i)
            line.raw = " | ".join(c.text for c in cells)
            lines.append(line)
    for prev, ln in zip(lines, lines[1:]):
        ln.gap_above = ln.top - prev.bottom
    if lines:
        lines[0].gap_above = 99.0
    return lines


def _caption_before(document, word_table) -> list[str]:
    """The last short paragraph before the table (its caption or heading)."""
    body = document.element.body
    prev = word_table._tbl.getprevious()
    while prev is not None:
        if prev.tag.endswith("}p"):
            text = "".join(t.text or "" for t in prev.iter() if t.tag.endswith("}t")).strip()
            if text:
                return [text] if len(text.split()) <= 12 else []
        prev = prev.getprevious()
    _ = body
    return []
