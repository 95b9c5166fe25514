"""Entry point of report extraction: one file in, document info and facts out.

Expected problems (empty, corrupt, password-protected, wrong format) never raise: they
come back as a result with status ``avvisad`` and a one-line ``orsak``.

Flow per document: pages (PDF: pypdfium2 text on every page, character boxes on pages that
look like tables; text: encoding, then tab / layout / flattened lines), metadata (kommun,
nämnd, type, period), tables by geometry → facts (mapping), sum checks, narrative
sentences, and a privacy filter last.
"""

from __future__ import annotations

from pathlib import Path

from pipelines.reports import checks, metadata, narrative, pdf, privacy, status, text
from pipelines.reports.guard import precheck
from pipelines.reports.document import AVVISAD, DocumentInfo, ExtractionError, ExtractionResult
from pipelines.reports.facts import Fact
from pipelines.reports.mapping import DocContext, document_areas, table_facts
from pipelines.reports.tables import (
    Table, document_words, drop_borrowed_captions, find_tables, inherit_groups, inherit_sections, reset_document_words,
    set_document_words,
)
from pipelines.reports.units import money_unit

EXTRACTOR_VERSION = "0.5.0"


def extract_file(path: Path, *, filename: str | None = None, kommun_kod: str | None = None,
                 folder: str | None = None) -> ExtractionResult:
    """Facts and document info of one report file.

    ``filename``: the name the file arrived under (default: its own). ``kommun_kod``: from an
    inbox sub-folder named by a kommunkod. ``folder``: the name of the folder the file was
    dropped in (default: its own parent), a hint for the kommun when the text names none
    (``inbox/reports/alingsas/``)."""
    name = filename or path.name
    info = DocumentInfo(filnamn=name, kommun_kod=kommun_kod, extraktor_version=EXTRACTOR_VERSION)
    suffix = path.suffix.lower()
    try:
        precheck(path, name)
        if suffix == ".pdf":
            info.format = "pdf"
            doc = _from_pdf(path, name, info, kommun_kod)
        elif suffix == ".txt":
            info.format = "txt"
            doc = text.read_document(path, name)
        elif suffix == ".docx":
            info.format = "docx"
            from pipelines.reports import docx

            doc = docx.read_document(path, name)
        else:
            raise ExtractionError(f"{name}: okänt filformat '{suffix or '(inget)'}' (expected .pdf, .txt or .docx)")
    except ExtractionError as exc:
        info.status, info.orsak = AVVISAD, str(exc)
        return ExtractionResult(info)
    facts = _facts(doc, info, kommun_kod, folder if folder is not None else path.parent.name)
    return ExtractionResult(info, facts)


def rejected(name: str, reason: str, *, kommun_kod: str | None = None) -> ExtractionResult:
    """The result for a document refused before its bytes were kept (too large)."""
    info = DocumentInfo(filnamn=name, kommun_kod=kommun_kod, extraktor_version=EXTRACTOR_VERSION)
    info.status, info.orsak = AVVISAD, reason
    return ExtractionResult(info)


class Document:
    """What a reader hands on: page texts, tables per page and flattened-text facts."""

    def __init__(self, name: str, page_texts: list[str], tables: list[Table], paged: bool,
                 image_pages: list[int] | None = None, chart_pages: list[int] | None = None,
                 extra_facts: list[Fact] | None = None, lines_by_page: dict | None = None):
        self.name = name
        self.page_texts = page_texts
        self.tables = tables
        self.paged = paged
        self.image_pages = image_pages or []
        self.chart_pages = chart_pages or []
        self.extra_facts = extra_facts or []
        self.lines_by_page = lines_by_page or {}
        self.picture_pages: list[int] = []
        self.status_rows: list[status.StatusRow] = []


def _from_pdf(path: Path, name: str, info: DocumentInfo, kommun_kod: str | None) -> Document:
    pages = pdf.read_pages(path)
    info.sidor = len(pages)
    tables: list[Table] = []
    lines_by_page = {}
    token = set_document_words(document_words([p.text for p in pages]))
    try:
        for p in pages:
            if p.kind == "table":
                lines_by_page[p.number] = p.lines
                tables.extend(find_tables(p.lines, p.number, "pdf"))
    finally:
        reset_document_words(token)
    image = [p.number for p in pages if p.kind == "image"]
    chart = [p.number for p in pages if p.kind == "chart"]
    doc = Document(name, [p.text for p in pages], tables, True, image, chart, lines_by_page=lines_by_page)
    doc.status_rows = status.find_rows([(p.number, p.lines, p.icons) for p in pages if p.lines])
    pages_with_tables = {t.page for t in tables}
    doc.picture_pages = [p.number for p in pages
                         if p.has_image and p.kind in ("text", "table") and p.number not in pages_with_tables]
    return doc


def _facts(doc: Document, info: DocumentInfo, kommun_kod: str | None, folder: str | None = None) -> list[Fact]:
    meta = metadata.read_metadata(doc.page_texts, kommun_kod, folder)
    info.kommun_kod, info.kommun, info.namnd = meta.kommun_kod, meta.kommun, meta.namnd
    info.dokumenttyp = meta.dokumenttyp
    info.varningar.extend(meta.varningar)
    if meta.period:
        info.period_typ, info.period_slut, info.ar = meta.period.type, meta.period.end, meta.period.year
    info.bildsidor = sorted(set(doc.image_pages) | set(doc.chart_pages))
    for p in doc.image_pages:
        info.varningar.append(f"sida {p}: ingen textrad (bild eller skannad sida), inget extraherat")
    for p in doc.chart_pages:
        info.varningar.append(f"sida {p}: diagram (siffrorna finns i bilden), inget extraherat")
    for p in doc.picture_pages:
        info.varningar.append(f"sida {p}: bild som kan innehålla en tabell (ingen OCR), inget extraherat från bilden")
    if not info.kommun_kod:
        info.varningar.append("kommun okänd (lägg filen i inkorgens mapp med kommunkod)")
    ctx = DocContext(
        document=doc.name, period=meta.period, doc_type=meta.dokumenttyp, kommun_kod=meta.kommun_kod,
        namnd=meta.namnd, money=_document_money(doc.tables),
    )
    facts: list[Fact] = []
    _inherit_headers(doc.tables)
    doc.tables = [t for t in doc.tables if not t.continuation or any(c.header or c.group for c in t.columns)]
    inherit_groups(doc.tables)
    drop_borrowed_captions(doc.tables)
    inherit_sections(doc.tables)
    ctx.areas = document_areas(doc.tables)
    for table in doc.tables:
        tf = table_facts(table, ctx)
        checks.check_table(table, tf)
        facts.extend(tf)
    facts.extend(doc.extra_facts)
    facts.extend(status.row_facts(doc.status_rows, ctx))
    goals = list(dict.fromkeys(f.goal for f in facts if f.goal))
    facts.extend(narrative.extract(doc.page_texts, ctx, doc.paged, doc.chart_pages + doc.image_pages, goals))
    facts = privacy.scrub(facts)
    for fact in facts:
        fact.kommun_kod = ctx.kommun_kod
        fact.namnd = ctx.namnd
    info.varningar.extend(ctx.warnings)
    return facts


def _document_money(tables: list[Table]):
    for t in tables:
        for text in (t.stub, *t.caption):
            u = money_unit(text)
            if u:
                return u
    return None


def _inherit_headers(tables: list[Table]) -> None:
    """A table without header lines that continues the previous table (next page, same
    number of columns at the same places) takes over its headers and caption."""
    for prev, table in zip(tables, tables[1:]):
        if any(c.header or c.group for c in table.columns) or table.stub:
            continue
        if len(prev.columns) != len(table.columns):
            continue
        if table.continuation and (prev.page is None or table.page not in (prev.page, prev.page + 1)):
            continue
        if table.source == "pdf" and any(min(a.x1, b.x1) - max(a.x0, b.x0) < -4 for a, b in zip(prev.columns, table.columns)):
            continue
        for a, b in zip(prev.columns, table.columns):
            b.header, b.group = a.header, a.group
        # its own short label lines above the first row ("LSS") open a section; without one,
        # the rows go on in the last section of the table they continue
        own = [c for c in table.caption if len(c.split()) <= 5 and not c.rstrip().endswith((".", ":"))]
        section = own[-1] if own else next((r.section for r in reversed(prev.rows) if r.section), None)
        for r in table.rows:
            if r.section:
                break
            r.section = section
        table.stub, table.caption = prev.stub, prev.caption
        table.heading = table.heading or prev.heading
