"""Entry point of report extraction: one file in, document info and facts out.

Expected problems (empty, corrupt, password-protected, wrong format) never raise: they
come back as a result with status ``avvisad`` and a one-line ``orsak``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from pipelines.reports import pdf, text
from pipelines.reports.guard import precheck
from pipelines.reports.document import AVVISAD, DocumentInfo, ExtractionError, ExtractionResult
from pipelines.reports.facts import Fact
from pipelines.reports.numbers import parse_number

EXTRACTOR_VERSION = "0.1.0"
VOCABULARY_DIR = Path(__file__).parent / "vocabulary"
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    return {
        "columns": yaml.safe_load((VOCABULARY_DIR / "columns.yml").read_text(encoding="utf-8")),
        "measures": yaml.safe_load((VOCABULARY_DIR / "measures.yml").read_text(encoding="utf-8")),
    }


def scenario_of(header: str) -> str | None:
    low = header.lower()
    for entry in vocabulary()["columns"]["scenarios"]:
        if any(re.search(rf"(?<!\w){re.escape(w)}", low) for w in entry["words"]):
            return entry["scenario"]
    return None


def measure_of(label: str) -> tuple[str, str, str] | None:
    """(schema, measure, unit) for a row label, by longest matching prefix."""
    low = label.strip().lower()
    best: tuple[int, tuple[str, str, str]] | None = None
    for schema, entries in vocabulary()["measures"].items():
        for entry in entries:
            for prefix in entry["match"]:
                if low.startswith(prefix) and (best is None or len(prefix) > best[0]):
                    best = (len(prefix), (schema, entry["measure"], entry["unit"]))
    return best[1] if best else None


def _tab_table_facts(lines: list[str], document: str, page: int | None) -> list[Fact]:
    """Facts from tab-separated tables: a header line, then label + value lines."""
    facts: list[Fact] = []
    header: list[str] | None = None
    for raw in lines:
        cells = raw.split("\t")
        if len(cells) < 2:
            header = None
            continue
        values = [parse_number(c.replace("%", "")) for c in cells[1:]]
        if not any(v is not None for v in values):
            header = cells
            continue
        if header is None or len(header) != len(cells):
            continue
        label = cells[0].strip()
        found = measure_of(label)
        if not found:
            continue
        schema, measure, unit = found
        for i, (cell, value) in enumerate(zip(cells[1:], values), start=1):
            if value is None or "%" in cell and unit != "procent":
                continue
            column = header[i].strip()
            date = _DATE.search(column)
            year = _YEAR.search(column)
            facts.append(
                Fact(
                    document=document, page=page, schema=schema, label=label, column=column,
                    scenario=scenario_of(column) or ("utfall" if date else None),
                    year=int(date.group(1)[:4]) if date else (int(year.group(1)) if year else None),
                    period_end=date.group(1) if date else None, kon="T" if schema == "personal" else None,
                    value=value, unit=unit, evidence=raw.strip(), method="table", measure=measure,
                    raw_value=cell.strip(), raw_unit=unit, row=None, col=i,
                )
            )
    return facts


def extract_file(path: Path, *, filename: str | None = None, kommun_kod: str | None = None) -> ExtractionResult:
    name = filename or path.name
    info = DocumentInfo(filnamn=name, kommun_kod=kommun_kod, extraktor_version=EXTRACTOR_VERSION)
    suffix = path.suffix.lower()
    try:
        precheck(path, name)
        if suffix == ".pdf":
            info.format = "pdf"
            pages = pdf.page_texts(path)
            info.sidor = len(pages)
            info.bildsidor = [i for i, t in enumerate(pages, 1) if len(t.strip()) < pdf.MIN_TEXT_CHARS]
            facts = [f for i, t in enumerate(pages, 1) for f in _tab_table_facts(t.split("\n"), name, i)]
        elif suffix == ".txt":
            info.format = "txt"
            facts = _tab_table_facts(text.read_text(path).split("\n"), name, None)
        else:
            raise ExtractionError(f"{name}: okänt filformat '{suffix or '(inget)'}' (expected .pdf, .txt or .docx)")
    except ExtractionError as exc:
        info.status, info.orsak = AVVISAD, str(exc)
        return ExtractionResult(info)
    for fact in facts:
        fact.kommun_kod = info.kommun_kod
    return ExtractionResult(info, facts)
