"""Readers: one file in, a ``Document`` out (pages of text, lines of cells with positions,
the blocks where tables are looked for).

The guard (``guard.precheck``: empty, oversized, wrong content for the extension, truncated
or encrypted PDFs, scans) runs before ``read_document``, which calls the reader of the
format. Every expected problem raises ``ExtractionError`` with a one-line reason.
"""

from __future__ import annotations

from pathlib import Path

from pipelines.reports.model import Document, ExtractionError
from pipelines.reports.read import docx, pdf, text

READERS = {".pdf": pdf.read_document, ".txt": text.read_document, ".docx": docx.read_document}


def read_document(path: Path, name: str | None = None) -> Document:
    """The document in ``path`` (``name``: the name it arrived under, default its own)."""
    name = name or path.name
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        raise ExtractionError(f"{name}: okänt filformat '{suffix or '(inget)'}' (expected .pdf, .txt or .docx)")
    return reader(path, name)
