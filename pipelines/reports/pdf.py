"""Reading born-digital PDFs with pypdfium2: text per page."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from pipelines.reports.document import ExtractionError

# A page with fewer characters than this has no usable text layer (scan or charts only).
MIN_TEXT_CHARS = 200


def open_pdf(path: Path) -> pdfium.PdfDocument:
    name = path.name
    head = path.read_bytes()[:1024] if path.stat().st_size else b""
    if not head:
        raise ExtractionError(f"{name}: tom fil (empty file)")
    if b"%PDF" not in head:
        raise ExtractionError(f"{name}: inte en PDF (no %PDF header)")
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        reason = str(exc).lower()
        if "password" in reason:
            raise ExtractionError(f"{name}: lösenordsskyddad PDF (password protected)") from None
        raise ExtractionError(f"{name}: trasig PDF ({exc})") from None


def page_texts(path: Path) -> list[str]:
    """Text of every page, soft hyphens removed and line ends normalised."""
    pdf = open_pdf(path)
    try:
        texts = []
        for page in pdf:
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            textpage.close()
            page.close()
            texts.append(text.replace("\ufffe", "").replace("\u00ad", "").replace("\r\n", "\n"))
        return texts
    finally:
        pdf.close()
