"""One reader for every form: the same report as PDF, as layout text and as one line per page.

For every gold PDF the two text forms are made once (cached by the PDF's hash):

- ``layout``: pdfplumber's ``extract_text(layout=True)`` per page, pages joined by form feeds
  (what ``pdftotext -layout`` gives);
- ``flat``: each page's pypdfium2 text with all whitespace collapsed to single spaces, one line
  per page (the form of the product's sample texts).

Each form is extracted like any text report and its **table** facts are matched against the
PDF's gold without the page (text forms have none), on the pages the gold covers. The PDF is
scored the same way, so the three recalls are comparable.

    python -m tools.forms [--document NAME] [--verbose]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

from pipelines.config import PROJECT_ROOT
from pipelines.reports.extract import extract_file
from tools.evaluate import GOLD_DIR, default_search_dirs, is_covered, load_gold, match_facts, resolve_document

CACHE = PROJECT_ROOT / "data" / "cache" / "forms"
FORMS = ("pdf", "layout", "flat")


def layout_text(pdf: Path) -> str:
    import pdfplumber

    with pdfplumber.open(str(pdf)) as doc:
        return "\f".join((page.extract_text(layout=True) or "") for page in doc.pages)


def flat_text(pdf: Path) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        pages = []
        for i in range(len(doc)):
            tp = doc[i].get_textpage()
            text = tp.get_text_range().replace("\ufffe", "").replace("\u00ad", "")
            tp.close()
            pages.append(" ".join(text.split()))
        return "\n".join(pages)
    finally:
        doc.close()


def form_file(pdf: Path, form: str, cache: Path = CACHE) -> Path:
    """The text form of a PDF, made once (cached under its hash); the file keeps the PDF's name."""
    digest = hashlib.sha256(pdf.read_bytes()).hexdigest()[:16]
    out = cache / f"{digest}-{form}" / (pdf.stem + ".txt")
    if not out.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
        text = layout_text(pdf) if form == "layout" else flat_text(pdf)
        tmp = out.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(out)
    return out


@dataclass
class FormScore:
    document: str
    form: str
    gold: int
    matched: int
    wrong: int

    @property
    def recall(self) -> float | None:
        return self.matched / self.gold if self.gold else None


def _table_facts(facts: list[dict], covered) -> list[dict]:
    return [f for f in facts if f.get("method") == "table" and is_covered(f.get("page"), covered)]


def score(name: str | None = None, cache: Path = CACHE) -> list[FormScore]:
    """Table recall of every form of every gold PDF (page-agnostic matching)."""
    out: list[FormScore] = []
    for doc in load_gold(GOLD_DIR, only=name):
        if not doc.name.lower().endswith(".pdf") or doc.problems:
            continue
        pdf = resolve_document(doc, default_search_dirs())
        if pdf is None:
            continue
        gold = [dict(g, page=None) for g in _table_facts(doc.facts, doc.covered)]
        if not gold:
            continue
        for form in FORMS:
            path = pdf if form == "pdf" else form_file(pdf, form, cache)
            try:
                facts = [f.to_dict() for f in extract_file(path, filename=doc.name).facts]
            except Exception as exc:    # a crash is a result here: counted as nothing read
                print(f"{doc.name} ({form}): {type(exc).__name__}: {exc}", file=sys.stderr)
                facts = []
            if form == "pdf":
                facts = _table_facts(facts, doc.covered)
            extracted = [dict(f, page=None) for f in facts if f.get("method") == "table"]
            m = match_facts(gold, extracted)
            out.append(FormScore(doc.name, form, len(gold), len(m.matched), len(m.wrong)))
    return out


def render(scores: list[FormScore]) -> str:
    docs = list(dict.fromkeys(s.document for s in scores))
    by = {(s.document, s.form): s for s in scores}
    lines = ["| document | table gold | " + " | ".join(f"{f} recall" for f in FORMS) + " | wrong (layout, flat) |",
             "|---|---:|" + "---:|" * len(FORMS) + "---:|"]

    def pct(s: FormScore | None) -> str:
        return "–" if s is None or s.recall is None else f"{100 * s.recall:.1f}%"

    totals = {f: [0, 0, 0] for f in FORMS}
    for d in docs:
        row = [by.get((d, f)) for f in FORMS]
        for f, s in zip(FORMS, row):
            if s:
                totals[f][0] += s.gold
                totals[f][1] += s.matched
                totals[f][2] += s.wrong
        wrong = ", ".join(str(s.wrong) if s else "–" for s in row[1:])
        lines.append(f"| `{d}` | {row[0].gold if row[0] else '–'} | " + " | ".join(pct(s) for s in row) + f" | {wrong} |")
    total = [FormScore("(all)", f, *totals[f]) for f in FORMS]
    lines.append(f"| **all** | {total[0].gold} | " + " | ".join(pct(s) for s in total)
                 + f" | {total[1].wrong}, {total[2].wrong} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--document", help="only this gold document")
    args = parser.parse_args(argv)
    print(render(score(args.document)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
