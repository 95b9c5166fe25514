"""No fact without meaning (issue 10 item 3): facts whose meaning is incomplete get
``check = oklar``.

A number reaches the marts' current facts only with schema, measure, scenario and period,
and within one document one key has one value. ``oklar`` is set on

- a fact with a value but no period (no year and no period end): it cannot be placed in time;
- a fact with a value but no schema, measure or scenario: it is not known what it counts;
- every fact of a key that carries two or more values in one document: a dimension (area,
  section, column) was lost, and no value can be told to be the right one (values within
  0,5 % of each other are one figure printed at two precisions).

The key is the fact's natural key in the marts within its document: schema, measure/post,
label, area, category, goal, unit, scenario, period, kön (and, without a period, the column
header, as ``naturlig_nyckel`` has it). The facts are kept (raw layer,
``int_rapport_fakta__berikade``) with the reason in ``check_detail``; the marts leave them
out of the current facts and the run summary counts them. Nothing is dropped.
"""

from __future__ import annotations

from collections import defaultdict

from pipelines.reports.model import Fact

OKLAR = "oklar"


def _t(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def natural_key(f: Fact) -> tuple:
    # without a period the column header tells the document's columns apart (as in the marts)
    column = _t(f.column) if f.year is None and not f.period_end else ""
    return (f.schema, f.measure or "", _t(f.label), _t(f.area), _t(f.category), _t(f.goal), f.unit or "",
            f.scenario or "", f.year, f.period_end, f.kon or "", column)


def _fmt(v: float | None) -> str:
    if v is None:
        return "inget värde"
    return f"{v:g}".replace(".", ",").replace("-", "−")


def _missing(f: Fact) -> str | None:
    if f.value is None:
        return None
    lacking = [name for name, present in (
        ("schema", f.schema), ("mått", f.measure), ("scenario", f.scenario),
        ("period", f.year is not None or f.period_end)) if not present]
    if not lacking:
        return None
    return "oklar: saknar " + ", ".join(lacking)


def _flag(f: Fact, reason: str) -> None:
    """oklar, keeping what the table's identity said ("… = summan av 3 rader ovan: stämmer")."""
    before = f.check_detail if f.check in ("ok", "fel") and f.check_detail else None
    f.check, f.check_detail = OKLAR, f"{reason} (tabellkontroll: {before})" if before else reason


def _one_figure(values: list[float]) -> bool:
    """The same figure printed at two precisions (62 049 tkr and 62,0 mnkr): within 0,5 %."""
    lo, hi = min(values), max(values)
    return hi - lo <= 0.005 * max(abs(lo), abs(hi))


def mark_unclear(facts: list[Fact]) -> int:
    """Set ``check = oklar`` (in place) on the facts of one document that lack meaning; the
    number of facts marked."""
    marked = 0
    for f in facts:
        reason = _missing(f)
        if reason:
            _flag(f, reason)
            marked += 1
    by_key: dict[tuple, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.value is not None:
            by_key[natural_key(f)].append(f)
    for group in by_key.values():
        values = sorted({f.value for f in group})
        if len(values) < 2 or _one_figure(values):
            continue
        pages = sorted({f.page for f in group if f.page is not None})
        where = f" (sida {', '.join(map(str, pages))})" if pages else ""
        detail = (f"oklar: {len(values)} värden under samma nyckel{where}: "
                  f"{', '.join(_fmt(v) for v in values[:4])}; en dimension (område, avsnitt, kolumn) saknas")
        for f in group:
            if f.check != OKLAR:
                marked += 1
                _flag(f, detail)
    return marked
