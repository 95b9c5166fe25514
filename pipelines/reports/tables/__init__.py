"""Tables of a document: found by geometry in the reader's blocks (``find.py``: PDF pages,
layout or tab text, Word tables) and in flattened running text (``flat.py``, ``blocks.py``),
then stitched across page breaks (``stitch.py``); status rows without numbers (``status.py``).
All of them end in the table model of ``model.py``."""

from __future__ import annotations

from pipelines.reports.model import Document
from pipelines.reports.tables import flat
from pipelines.reports.tables.find import find_tables
from pipelines.reports.tables.model import Table
from pipelines.reports.tables.outline import place_outline, place_side
from pipelines.reports.tables.settings import PDF, TEXT
from pipelines.reports.tables.status import StatusRow, find_rows


def document_tables(doc: Document) -> list[Table]:
    """Every table of a document in reading order, with document-unique ids (not stitched)."""
    settings = (PDF if doc.format == "pdf" else TEXT).with_words(doc.words)
    tables: list[Table] = []
    for block in doc.blocks:
        for t in find_tables(block.lines, block.page, settings):
            t.id = f"{block.id_prefix}{t.id}"
            if block.caption and not t.caption:
                t.caption = list(block.caption)
            tables.append(t)
    if doc.flat_text is not None:
        tables.extend(flat.find_tables(doc.flat_text, doc.words))
    seen: dict[str, int] = {}
    for t in tables:
        seen[t.id] = seen.get(t.id, 0) + 1
        if seen[t.id] > 1:
            t.id = f"{t.id}_{seen[t.id]}"
    if doc.paged:
        place_outline(tables, doc.page_texts)
    place_side(tables)
    return tables


def picture_tables(doc: Document, pages: list[int]) -> tuple[list[Table], dict[int, str]]:
    """Tables in the pictures of these pages of a PDF, read with OCR (``read/ocr.py``; ids
    ``ocr<page>t<n>``), and a warning for each of the pages: read, no table in its pictures,
    could not be read (that page is skipped, the document is not), or no OCR here."""
    from pipelines.reports.read import ocr

    if doc.format != "pdf" or doc.source is None or not ocr.available():
        return [], {p: f"sida {p}: bild som kan innehålla en tabell (ingen OCR), inget extraherat från bilden"
                    for p in pages}
    read, failed = ocr.picture_lines(doc.source, pages)
    settings = PDF.with_words(doc.words)
    tables: list[Table] = []
    notes = {p: f"sida {p}: bilden kunde inte läsas med OCR ({why}), inget extraherat från bilden"
             for p, why in failed.items()}
    for page, lines in read.items():
        found = find_tables(lines, page, settings)
        for t in found:
            t.id = f"ocr{t.id}"
        tables.extend(found)
        notes[page] = (f"sida {page}: tabell i bild läst med OCR; bara värden som tabellens egna summor bekräftar lagras"
                       if found else f"sida {page}: bild utan läsbar tabell (OCR), inget extraherat från bilden")
    return tables, notes


def status_rows(doc: Document) -> list[StatusRow]:
    """Goals and uppdrag with a status (an icon or a status word) on the document's lines."""
    return find_rows([(p.number, p.lines, p.icons) for p in doc.pages if p.lines], text_source=doc.format != "pdf")
