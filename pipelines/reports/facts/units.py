"""The unit of a value, from the closest place that prints one: the cell itself, the row
label, the column header, the table's caption/stub, and last the measure's own unit; a money
table that prints none takes the document's usual unit."""

from __future__ import annotations

import re

from pipelines.reports.facts.columns import ColumnMeaning
from pipelines.reports.model import DocContext, Unit
from pipelines.reports.parse.units import money_unit, other_unit
from pipelines.reports.tables.model import Table
from pipelines.reports.vocabulary import has_word, vocabulary
from pipelines.reports.vocabulary.lexicon import is_total

_COST_LABEL = re.compile(r"^(?:netto|brutto)?kostnad(?:er)?\s+(?:per|/)\s*\w", re.I)


def document_money(tables: list[Table]) -> Unit | None:
    """The money unit the document's tables print first (for a money table that prints none)."""
    for t in tables:
        for text in (t.stub, *t.caption):
            u = money_unit(text)
            if u:
                return u
    return None


def table_unit(table: Table) -> Unit | None:
    for text in (table.stub, *reversed(table.caption), *table.after, table.heading or ""):
        u = money_unit(text)
        if u:
            return u
    return total_row_unit(table)


def total_row_unit(table: Table) -> Unit | None:
    """The money unit a table prints only in its sum row's label (``Summa (mnkr)``): the parts
    of a sum are in the sum's unit."""
    units = {money_unit(r.label) for r in table.rows if r.label and is_total(r.label)} - {None}
    return units.pop() if len(units) == 1 else None


def table_other_unit(table: Table) -> Unit | None:
    for text in (table.stub, *reversed(table.caption), *table.after):
        if "%" in text or has_word(text, "procent"):
            return Unit("procent", 1.0, "%")
    return None



def column_cell_unit(table: Table, c_i: int) -> Unit | None:
    """The money unit every other cell of a column prints (``0,2 mnkr`` … ``11,35``)."""
    units = [r.cells[c_i].num.unit for r in table.rows
             if c_i < len(r.cells) and r.cells[c_i] is not None and r.cells[c_i].num is not None]
    printed = {u.lower() for u in units if u}
    if len(printed) != 1 or sum(1 for u in units if u) < max(2, len(units) // 2 + 1):
        return None
    return money_unit(printed.pop())


def unit_for(num, label: str, meaning: ColumnMeaning, t_unit: Unit | None, default_unit: str | None,
              schema: str, doc: DocContext) -> Unit | None:
    if num.percent:
        return Unit("procent", 1.0, "%")
    if num.unit:
        u = money_unit(num.unit)
        if u:
            return u
        o = other_unit(num.unit)
        if o:
            return o
    lu = money_unit(label)
    if lu:
        return lu
    lo = _label_other_unit(label)
    if lo:
        return lo
    ou = other_unit(label)
    if ou is not None and ou.unit in ("index", "dagar", "timmar"):
        return ou
    if meaning.unit:
        return meaning.unit
    if t_unit:
        if t_unit.unit == "tkr" and default_unit and default_unit not in ("tkr",) and schema != "ekonomi":
            return Unit(default_unit, 1.0, None)
        return t_unit
    if default_unit == "antal" and _COST_LABEL.match(label) and doc.money and doc.money.factor == 1.0:
        return Unit("tkr", 1.0, None)   # "Kostnad per plats …" among counts: money, in the document's tkr
    if default_unit and default_unit != "tkr":
        return Unit(default_unit, 1.0, None)
    if default_unit == "tkr" or schema == "ekonomi":
        if doc.money:
            return Unit(doc.money.unit, doc.money.factor, None)
        return Unit("tkr", 1.0, None)
    if schema == "maluppfyllelse":
        return Unit("antal", 1.0, None) if re.match(r"(?i)antal\b", label) or _counted_target(label) \
            else Unit("other", 1.0, None)
    if schema == "personal" and float(num.value).is_integer():
        return Unit("antal", 1.0, None)     # a headcount (Kvinnor | Män | Totalt)
    return Unit("antal", 1.0, None) if schema == "verksamhet" else Unit("other", 1.0, None)


def _counted_target(label: str) -> bool:
    """An indicator whose text states its target as a count ("… ska vara 50 personer")."""
    words = "|".join(re.escape(w) for w in vocabulary()["units"]["antal"] if len(w) > 3)
    return bool(re.search(rf"\b\d[\d ]*\s(?:{words})\b", label, re.I))



def _label_other_unit(label: str) -> Unit | None:
    t = label
    if "(%)" in t or re.search(r"\bi\s?%|\bprocent\b|%\)|\s%$", t, re.I):
        return Unit("procent", 1.0, "%")
    if re.search(r"\(åa\)|\båa\b|\(årsarbetare\)|årsarbetare", t, re.I):
        return Unit("arsarbetare", 1.0, "åa")
    if re.search(r"\bdagar\b", t, re.I) and not re.search(r"\d+\s*dagar", t):
        return Unit("dagar", 1.0, "dagar")
    if re.search(r"\btimmar\b", t, re.I):
        return Unit("timmar", 1.0, "timmar")
    return None
