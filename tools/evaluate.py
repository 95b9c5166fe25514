"""Evaluate the extractor against hand-made gold files (``tests/gold``; format and matching
rules in ``tests/gold/README.md``).

    python -m tools.evaluate [--gold-dir DIR] [--document NAME] [--verbose]
                                         [--json] [--write-doc docs/extraction.md]

For every document with a gold file it runs ``extract_file``, pairs extracted facts with
gold facts by key, and reports per document and schema: gold, extracted (on covered pages),
matched, wrong values, missing, extra, recall, precision, the metadata fields, and on the
matched facts the attributes outside the key that disagree with gold (area, measure, unit,
category, goal, status, comparator). The matching functions take plain dicts, so tests can
use them on synthetic fact lists.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipelines.config import PROJECT_ROOT, Settings
from pipelines.reports.extract import EXTRACTOR_VERSION, extract_file
from pipelines.reports.model import SCHEMAS

GOLD_DIR = PROJECT_ROOT / "tests" / "gold"
SAMPLES_DIR = PROJECT_ROOT / "data" / "samples" / "reports"
TOLERANCE = 1e-6
SECTION = "## Evaluation"
META_FIELDS = ("kommun_kod", "kommun", "namnd", "dokumenttyp", "period_typ", "period_slut", "ar")

GOLD_KEYS = (
    "document", "page", "schema", "method", "label", "column", "scenario", "year", "period_end",
    "kon", "value", "unit", "measure", "area", "category", "goal", "comparator", "status",
    "raw_value", "note",
)
_SCENARIOS = {None, "utfall", "budget", "prognos", "avvikelse", "bokslut", "forandring", "malvarde", "utgangsvarde"}
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")
_TRAILING = " .,:;*\u00b9\u00b2\u00b3"
_LIST_MARK = re.compile(r"^[-•·*]\s+")  # "- Ekonomi", "• HR": list markers, not part of the label
_SPACED_DASH = re.compile(r"(?<=\w) ?- ?(?=\w)")  # "30 - 49 år" = "30-49 år"
_WORD_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")  # "SRHR-utbildning" = "SRHRutbildning" (line-break hyphens)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Attributes outside the match key that the star schemas group by; on matched facts they must
# agree with gold too (README: Attribute agreement).
ATTRIBUTES = ("area", "measure", "unit", "category", "goal", "status", "comparator")

Fact = dict[str, Any]


# --- normalisation and keys ---------------------------------------------------------------

def norm(text: Any) -> str:
    """Label normalisation: NFKC, soft hyphens out, dashes unified, whitespace collapsed,
    casefolded, a leading list marker (``- ``, ``• ``) and trailing punctuation and footnote
    marks stripped. None → ''."""
    if text is None:
        return ""
    s = str(text).replace("\u00ad", "").replace("\ufffe", "").rstrip(_TRAILING + "\u00a0\u202f\t\r\n")
    s = unicodedata.normalize("NFKC", s).translate(_DASHES)
    s = " ".join(s.split()).casefold()
    s = _LIST_MARK.sub("", s)
    s = _SPACED_DASH.sub("-", s)
    s = _WORD_HYPHEN.sub("", s)
    return s.rstrip(_TRAILING)


def _method(fact: Fact) -> str:
    return "narrative" if fact.get("method") == "narrative" else "table"


def fact_key(fact: Fact) -> tuple:
    """The matching key of a fact (README: Matching)."""
    common = (fact.get("scenario"), fact.get("year"), fact.get("period_end"), fact.get("kon"), norm(fact.get("category")))
    if _method(fact) == "narrative":
        return ("narrative", fact.get("page"), fact.get("schema"), fact.get("measure"), norm(fact.get("area")),
                norm(fact.get("goal")), *common)
    return ("table", fact.get("page"), fact.get("schema"), norm(fact.get("label")), *common)


def same_value(gold: Fact, extracted: Fact) -> bool:
    g, e = gold.get("value"), extracted.get("value")
    if g is None or e is None:
        return g is None and e is None and norm(gold.get("status")) == norm(extracted.get("status"))
    try:
        return abs(float(g) - float(e)) <= TOLERANCE
    except (TypeError, ValueError):
        return False


# --- matching -----------------------------------------------------------------------------

@dataclass
class Match:
    matched: list[tuple[Fact, Fact]] = field(default_factory=list)
    wrong: list[tuple[Fact, Fact]] = field(default_factory=list)
    missing: list[Fact] = field(default_factory=list)
    extra: list[Fact] = field(default_factory=list)


def _pair(golds: list[Fact], extras: list[Fact], accept, prefer) -> list[tuple[Fact, Fact]]:
    """Greedy pairing: for each preference level, pair acceptable facts in document order."""
    pairs: list[tuple[Fact, Fact]] = []
    for level in prefer:
        for g in list(golds):
            for e in extras:
                if accept(g, e) and level(g, e):
                    pairs.append((g, e))
                    golds.remove(g)
                    extras.remove(e)
                    break
    return pairs


def match_facts(gold: Iterable[Fact], extracted: Iterable[Fact]) -> Match:
    """Pair extracted facts with gold facts of one document (README: Matching)."""
    by_key_gold: dict[tuple, list[Fact]] = defaultdict(list)
    by_key_extr: dict[tuple, list[Fact]] = defaultdict(list)
    for g in gold:
        by_key_gold[fact_key(g)].append(g)
    extracted = list(extracted)
    for e in extracted:
        by_key_extr[fact_key(e)].append(e)

    same_column = lambda g, e: norm(g.get("column")) == norm(e.get("column"))  # noqa: E731
    same_unit = lambda g, e: g.get("unit") == e.get("unit")  # noqa: E731
    anything = lambda g, e: True  # noqa: E731

    result = Match()
    paired: set[int] = set()
    for key, golds in by_key_gold.items():
        golds = list(golds)
        extras = list(by_key_extr.get(key, []))
        matched = _pair(golds, extras, same_value, (same_column, anything))
        wrong = _pair(golds, extras, anything, (same_column, same_unit, anything))
        result.matched += matched
        result.wrong += wrong
        result.missing += golds
        paired.update(id(e) for _g, e in matched + wrong)
    result.extra = [e for e in extracted if id(e) not in paired]
    return result


def attr_norm(value: Any) -> str | None:
    """Attribute normalisation: casefold and whitespace collapse for text; None and '' are null."""
    if value is None:
        return None
    s = " ".join(str(value).split()).casefold()
    return s or None


def attribute_diffs(gold: Fact, extracted: Fact) -> list[str]:
    """The attributes (``ATTRIBUTES``) on which a matched pair disagrees."""
    return [k for k in ATTRIBUTES if attr_norm(gold.get(k)) != attr_norm(extracted.get(k))]


def attribute_errors(pairs: Iterable[tuple[Fact, Fact]]) -> list[tuple[Fact, Fact, list[str]]]:
    """Matched pairs that disagree on an attribute the star schemas group by (``ATTRIBUTES``),
    each with its differences as ``"area 'Äldreomsorg' != None"``."""
    found = []
    for g, e in pairs:
        diffs = [f"{k} {g.get(k)!r} != {e.get(k)!r}" for k in attribute_diffs(g, e)]
        if diffs:
            found.append((g, e, diffs))
    return found


def near_miss(gold: Fact, extras: Iterable[Fact]) -> tuple[Fact, list[str]] | None:
    """An extra fact with the same label (or measure) and value, preferably on the same page,
    and the key fields in which it differs from the gold fact."""
    narrative = _method(gold) == "narrative"
    ident = "measure" if narrative else "label"
    names = ("page", "schema", "measure" if narrative else "label", *(("area", "goal") if narrative else ()),
             "scenario", "year", "period_end", "kon", "category")
    candidates = [e for e in extras if same_value(gold, e) and norm(e.get(ident)) == norm(gold.get(ident))]
    candidates.sort(key=lambda e: e.get("page") != gold.get("page"))
    for e in candidates[:1]:
        diffs = [f"{n} {gold.get(n)!r} != {e.get(n)!r}" for n in names if norm(gold.get(n)) != norm(e.get(n))]
        if _method(gold) != _method(e):
            diffs.append(f"method {_method(gold)} != {_method(e)}")
        return e, diffs
    return None


# --- scoring ------------------------------------------------------------------------------

@dataclass
class Counts:
    gold: int = 0
    extracted: int = 0     # extracted facts on covered pages
    outside: int = 0       # extracted facts on pages the gold file does not cover
    matched: int = 0
    wrong: int = 0
    missing: int = 0
    extra: int = 0         # extra table facts on covered pages
    extra_narr: int = 0    # extra narrative facts on covered pages (not counted in precision)
    matched_covered: int = 0
    # matched facts whose attribute differs from gold, per attribute (ATTRIBUTES)
    attr: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ATTRIBUTES, 0))
    attr_any: int = 0      # matched facts with at least one attribute difference

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            if name == "attr":
                for k, v in other.attr.items():
                    self.attr[k] = self.attr.get(k, 0) + v
            else:
                setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def recall(self) -> float | None:
        return self.matched / self.gold if self.gold else None

    @property
    def precision(self) -> float | None:
        scored = self.extracted - self.extra_narr
        return self.matched_covered / scored if scored else None

    @property
    def value_accuracy(self) -> float | None:
        paired = self.matched + self.wrong
        return self.matched / paired if paired else None

    @property
    def attr_agreement(self) -> float | None:
        """Share of matched facts that agree with gold on every attribute."""
        return (self.matched - self.attr_any) / self.matched if self.matched else None

    def to_dict(self) -> dict[str, Any]:
        d = {name: getattr(self, name) for name in self.__dataclass_fields__ if name != "matched_covered"}
        d["attr"] = dict(self.attr)
        d.update(recall=self.recall, precision=self.precision, value_accuracy=self.value_accuracy,
                 attr_agreement=self.attr_agreement)
        return d


def is_covered(page: int | None, covered: Any) -> bool:
    if covered == "all":
        return True
    return page is not None and page in set(covered or [])


def count(gold: Sequence[Fact], extracted: Sequence[Fact], match: Match, covered: Any) -> dict[str, Counts]:
    """Counts per schema (and '(all)') for one document."""
    per: dict[str, Counts] = defaultdict(Counts)
    for g in gold:
        per[g.get("schema")].gold += 1
    for e in extracted:
        if is_covered(e.get("page"), covered):
            per[e.get("schema")].extracted += 1
        else:
            per[e.get("schema")].outside += 1
    for g, e in match.matched:
        c = per[g.get("schema")]
        c.matched += 1
        if is_covered(e.get("page"), covered):
            c.matched_covered += 1
        diffs = attribute_diffs(g, e)
        for k in diffs:
            c.attr[k] += 1
        c.attr_any += bool(diffs)
    for g, _e in match.wrong:
        per[g.get("schema")].wrong += 1
    for g in match.missing:
        per[g.get("schema")].missing += 1
    for e in match.extra:
        if is_covered(e.get("page"), covered):
            if _method(e) == "narrative":
                per[e.get("schema")].extra_narr += 1
            else:
                per[e.get("schema")].extra += 1
    total = Counts()
    for c in list(per.values()):
        total.add(c)
    ordered = {s: per[s] for s in SCHEMAS if s in per}
    ordered.update({s: c for s, c in per.items() if s not in ordered})
    ordered["(all)"] = total
    return ordered


def compare_meta(expected: dict[str, Any], info: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each scored metadata field: ok | fel | saknas, with expected and found."""
    out: dict[str, dict[str, Any]] = {}
    for name in META_FIELDS:
        if name not in expected:
            continue
        want, got = expected[name], info.get(name)
        if name == "ar":
            equal = (want is None and got is None) or (want is not None and got is not None and int(want) == int(got))
        else:
            equal = norm(want) == norm(got)
        status = "ok" if equal else ("saknas" if got is None else "fel")
        out[name] = {"status": status, "expected": want, "found": got}
    return out


# --- gold files ---------------------------------------------------------------------------

@dataclass
class GoldDocument:
    name: str
    meta: dict[str, Any]
    facts: list[Fact]
    problems: list[str] = field(default_factory=list)

    @property
    def covered(self) -> Any:
        return self.meta.get("covered_pages", [])


def validate_fact(fact: Fact) -> list[str]:
    """Problems of one gold line (README: A gold fact)."""
    problems = [f"key '{k}' missing" for k in GOLD_KEYS if k not in fact]
    if fact.get("schema") not in SCHEMAS:
        problems.append(f"schema {fact.get('schema')!r}")
    if fact.get("method") not in ("table", "narrative"):
        problems.append(f"method {fact.get('method')!r}")
    if fact.get("scenario") not in _SCENARIOS:
        problems.append(f"scenario {fact.get('scenario')!r}")
    if fact.get("kon") not in (None, "T", "K", "M"):
        problems.append(f"kon {fact.get('kon')!r}")
    if fact.get("period_end") is not None and not _ISO_DATE.match(str(fact["period_end"])):
        problems.append(f"period_end {fact.get('period_end')!r}")
    if fact.get("year") is not None and not isinstance(fact.get("year"), int):
        problems.append(f"year {fact.get('year')!r}")
    value = fact.get("value")
    if value is None:
        if not fact.get("status"):
            problems.append("value null without status")
    elif isinstance(value, bool) or not isinstance(value, (int, float)):
        problems.append(f"value {value!r} is not a number")
    if not fact.get("label"):
        problems.append("empty label")
    if fact.get("method") == "narrative" and not fact.get("measure"):
        problems.append("narrative fact without measure (its match key)")
    if not fact.get("unit"):
        problems.append("empty unit")
    return problems


def load_gold(gold_dir: Path, only: str | None = None) -> list[GoldDocument]:
    """Every ``<name>.jsonl`` with its ``<name>.meta.json`` in gold_dir, sorted by name."""
    docs: list[GoldDocument] = []
    for path in sorted(gold_dir.glob("*.jsonl")):
        name = path.name[: -len(".jsonl")]
        if only and Path(only).name != name:
            continue
        problems: list[str] = []
        meta_path = gold_dir / f"{name}.meta.json"
        meta: dict[str, Any] = {}
        if meta_path.exists():
            try:
                meta = json.loads(meta_path.read_text(encoding="utf-8"))
            except json.JSONDecodeError as exc:
                problems.append(f"{meta_path.name}: not JSON ({exc})")
        else:
            problems.append(f"{meta_path.name} is missing")
        facts: list[Fact] = []
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                problems.append(f"{path.name}:{n}: blank line")
                continue
            try:
                fact = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.append(f"{path.name}:{n}: not JSON ({exc})")
                continue
            if fact.get("document") != name:
                problems.append(f"{path.name}:{n}: document {fact.get('document')!r} != {name!r}")
            problems += [f"{path.name}:{n}: {p}" for p in validate_fact(fact)]
            facts.append(fact)
        docs.append(GoldDocument(name, meta, facts, problems))
    return docs


def default_search_dirs() -> list[Path]:
    return [Settings.from_env().shared_dir / "corpus", SAMPLES_DIR]


def resolve_document(doc: GoldDocument, search_dirs: Sequence[Path]) -> Path | None:
    """The document file: ``meta.source`` under a search dir, else the name anywhere below one."""
    source = doc.meta.get("source") or doc.name
    for root in search_dirs:
        candidate = root / source
        if candidate.is_file():
            return candidate
    for root in search_dirs:
        if root.is_dir():
            for candidate in sorted(root.rglob(doc.name)):
                if candidate.is_file():
                    return candidate
    return None


# --- running ------------------------------------------------------------------------------

@dataclass
class DocumentReport:
    name: str
    status: str                       # evaluerad | saknas | ogiltig | fel
    reason: str | None = None
    counts: dict[str, Counts] = field(default_factory=dict)
    meta: dict[str, dict[str, Any]] = field(default_factory=dict)
    match: Match | None = None
    attribute_errors: list = field(default_factory=list)
    covered: Any = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.name,
            "status": self.status,
            "reason": self.reason,
            "covered_pages": self.covered,
            "counts": {k: c.to_dict() for k, c in self.counts.items()},
            "metadata": self.meta,
            "wrong": [_pair_dict(g, e) for g, e in (self.match.wrong if self.match else [])],
            "missing": [_short(g) for g in (self.match.missing if self.match else [])],
            "extra": [_short(e) for e in (self.match.extra if self.match else [])],
            "attribute_errors": [dict(_pair_dict(g, e), diffs=d) for g, e, d in self.attribute_errors],
        }


def _short(f: Fact) -> dict[str, Any]:
    keys = ("page", "schema", "method", "label", "column", "scenario", "year", "period_end", "kon", "category",
            "measure", "area", "goal", "comparator", "value", "unit", "status")
    return {k: f.get(k) for k in keys}


def _pair_dict(g: Fact, e: Fact) -> dict[str, Any]:
    return {"gold": _short(g), "extracted": _short(e)}


def evaluate_facts(doc: GoldDocument, extracted: list[Fact], info: dict[str, Any]) -> DocumentReport:
    match = match_facts(doc.facts, extracted)
    return DocumentReport(
        name=doc.name,
        status="evaluerad",
        counts=count(doc.facts, extracted, match, doc.covered),
        meta=compare_meta(doc.meta.get("expected", {}), info),
        match=match,
        attribute_errors=attribute_errors(match.matched),
        covered=doc.covered,
    )


def evaluate_document(doc: GoldDocument, search_dirs: Sequence[Path]) -> DocumentReport:
    if doc.problems:
        return DocumentReport(doc.name, "ogiltig", f"{len(doc.problems)} problem in the gold file: {doc.problems[0]}")
    path = resolve_document(doc, search_dirs)
    if path is None:
        where = ", ".join(str(d) for d in search_dirs)
        return DocumentReport(doc.name, "saknas", f"document not found under {where}")
    try:
        result = extract_file(path)
    except Exception as exc:  # the harness reports, it does not stop: one line per document
        return DocumentReport(doc.name, "fel", f"extract_file raised {type(exc).__name__}: {exc}")
    info = result.info.to_dict()
    if not result.ok:
        return DocumentReport(doc.name, "fel", f"extraction rejected the document: {info.get('orsak')}")
    facts = [f.to_dict() if hasattr(f, "to_dict") else dict(f) for f in result.facts]
    return evaluate_facts(doc, facts, info)


def evaluate(gold_dir: Path, *, only: str | None = None, search_dirs: Sequence[Path] | None = None) -> list[DocumentReport]:
    dirs = list(search_dirs) if search_dirs is not None else default_search_dirs()
    return [evaluate_document(doc, dirs) for doc in load_gold(gold_dir, only)]


def totals(reports: Iterable[DocumentReport]) -> dict[str, Counts]:
    per: dict[str, Counts] = defaultdict(Counts)
    for r in reports:
        for schema, c in r.counts.items():
            per[schema].add(c)
    ordered = {s: per[s] for s in (*SCHEMAS, "(all)") if s in per}
    ordered.update({s: c for s, c in per.items() if s not in ordered})
    return ordered


# --- output -------------------------------------------------------------------------------

def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.1f}%"


_COLUMNS = ("gold", "extracted", "matched", "wrong", "missing", "extra", "extra_narr", "outside")


def _rows(name: str, counts: dict[str, Counts]) -> list[list[str]]:
    rows = []
    for schema, c in counts.items():
        rows.append([name, schema, *(str(getattr(c, k)) for k in _COLUMNS),
                     _pct(c.recall), _pct(c.precision), _pct(c.value_accuracy)])
        name = ""
    return rows


_HEADER = ["document", "schema", *_COLUMNS, "recall", "precision", "value acc."]
_ATTR_HEADER = ["document", "schema", "matched", *ATTRIBUTES, "attr. agree"]


def _attr_numbers(c: Counts) -> list[str]:
    return [str(c.matched), *(str(c.attr.get(k, 0)) for k in ATTRIBUTES), _pct(c.attr_agreement)]


def _attr_rows(name: str, counts: dict[str, Counts]) -> list[list[str]]:
    rows = []
    for schema, c in counts.items():
        rows.append([name, schema, *_attr_numbers(c)])
        name = ""
    return rows


def _text_table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    fmt = "  ".join("{:<%d}" % w if i < 2 else "{:>%d}" % w for i, w in enumerate(widths))
    return [fmt.format(*header), *(fmt.format(*row) for row in rows)]


def _meta_line(meta: dict[str, dict[str, Any]]) -> str:
    if not meta:
        return "metadata: (none scored)"
    ok = sum(1 for m in meta.values() if m["status"] == "ok")
    parts = [
        name if m["status"] == "ok" else f"{name} {m['status']} (expected {m['expected']!r}, found {m['found']!r})"
        for name, m in meta.items()
    ]
    return f"metadata {ok}/{len(meta)}: " + ", ".join(parts)


def render_text(reports: list[DocumentReport], verbose: bool = False) -> str:
    lines: list[str] = []
    rows: list[list[str]] = []
    for r in reports:
        if r.status == "evaluerad":
            rows += _rows(r.name, r.counts)
    if rows:
        rows += _rows("TOTAL", totals(reports))
        lines += _text_table(_HEADER, rows)
        lines.append("")
        attr_rows = [row for r in reports if r.status == "evaluerad" for row in _attr_rows(r.name, r.counts)]
        attr_rows += _attr_rows("TOTAL", totals(reports))
        lines.append("Attribute differences on matched facts (facts whose attribute differs from gold):")
        lines += _text_table(_ATTR_HEADER, attr_rows)
        lines.append("")
    for r in reports:
        if r.status != "evaluerad":
            lines.append(f"{r.name}: {r.status}: {r.reason}")
            continue
        lines.append(f"{r.name}: {_meta_line(r.meta)}")
        if verbose and r.match is not None:
            lines += _verbose(r)
    return "\n".join(lines).rstrip() + "\n"


def _describe(f: Fact) -> str:
    label = f.get("label") if _method(f) == "table" else f"[{f.get('measure')}] {f.get('label')}"
    shown = f.get("value") if f.get("value") is not None else f.get("status")
    return (f"p{f.get('page')} {f.get('schema')} {label!r} | {f.get('column')!r} "
            f"{f.get('scenario')}/{f.get('year')}/{f.get('period_end')}/{f.get('kon')}"
            f"{'/' + str(f.get('category')) if f.get('category') else ''} = {shown} {f.get('unit')}")


def _verbose(r: DocumentReport) -> list[str]:
    assert r.match is not None
    out: list[str] = []
    for g, e in r.match.wrong:
        shown = e.get("value") if e.get("value") is not None else e.get("status")
        out.append(f"  WRONG    {_describe(g)}  (extracted {shown}, evidence {e.get('evidence')!r})")
    extras = [e for e in r.match.extra]
    for g in r.match.missing:
        line = f"  MISSING  {_describe(g)}"
        near = near_miss(g, extras)
        if near:
            line += f"  (near miss: {'; '.join(near[1]) or 'same key?'})"
        out.append(line)
    for e in r.match.extra:
        if is_covered(e.get("page"), r.covered):
            out.append(f"  EXTRA    {_describe(e)}")
    for g, e, diffs in r.attribute_errors:
        out.append(f"  ATTR     {_describe(g)}: {'; '.join(diffs)}  (evidence {e.get('evidence')!r})")
    return out


def _md_table(header: list[str], rows: list[list[str]], left: int = 1) -> list[str]:
    rows = [[cell.replace("|", "\\|") for cell in row] for row in rows]
    return [
        "| " + " | ".join(header) + " |",
        "|" + "|".join(["---"] * left + ["---:"] * (len(header) - left)) + "|",
        *("| " + " | ".join(row) + " |" for row in rows),
    ]


def render_markdown(reports: list[DocumentReport], max_wrong: int = 25) -> str:
    """The ``## Evaluation`` section: per document, per schema, the wrong values, the detail.
    Sub-headings are ``###`` so that ``write_section`` keeps the section in one piece."""
    done = [r for r in reports if r.status == "evaluerad"]
    cols = ["gold", "extracted", "matched", "wrong", "missing", "extra", "extra_narr", "outside"]

    def numbers(c: Counts) -> list[str]:
        return [*(str(getattr(c, k)) for k in cols), _pct(c.recall), _pct(c.precision), _pct(c.value_accuracy)]

    head = [*cols, "recall", "precision", "value acc."]
    lines = [
        SECTION,
        "",
        f"Written by `make eval` (`python -m tools.evaluate`) with extractor version "
        f"{EXTRACTOR_VERSION}, against the hand-made gold files in `tests/gold/` (format, matching and "
        "metrics: `tests/gold/README.md`). recall = matched / gold; precision = matched / (extracted "
        "− extra_narr) on the pages a gold file covers; value acc. = matched / (matched + wrong). A "
        "*wrong* fact has the right key (page, schema, label, scenario, year, period end, kön, "
        "category) and a different value: the error that matters most.",
        "",
        "### Per document",
        "",
    ]
    meta_ok = lambda r: f"{sum(m['status'] == 'ok' for m in r.meta.values())}/{len(r.meta)}"  # noqa: E731
    lines += _md_table(["document", *head, "metadata"],
                       [[f"`{r.name}`", *numbers(r.counts["(all)"]), meta_ok(r)] for r in done]
                       + ([["**total**", *numbers(totals(done)["(all)"]), ""]] if done else []))
    skipped = [r for r in reports if r.status != "evaluerad"]
    if skipped:
        lines += ["", *(f"- `{r.name}`: {r.status}: {r.reason}" for r in skipped)]
    lines += ["", "### Per schema (all documents)", ""]
    lines += _md_table(["schema", *head], [[k, *numbers(c)] for k, c in totals(done).items()])
    wrong = [(r.name, g, e) for r in done for g, e in (r.match.wrong if r.match else [])]
    lines += ["", f"### Wrong values ({len(wrong)})", ""]
    if wrong:
        rows = [[f"`{n}`", str(g.get("page")), g.get("label") or "", g.get("column") or "",
                 str(g.get("value") if g.get("value") is not None else g.get("status")),
                 str(e.get("value") if e.get("value") is not None else e.get("status"))]
                for n, g, e in wrong[:max_wrong]]
        lines += _md_table(["document", "page", "label", "column", "gold", "extracted"], rows, left=4)
        if len(wrong) > max_wrong:
            lines += ["", f"… and {len(wrong) - max_wrong} more (`python -m tools.evaluate --verbose`)."]
    else:
        lines.append("None.")
    lines += _md_attributes(done, max_examples=max_wrong)
    lines += ["", "### Metadata", ""]
    lines += [f"- `{r.name}`: {_meta_line(r.meta)}" for r in done]
    lines += ["", "### Detail per document and schema", ""]
    lines += _md_table(["document", "schema", *head],
                       [[f"`{r.name}`" if i == 0 else "", k, *numbers(c)]
                        for r in done for i, (k, c) in enumerate(r.counts.items())], left=2)
    return "\n".join(lines) + "\n"


def _md_attributes(done: list[DocumentReport], max_examples: int) -> list[str]:
    """Attribute agreement on matched facts: per schema, per document, a few examples."""
    head = ["matched", *ATTRIBUTES, "attr. agree"]
    lines = [
        "", "### Attributes of matched facts", "",
        "Matched facts (right key, right value) whose `area`, `measure`, `unit`, `category`, `goal`, "
        "`status` or `comparator` differs from gold (text compared casefolded with whitespace collapsed; "
        "null = null). These attributes decide what the star schemas group by (verksamhetsområde, post, "
        "indicator), so a difference is an error downstream even when the number is right. "
        "attr. agree = matched facts without any difference / matched.",
        "",
    ]
    lines += _md_table(["schema", *head], [[k, *_attr_numbers(c)] for k, c in totals(done).items()])
    lines += [""]
    rows = []
    for r in done:
        shown = [(k, c) for k, c in r.counts.items() if k == "(all)" or c.attr_any]
        rows += [[f"`{r.name}`" if i == 0 else "", k, *_attr_numbers(c)] for i, (k, c) in enumerate(shown)]
    lines += _md_table(["document", "schema", *head], rows, left=2)
    clusters = attribute_clusters(done)
    if clusters:
        lines += ["", f"Differences by kind ({min(len(clusters), max_examples)} of {len(clusters)}, largest first; "
                  "every pair: `python -m tools.evaluate --verbose`, lines `ATTR`):", ""]
        rows = [[f"`{n}`", attr, repr(g), repr(e), labels[0], str(len(labels))]
                for (n, attr, g, e), labels in clusters[:max_examples]]
        lines += _md_table(["document", "attribute", "gold", "extracted", "e.g. label", "facts"], rows, left=5)
    return lines


def attribute_clusters(reports: Iterable[DocumentReport]) -> list[tuple[tuple[str, str, Any, Any], list[str]]]:
    """Attribute differences grouped by document, attribute, gold and extracted value, with
    the labels of the facts in each group; largest group first."""
    groups: dict[tuple[str, str, Any, Any], list[str]] = defaultdict(list)
    for r in reports:
        for g, e, _d in r.attribute_errors:
            for k in attribute_diffs(g, e):
                groups[(r.name, k, g.get(k), e.get(k))].append(str(g.get("label") or ""))
    return sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0][0], kv[0][1]))


def write_section(path: Path, section: str) -> None:
    """Replace the ``## Evaluation`` section of a Markdown file (up to the next ``## ``
    heading), or append it; the rest of the file stays as it is."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Extraction\n"
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.rstrip() == SECTION), None)
    if start is None:
        new = text.rstrip("\n") + "\n\n" + section
    else:
        end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
        tail = "".join(lines[end:])
        new = "".join(lines[:start]) + section + ("\n" + tail if tail else "")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(new, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.evaluate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold-dir", type=Path, default=GOLD_DIR, help="folder of gold files (default tests/gold)")
    parser.add_argument("--document", help="evaluate only this document (file name)")
    parser.add_argument("--verbose", action="store_true",
                        help="list wrong values, misses, extras, near misses and attribute differences (ATTR)")
    parser.add_argument("--json", action="store_true", help="machine-readable output on stdout")
    parser.add_argument("--write-doc", type=Path, metavar="MD", help="write the '## Evaluation' section of this file")
    args = parser.parse_args(argv)

    if not args.gold_dir.is_dir():
        print(f"evaluate: {args.gold_dir}: no such folder of gold files", file=sys.stderr)
        return 1
    reports = evaluate(args.gold_dir, only=args.document)
    if not reports:
        print(f"evaluate: no gold files{' for ' + args.document if args.document else ''} in {args.gold_dir}", file=sys.stderr)
        return 1
    if args.json:
        payload = {"documents": [r.to_dict() for r in reports],
                   "totals": {k: c.to_dict() for k, c in totals(reports).items()}}
        print(json.dumps(payload, ensure_ascii=False, indent=1))
    else:
        sys.stdout.write(render_text(reports, verbose=args.verbose))
    if args.write_doc:
        write_section(args.write_doc, render_markdown(reports))
        if not args.json:
            print(f"wrote {SECTION!r} in {args.write_doc}")
    return 1 if any(r.status == "ogiltig" for r in reports) else 0


if __name__ == "__main__":
    sys.exit(main())
