"""Helpers for typing gold files by hand (see tests/gold/README.md).

A gold source script (``tests/gold/src/<doc>.py``) retypes each table as printed: the row
label and the cell texts exactly as they appear on the page (``"1 513,3"``, ``"-2,1"``,
``"87,5%"``, ``None`` for an empty cell). This module turns the cell texts into values
(Decimal arithmetic, so ``1 513,3`` mnkr is exactly ``1513300`` tkr), runs the table's own
arithmetic checks (sums, differences) and writes the ``.jsonl``. The ``.jsonl`` is the
gold file; the script is how it was made, kept so a reviewer can compare it with the page.

Independent of the extractor on purpose: nothing from ``pipelines.reports`` is used.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

GOLD_DIR = Path(__file__).resolve().parent.parent
# Where the scripts write; a test points it elsewhere to check that each script still makes its
# committed files byte for byte (the scripts always read sources from GOLD_DIR).
OUT_DIR = Path(os.environ.get("KOMMUNLAGER_GOLD_OUT") or GOLD_DIR)
KEYS = (
    "document", "page", "schema", "method", "label", "column", "scenario", "year", "period_end",
    "kon", "value", "unit", "measure", "area", "category", "goal", "comparator", "status",
    "raw_value", "note",
)
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_NUM = re.compile(r"^(?P<cmp>[<>≤≥]=?)?\s*(?P<sign>[-−–+])?\s*(?P<int>\d{1,3}(?: \d{3})+|\d+)(?:,(?P<dec>\d+))?\s*%?$")
_APPROX = re.compile(r"^(?:ung|ca|cirka)\.?\s+", re.IGNORECASE)
_CMP = {"<": "<", ">": ">", "≤": "<=", "≥": ">=", "<=": "<=", ">=": ">="}
SCALE = {"tkr": Decimal(1), "mnkr": Decimal(1000), "kr": Decimal("0.001"), None: Decimal(1)}


def parse(raw: str) -> tuple[Decimal, str | None]:
    """(value, comparator) of a printed cell such as ``-1 550,7``, ``- 6 279``, ``7,6%``, ``<6%``."""
    text = _SPACES.sub(" ", raw.strip())
    text = _APPROX.sub("", text).rstrip("*").strip()   # "ung 116 000" (ungefär), "-400*" (footnote)
    m = _NUM.match(text)
    if not m:
        raise ValueError(f"not a number as printed: {raw!r}")
    digits = m.group("int").replace(" ", "")
    value = Decimal(f"{digits}.{m.group('dec')}" if m.group("dec") else digits)
    if m.group("sign") and m.group("sign") != "+":
        value = -value
    return value, _CMP.get(m.group("cmp") or "")


def as_json_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def d(raw: str) -> Decimal:
    return parse(raw)[0]


def clean(text: str) -> str:
    """Whitespace collapsed, soft hyphens out (README: Labels)."""
    return " ".join(text.replace("\u00ad", "").replace("\ufffe", "").split())


@dataclass
class Col:
    """One value column: header as printed and what it means."""

    column: str | None
    scenario: str | None
    year: int | None
    period_end: str | None
    unit: str = "tkr"
    scale: str | None = None          # 'mnkr' → ×1000, 'kr' → ÷1000 (money in kronor), None as printed
    measure: str | None = None        # when the column (not the row) names the measure
    extra: dict[str, Any] = field(default_factory=dict)


class Gold:
    def __init__(self, document: str):
        self.document = document
        self.facts: list[dict[str, Any]] = []
        self.problems: list[str] = []

    # --- adding facts ---------------------------------------------------------------------
    def fact(self, *, page, schema, label, column, scenario, year, period_end, value_raw, unit,
             method="table", kon=None, measure=None, area=None, category=None, goal=None,
             status=None, note=None, scale=None, comparator=None, raw=None) -> dict[str, Any]:
        """One fact; ``value_raw`` is parsed, ``raw`` (if given) is stored as raw_value instead,
        for a narrative number whose sign comes from a word (printed '0,37', value -370)."""
        value: int | float | None = None
        cmp = comparator
        if value_raw is not None:
            parsed, printed_cmp = parse(value_raw)
            value = as_json_number(parsed * SCALE[scale])
            cmp = cmp or printed_cmp
        fact = dict.fromkeys(KEYS)
        fact.update(
            document=self.document, page=page, schema=schema, method=method, label=clean(label),
            column=clean(column) if column else None, scenario=scenario, year=year, period_end=period_end,
            kon=kon, value=value, unit=unit, measure=measure, area=area, category=category, goal=goal,
            comparator=cmp, status=status, raw_value=raw if raw is not None else value_raw, note=note,
        )
        self.facts.append(fact)
        return fact

    def table(self, *, page: int, schema: str, cols: list[Col], rows: list[tuple], kon=None,
              label_is_area=False, label_is_category=False, goal=None) -> dict[str, dict[str, Decimal]]:
        """Add a table. A row is ``(label, [cells...], opts)`` with opts a dict (measure, area,
        category, kon, note, notes={col_index: note}); a cell is the printed text or None.
        Returns {label: {column: Decimal}} for the arithmetic checks."""
        grid: dict[str, dict[str, Decimal]] = {}
        for row in rows:
            label, cells, opts = (row + ({},))[:3] if len(row) == 2 else row
            if len(cells) != len(cols):
                raise ValueError(f"p{page} {label!r}: {len(cells)} cells for {len(cols)} columns")
            grid[clean(label)] = {}
            for i, (col, cell) in enumerate(zip(cols, cells)):
                if cell is None:
                    continue
                note = (opts.get("notes") or {}).get(i) or None
                area = opts.get("area", clean(label).lstrip("- ").strip() if label_is_area else None)
                category = opts.get("category", clean(label) if label_is_category else None)
                self.fact(
                    page=page, schema=schema, label=label, column=col.column, scenario=col.scenario,
                    year=col.year, period_end=col.period_end, value_raw=cell, unit=opts.get("unit", col.unit),
                    kon=opts.get("kon", kon), measure=opts.get("measure", col.measure), area=area,
                    category=category, goal=opts.get("goal", goal), note=note, scale=col.scale,
                    comparator=opts.get("comparator"),
                )
                grid[clean(label)][col.column or str(i)] = d(cell)
        return grid

    # --- checks ---------------------------------------------------------------------------
    def check(self, what: str, expected: Decimal, found: Decimal, tol: str = "0", known: bool = False) -> bool:
        """Record a failed identity; ``known=True`` means the document itself does not add up
        (and a note says so), so it is reported but not a problem."""
        ok = abs(expected - found) <= Decimal(tol)
        if not ok:
            line = f"{what}: expected {expected}, printed {found}"
            print(("KNOWN  " if known else "FAIL   ") + line)
            if not known:
                self.problems.append(line)
        return ok

    def check_sum(self, what: str, parts: list[Decimal], total: Decimal, tol: str = "0", known=False) -> bool:
        return self.check(what, sum(parts, Decimal(0)), total, tol, known)

    # --- output ---------------------------------------------------------------------------
    def write(self) -> Path:
        if self.problems:
            raise SystemExit(f"{len(self.problems)} unexplained check failures; gold not written")
        path = OUT_DIR / f"{self.document}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for fact in self.facts:
                fh.write(json.dumps({k: fact[k] for k in KEYS}, ensure_ascii=False) + "\n")
        counts: dict[str, int] = {}
        for fact in self.facts:
            counts[fact["schema"]] = counts.get(fact["schema"], 0) + 1
        print(f"wrote {path.name}: {len(self.facts)} facts {counts}")
        return path


def write_meta(document: str, meta: dict[str, Any]) -> Path:
    """The document's ``.meta.json`` (its metadata gold), in the one format every script writes."""
    path = OUT_DIR / f"{document}.meta.json"
    path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
