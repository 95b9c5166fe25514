"""One table cell → one fact: the rules that give a value its period, measure, area, unit
and personal split. Each rule group is its own function over one ``CellInput``; where the
rules are a priority order (the area), they are a table of rules tried in order.

The inputs are what the table already decided (``ColumnMeaning`` per column, ``TableRoles``
for its rows, the table's schema and unit) and the cell itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from pipelines.reports.facts.columns import YEAR_ONLY, ColumnMeaning
from pipelines.reports.facts.roles import TableRoles, table_personal_measure
from pipelines.reports.facts.units import unit_for
from pipelines.reports.model import Cell, DocContext, Fact, Unit, month_end
from pipelines.reports.parse.periods import read_period
from pipelines.reports.parse.units import scale
from pipelines.reports.tables.model import Row, Table
from pipelines.reports.vocabulary import any_word, has_word, norm, vocabulary
from pipelines.reports.vocabulary.lexicon import (
    LEAD, category_of, clean_label, is_area, is_residual_area, is_total, kon_of, measure_of, row_scenario,
    scenario_of, stub_measure, whole_namnd, yrkesgrupp_of,
)

_COUNT_LABEL = re.compile(r"(?i)antal(?:et)?\b")
_COST_PER = re.compile(r"^(?:netto)?kostnad(?:er)?\b.*\b(?:kronor per|kr per|fördelat på)\b", re.I)
_INTERVAL = re.compile(r"^(?:[-–]\s?\d{1,3}|\d{1,3}\s?[-–]\s?\d{0,3}|\d{1,3}\s?\+)(?:\s*år)?$")


@dataclass
class CellInput:
    """A value cell with everything its table decided."""

    table: Table
    doc: DocContext
    schema: str                 # the table's schema
    row: Row
    label: str                  # the row label, cleaned
    cell: Cell
    c_i: int
    r_i: int
    meaning: ColumnMeaning
    table_unit: Unit | None
    goal: str | None
    transposed: bool            # rows are years: the indicator is the column header
    roles: TableRoles
    table_area: str | None      # the section the whole table stands in (sub-heading, numbered heading)


@dataclass
class CellPeriod:
    label: str                  # the fact's label (the column header in a transposed table)
    column: str                 # the fact's column (the row label in a transposed table)
    measure_text: str           # the text the measure is read from
    scenario: str | None
    year: int | None
    period_end: str | None
    period_type: str | None


@dataclass
class CellMeasure:
    schema: str
    measure: str | None
    default_unit: str | None
    found: tuple[str, str, str] | None     # what the label (or the text above it) names


def _too_large(ci: CellInput, raw: str) -> None:
    """A value larger than any kommun's in its unit (units.yml ``largest_value``): numbers
    printed without a cell boundary and read as one. The cell is refused; one warning per page."""
    page = f"sida {ci.table.page}: " if ci.table.page is not None else ""
    if not any(w.startswith(page) and w.endswith(_TOO_LARGE) for w in ci.doc.warnings):
        ci.doc.warnings.append(f"{page}{' '.join(raw.split())[:32]} … {_TOO_LARGE}")


_TOO_LARGE = "större än något kommunalt värde (flera tal utan cellgräns?): sådana celler lästes inte"


def cell_fact(ci: CellInput) -> Fact | None:
    period = _period(ci)
    m = _measure(ci, period)
    area = _area(ci, m)
    num = ci.cell.num
    unit = unit_for(num, ci.label, ci.meaning, ci.table_unit, m.default_unit, m.schema, ci.doc)
    if unit is None:
        return None
    if unit.unit == "tkr" and unit.raw and m.schema == "verksamhet" and m.measure == "verksamhetsmatt" and not m.found:
        m.schema, m.measure = "ekonomi", None    # a printed money amount ("0,2 mnkr"): not a count
    value = num.value
    if unit.unit == "tkr" or (unit.factor != 1.0):
        value = scale(value, unit.factor)
    largest = vocabulary()["units"]["largest_value"].get(unit.unit)
    if largest is not None and abs(value) > largest:
        _too_large(ci, num.raw)
        return None
    kon, category = _personal(ci, m, unit)
    year, period_end = period.year, period.period_end
    if num.year is not None and not ci.transposed:
        # "74 (2024)" in a cell: the value is of that year
        year = num.year
        period_end = f"{num.year:04d}-12-31" if period_end is None or period_end[:4] != str(num.year) else period_end
        if period_end and period_end[:4] != str(num.year):
            period_end = f"{num.year:04d}-12-31"
    goal = ci.row.section if m.schema == "maluppfyllelse" and ci.row.section else ci.goal
    cell, table, doc = ci.cell, ci.table, ci.doc
    return Fact(
        document=doc.document, page=table.page, schema=m.schema, label=period.label, column=period.column,
        scenario=period.scenario, year=year, period_end=period_end, kon=kon, value=value, unit=unit.unit,
        evidence=ci.row.evidence, method="table", measure=m.measure, area=area, goal=goal, category=category,
        comparator=num.comparator, raw_value=" ".join(num.raw.split()), raw_unit=unit.raw, table_id=table.id,
        row=ci.r_i, col=ci.c_i, confidence=0.7 if unit.raw is None and unit.unit == "tkr" else 1.0,
        period_type=period.period_type, kommun_kod=doc.kommun_kod, namnd=doc.namnd,
        bbox=[round(cell.x0, 1), round(cell.top, 1), round(cell.x1, 1), round(cell.bottom, 1)]
        if table.source == "pdf" else None,
    )


# --------------------------------------------------------------------------- period

def _period(ci: CellInput) -> CellPeriod:
    meaning, roles, label = ci.meaning, ci.roles, ci.label
    p = CellPeriod(label=label, column=meaning.header, measure_text=label, scenario=meaning.scenario,
                   year=meaning.year, period_end=meaning.period_end, period_type=meaning.period_type)
    if ci.transposed:
        # the rows are years: the indicator is the column header, the row its period
        p.label = p.measure_text = clean_label(meaning.header)
        p.column = label
        rp = read_period(label)
        p.year = rp.year
        p.period_end = rp.end or (f"{rp.year:04d}-12-31" if rp.year else None)
        p.period_type = "helar" if p.period_end and p.period_end.endswith("12-31") else rp.type
        if meaning.scenario is None:
            p.scenario = "utfall"
    elif ci.r_i in roles.row_months and p.year is not None and p.scenario != "prognos" \
            and not read_period(meaning.header).end:
        # the row is the month (Januari | 2019 | 2018): its end in the column's year. A column
        # with a period of its own (Helårsprognos, Bokslut 2018) keeps it: a forecast per month
        # is for the whole year.
        p.period_end, p.period_type = month_end(p.year, roles.row_months[ci.r_i]), "manad"
    elif roles.row_months and p.year is not None and (pure := pure_scenario(label)):
        # a month table's "Bokslut" / "Prog.Bokslut" row: that scenario for the column's whole year
        p.scenario, p.period_end, p.period_type = pure, f"{p.year:04d}-12-31", "helar"
    rs = row_scenario(label) if not ci.transposed else None
    if rs is not None and (YEAR_ONLY.match(meaning.header.strip()) or not meaning.header.strip()):
        # the table puts the scenario in the rows ("Nettokostnader", then "Budget", "Budgetavvikelse")
        p.scenario = rs
        above = _measure_above(ci.table, ci.r_i)
        if above:
            p.measure_text = above
    return p


def pure_scenario(label: str) -> str | None:
    """The scenario of a label made of scenario words only (``Bokslut``, ``Prog.Bokslut``,
    ``Prognos helår``), else None."""
    words = re.findall(r"[^\s.:]+\.?", label)
    if not words or len(words) > 3:
        return None
    if not all(scenario_of(w)[0] or read_period(w).whole_year for w in words):
        return None
    scenario = scenario_of(label)[1]
    return scenario if scenario in ("prognos", "bokslut", "budget") else None


def _measure_above(table: Table, r_i: int) -> str | None:
    for r in range(r_i - 1, -1, -1):
        lab = table.rows[r].label
        if row_scenario(lab) is None:
            return lab
    return None


# --------------------------------------------------------------------------- measure

def _measure(ci: CellInput, period: CellPeriod) -> CellMeasure:
    roles, label, schema, meaning = ci.roles, ci.label, ci.schema, ci.meaning
    area_measure = None if ci.r_i in roles.foreign else roles.area_measure
    found = measure_of(period.measure_text)
    stub = stub_measure(ci.table.stub)
    if found and found[0] == "verksamhet" and stub:
        found = ("verksamhet", stub, found[2])   # the label column says what the rows are
    if found and found[0] == "ekonomi" and is_total(label) and area_measure \
            and area_measure in vocabulary()["areas"].get("item_table_measures", []):
        found = ("ekonomi", area_measure, found[2])   # "Totala utgifter" of an investment table: investering
    if roles.area_rows and schema == "ekonomi" and not is_total(label) and is_residual_area(label):
        found = None   # "Övrigt" among areas is the remaining area, not the post övriga kostnader
    if found is None and _COST_PER.search(label):
        # a unit cost ("Kostnad per år för … fördelat på antalet patienter", "… kronor per år")
        found = ("ekonomi", "nettokostnad" if norm(label).startswith("netto") else None, "kr")
    m = CellMeasure(schema, None, None, found)
    if meaning.measure and schema == "ekonomi" and not ci.transposed and (
            found is None or found[0] != "ekonomi" or ci.r_i in roles.areas):
        m.found = found = None   # the column names the measure ("Utfall intäkter period"); rows are areas
        m.schema, m.measure, m.default_unit = meaning.measure
    elif roles.column_posts and schema == "ekonomi" and period.scenario == "avvikelse" and not ci.transposed and (
            found is None or ci.r_i in roles.areas):
        m.found = found = None   # "Budgetavvikelse" beside columns of several posts: the deviation itself
        m.measure, m.default_unit = "budgetavvikelse", "tkr"
    if found:
        m.schema, m.measure, m.default_unit = found
        if schema == "maluppfyllelse" and m.schema != "ekonomi":
            m.schema, m.measure = "maluppfyllelse", "indikator"
    elif schema == "maluppfyllelse":
        m.measure = "indikator"
    elif m.measure is not None:
        pass
    elif schema == "ekonomi" and (area_measure or roles.area_rows) and not roles.posts:
        # areas under a stub sub-header that names a post ("Intäkter" over Förskola, Fritidshem …)
        # show that post, also when another post row stands below them (Kommunbidrag)
        section = measure_of(ci.row.section) if ci.row.section else None
        section_post = section[1] if section and section[0] == "ekonomi" else None
        m.measure = area_measure or section_post or roles.bottom_measure or "nettokostnad"
        m.default_unit = "tkr"
    elif schema == "verksamhet":
        m.measure = "ej_verkstallda_beslut" if has_word(label + " " + ci.table.context, "ej verkställda") \
            else "verksamhetsmatt"
        m.default_unit = "antal"
    if meaning.unit is not None and meaning.unit.unit == "antal" and m.schema == "ekonomi" and not found:
        m.schema, m.measure, m.default_unit = "verksamhet", "verksamhetsmatt", "antal"   # "Antal 2023" beside money
    elif m.schema == "ekonomi" and not found and _COUNT_LABEL.match(label):
        # a row that counts ("Antal kontrollområden 2025 7 st") under money columns: never money
        m.schema, m.measure, m.default_unit = "verksamhet", "verksamhetsmatt", "antal"
    return m


# --------------------------------------------------------------------------- area

def _area(ci: CellInput, m: CellMeasure) -> str | None:
    """The first area rule that gives one (docs/facts.md, *Areas*), else None (the whole nämnd)."""
    for rule in AREA_RULES:
        found = rule(ci, m)
        if found is not None:
            return found or None       # "" = a rule that decided: the whole nämnd
    return None


def _by_column(ci: CellInput, m: CellMeasure) -> str | None:
    """The column is the area (Förvaltningsledning | IFO … | Summa)."""
    column_area = ci.roles.column_areas.get(ci.c_i)
    return column_area if column_area and ci.schema != "maluppfyllelse" else None


def _by_group(ci: CellInput, m: CellMeasure) -> str | None:
    """Verksamhet | Verksamhetsmått: the group column is the area."""
    group = ci.row.group
    if not is_total(ci.label) and group and is_area(group) and ci.schema != "maluppfyllelse":
        return LEAD.sub("", group).strip()
    return None


def _by_label(ci: CellInput, m: CellMeasure) -> str | None:
    """The row label is an area (vocabulary, nämnd ending, stub, another table), or an unknown
    row among areas in an ekonomi table."""
    roles, label = ci.roles, ci.label
    if is_total(label):
        return None
    area_measure = None if ci.r_i in roles.foreign else roles.area_measure
    items = area_measure in vocabulary()["areas"].get("item_table_measures", [])
    area_row = is_area(label) or ci.r_i in roles.areas
    residual = roles.area_rows and ci.schema == "ekonomi" and is_residual_area(label)
    unknown_among_areas = (ci.schema == "ekonomi" and not m.found and m.measure is not None
                           and (not items or roles.area_rows) and not ci.table_area and not roles.posts
                           and not roles.by_stub and m.measure != "budgetavvikelse")
    if area_row or residual or unknown_among_areas:
        return LEAD.sub("", label).strip()
    return None


def _by_side(ci: CellInput, m: CellMeasure) -> str | None:
    """A sideways label beside the rows or their table (``Alingsås kommun förskolor`` turned
    on its side) that names neither a post nor a scenario: the rows' area. It comes before
    the row label, which then names a part of that area (``Förskoleklass``, ``Åk 1-3``)."""
    line = ci.row.value_line
    side = (line.side if line is not None else None) or ci.table.side
    if not side or is_total(ci.label) or ci.schema == "maluppfyllelse":
        return None
    if measure_of(side) or scenario_of(side)[0]:
        return None       # "Intäkter" / "Kostnader" turned beside their rows: a post group
    return LEAD.sub("", side).strip()


def _by_section(ci: CellInput, m: CellMeasure) -> str | None:
    """A section line inside the table that is an area."""
    section = ci.row.section
    if not is_total(ci.label) and section and is_area(section) and ci.schema != "maluppfyllelse":
        return LEAD.sub("", section).strip()
    return None


def _by_attribute(ci: CellInput, m: CellMeasure) -> str | None:
    """An attribute column (Verksamhet: Alla = the whole nämnd)."""
    attribute = ci.row.attribute
    if not is_total(ci.label) and attribute:
        return "" if whole_namnd(attribute) else attribute
    return None


def _by_table(ci: CellInput, m: CellMeasure) -> str | None:
    """The sub-heading or numbered heading the table stands under (its total too, unless the
    rows themselves are areas)."""
    if ci.table_area and not (is_total(ci.label) and ci.roles.area_rows):
        return ci.table_area
    return None


AREA_RULES: tuple[Callable[[CellInput, CellMeasure], str | None], ...] = (
    _by_column, _by_group, _by_side, _by_label, _by_section, _by_attribute, _by_table,
)


# --------------------------------------------------------------------------- personal splits

def _kon_rows(table: Table) -> bool:
    """The table's rows are kön (Kvinnor, Män, then a total): its total row has their measure."""
    kons = {kon_of(r.label) for r in table.rows if r.label and not is_total(r.label)}
    return kons == {"K", "M"}


def _personal(ci: CellInput, m: CellMeasure, unit: Unit) -> tuple[str | None, str | None]:
    """(kon, category); a personal row without a measure may get one from its table."""
    label, table, meaning = ci.label, ci.table, ci.meaning
    kon = meaning.kon or kon_of(label)
    if m.schema == "personal" and kon is None:
        kon = "T"
    if ci.row.section and m.schema == "personal" and kon_of(ci.row.section):
        kon = kon or kon_of(ci.row.section)
    category = meaning.category or (category_of(label) if m.schema == "personal" else None)
    if category is None and m.schema == "personal":
        category = yrkesgrupp_of(label)     # "Sjukfrånvaro … (%) – undersköterskor"
    by_kon = kon in ("K", "M") or (is_total(label) and _kon_rows(table))
    if m.schema == "personal" and m.measure is None and not m.found and (category or by_kon):
        m.measure = table_personal_measure(table)   # "Kvinnor" in a sjukfrånvaro table, and its Totalt
    if category is None and m.schema == "personal" and _INTERVAL.match(label.strip()):
        category = label.strip()                   # a row per interval: "-19", "20-25", "51 -"
    if category is None and not is_total(label) and any_word(table.stub, vocabulary()["schemas"]["category_stubs"]):
        category = LEAD.sub("", label).strip()   # a row per yrkesgrupp / åldersgrupp
    if m.schema == "personal" and m.measure is None and not m.found and category and unit.unit == "arsarbetare":
        m.measure = "arsarbetare"                    # a yrkesgrupp row in a column of årsarbetare (åa)
    return kon, category
