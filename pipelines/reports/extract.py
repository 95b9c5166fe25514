"""Entry point of report extraction: one file in, document info and facts out.

Expected problems (empty, corrupt, password-protected, wrong format) never raise: they
come back as a result with status ``avvisad`` and a one-line ``orsak``.

precheck (read/guard.py) → reader (read/: pages, lines of cells) → metadata (kommun, nämnd,
type, period) → class (facts/classify.py: a non-report gives no table facts) → tables
(tables/: geometry, flattened text; stitched across pages) → facts per table
(facts/tables.py) → checks against the table's own sums → status rows, sentences → privacy
filter → facts without meaning marked oklar (facts/meaning.py).
"""

from __future__ import annotations

from pathlib import Path

from pipelines.lib.files import one_line_name
from pipelines.reports.facts import checks, classify, meaning, metadata, narrative, privacy
from pipelines.reports.facts.roles import document_areas
from pipelines.reports.facts.status import row_facts
from pipelines.reports.facts.tables import table_facts
from pipelines.reports.facts.units import document_money
from pipelines.reports.model import AVVISAD, DocContext, Document, DocumentInfo, ExtractionError, ExtractionResult, Fact
from pipelines.reports.read import read_document
from pipelines.reports.read.guard import precheck
from pipelines.reports.tables import document_tables, picture_tables, status_rows
from pipelines.reports.tables.stitch import stitch

EXTRACTOR_VERSION = "0.5.0"
FORMATS = {".pdf": "pdf", ".txt": "txt", ".docx": "docx"}


def extract_file(path: Path, *, filename: str | None = None, kommun_kod: str | None = None,
                 folder: str | None = None) -> ExtractionResult:
    """Facts and document info of one report file.

    ``filename``: the name the file arrived under (default: its own). ``kommun_kod``: from an
    inbox sub-folder named by a kommunkod. ``folder``: the name of the folder the file was
    dropped in (default: its own parent), a hint for the kommun when the text names none
    (``inbox/reports/alingsas/``)."""
    name = one_line_name(filename or path.name)
    info = DocumentInfo(filnamn=name, kommun_kod=kommun_kod, extraktor_version=EXTRACTOR_VERSION)
    try:
        precheck(path, name)
        info.format = FORMATS.get(path.suffix.lower())
        doc = read_document(path, name)
    except ExtractionError as exc:
        info.status, info.orsak = AVVISAD, str(exc)
        return ExtractionResult(info)
    if doc.paged:
        info.sidor = len(doc.pages)
    facts = _facts(doc, info, kommun_kod, folder if folder is not None else path.parent.name)
    return ExtractionResult(info, facts)


def extract_file_or_reason(path: Path, **kwargs) -> tuple[ExtractionResult, str | None]:
    """``extract_file``, but a failure nobody expected (a bug, a PDF that trips a library)
    becomes status ``avvisad`` with a one-line reason naming the file, so one file never
    stops a batch. Returns the result and, after such a failure, the traceback for the log."""
    try:
        return extract_file(path, **kwargs), None
    except Exception as exc:  # noqa: BLE001 - the one place unexpected failures become a status
        import traceback

        name = one_line_name(kwargs.get("filename") or path.name)
        message = (str(exc).strip().splitlines() or [""])[0]
        reason = (f"{name}: oväntat fel vid extraktionen, inget extraherat "
                  f"(unexpected error: {type(exc).__name__}{': ' + message if message else ''})")
        return rejected(name, reason, kommun_kod=kwargs.get("kommun_kod")), traceback.format_exc()


def rejected(name: str, reason: str, *, kommun_kod: str | None = None) -> ExtractionResult:
    """The result for a document refused before its bytes were kept (too large)."""
    info = DocumentInfo(filnamn=name, kommun_kod=kommun_kod, extraktor_version=EXTRACTOR_VERSION)
    info.status, info.orsak = AVVISAD, reason
    return ExtractionResult(info)


def _facts(doc: Document, info: DocumentInfo, kommun_kod: str | None, folder: str | None = None) -> list[Fact]:
    meta = metadata.read_metadata(doc.page_texts, kommun_kod, folder)
    info.kommun_kod, info.kommun, info.namnd = meta.kommun_kod, meta.kommun, meta.namnd
    klass = classify.classify(doc.page_texts, meta.dokumenttyp)
    info.dokumenttyp = klass.klass
    info.varningar.extend(meta.varningar)
    if meta.period:
        info.period_typ, info.period_slut, info.ar = meta.period.type, meta.period.end, meta.period.year
    tables = document_tables(doc)
    with_tables = {t.page for t in tables}
    pictures = [p.number for p in doc.pages
                if p.has_image and p.kind in ("text", "table") and p.number is not None and p.number not in with_tables]
    info.bildsidor = sorted(set(doc.image_pages) | set(doc.chart_pages))
    info.varningar.extend(f"sida {p}: ingen textrad (bild eller skannad sida), inget extraherat" for p in doc.image_pages)
    info.varningar.extend(f"sida {p}: diagram (siffrorna finns i bilden), inget extraherat" for p in doc.chart_pages)
    # OCR is slow: only for pictures in documents of a report class (a photo of an unknown
    # document is not read)
    if klass.klass in classify.report_classes():
        ocr_tables, notes = picture_tables(doc, pictures)
        tables = tables + ocr_tables
        info.varningar.extend(notes[p] for p in pictures)
    else:
        info.varningar.extend(f"sida {p}: bild som kan innehålla en tabell (ingen OCR för dokumenttypen), "
                              "inget extraherat från bilden" for p in pictures)
    if not info.kommun_kod:
        info.varningar.append("kommun okänd (lägg filen i inkorgens mapp med kommunkod)")
    ctx = DocContext(document=doc.name, period=meta.period, doc_type=meta.dokumenttyp, kommun_kod=meta.kommun_kod,
                     namnd=meta.namnd, plan_year=meta.plan_year, forward=meta.forward,
                     money=document_money(tables))
    tables = stitch(tables)
    ctx.areas = document_areas(tables)
    facts: list[Fact] = []
    if klass.gives != classify.ALLA:
        # not a report: no table facts; a protokoll or tjänsteskrivelse may state key figures
        what = "bara nyckeltal ur löptexten" if klass.gives == classify.BERATTADE else "inga fakta"
        info.varningar.append(f"dokumentet är ingen rapport ({klass.reason}): {what}")
        tables = []
    for table in tables:
        found = table_facts(table, ctx)
        checks.check_table(table, found)
        if table.id.startswith("ocr"):
            kept = checks.confirmed_ocr(found)
            if len(kept) < len(found):
                info.varningar.append(f"sida {table.page}: {len(found) - len(kept)} av {len(found)} värden lästa med OCR "
                                      "bekräftas inte av tabellens egna summor och lagras inte")
            found = kept
        facts.extend(found)
    if klass.gives == classify.ALLA:
        facts.extend(row_facts(status_rows(doc), ctx))
    goals = list(dict.fromkeys(f.goal for f in facts if f.goal))
    if klass.gives != classify.INGA:
        facts.extend(narrative.extract(doc.page_texts, ctx, doc.paged, doc.chart_pages + doc.image_pages, goals))
    facts = privacy.scrub(facts)
    unclear = meaning.mark_unclear(facts)
    if unclear:
        info.varningar.append(f"{unclear} fakta oklara (kontroll = oklar: period, mått eller en dimension saknas; "
                              "hålls utanför marternas aktuella fakta)")
    for fact in facts:
        fact.kommun_kod, fact.namnd = ctx.kommun_kod, ctx.namnd
    info.varningar.extend(ctx.warnings)
    return facts
