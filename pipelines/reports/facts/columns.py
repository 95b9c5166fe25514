"""What a column header means: scenario, year, the date the values run to, the kind of
period, and a unit, kön, category or measure the header names.

Scenario, year and period come from the column header (and a group header above it), the
table's stub and caption, a caption under the table, and the document period, never from
the values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.reports.model import DocContext, Period, Unit, month_end
from pipelines.reports.parse.periods import month_number, read_period
from pipelines.reports.parse.units import money_unit
from pipelines.reports.tables.model import Column, Table
from pipelines.reports.vocabulary import any_word, has_word, vocabulary
from pipelines.reports.vocabulary.lexicon import category_of, kon_of, measure_in_text, scenario_of, skip_column

YEAR_ONLY = re.compile(r"^(?:år\s*)?((?:19|20)\d\d)$", re.I)
DATE = re.compile(r"^((?:19|20)\d\d)-(\d\d)-(\d\d)$")


@dataclass
class ColumnMeaning:
    header: str
    scenario: str | None
    year: int | None
    period_end: str | None
    period_type: str | None
    unit: Unit | None = None
    kon: str | None = None
    category: str | None = None
    measure: tuple[str, str, str] | None = None    # (schema, measure, unit) named by the header
    skip: bool = False



def column_meaning(col: Column, table: Table, doc: DocContext, schema: str) -> ColumnMeaning:
    header = " ".join(p for p in (col.group, col.header) if p).strip()
    meaning = ColumnMeaning(header=header, scenario=None, year=None, period_end=None, period_type=None)
    if skip_column(header):
        meaning.skip = True
        return meaning
    found, scenario = scenario_of(col.header)
    if not found and col.group:
        found, scenario = scenario_of(col.group)
    if not found:
        found, scenario = scenario_of(table.stub)
    if not found:
        cap = " ".join(table.caption[-1:])
        found, scenario = scenario_of(cap) if len(cap.split()) <= 4 else (False, None)
    after_whole = False
    if not found and table.after:
        # a caption under the table: "Tabellen visar prognosavvikelse per avdelning och helår"
        f2, s2 = scenario_of(" ".join(table.after))
        if f2 and s2 in ("avvikelse", "prognos", "budget"):
            found, scenario = f2, s2
            after_whole = has_word(" ".join(table.after), "helår") or scenario == "prognos"
    doc_year = doc.year
    period = read_period(header, None)
    date = DATE.match(header.strip())
    year = period.year
    if period.relative_year and doc_year and scenario != "forandring":
        year = (year or doc_year) + period.relative_year if year is None or year == doc_year else year
    if not found:
        if date:
            scenario = "utfall"
        elif _ahead(period, year, doc):
            # a period after the report's: what its section says it is (a "Befolkningsprognos"
            # is a forecast), else a målvärde, else what the document calls figures ahead
            # (a lokalförsörjningsplan speaks of prognoser), else a plan (budget)
            outlined = scenario_of(table.outline or "")[1]
            if outlined in ("prognos", "budget"):
                scenario = outlined
            elif schema == "maluppfyllelse":
                scenario = "malvarde"
            else:
                scenario = "prognos" if doc.forward == "prognos" and doc.doc_type != "verksamhetsplan" else "budget"
        elif schema == "ekonomi" and _plan_amount(period, year, doc):
            scenario = "budget"   # "Belopp" in a verksamhetsplan: the plan year's amounts
        else:
            scenario = "utfall"   # observed values without a scenario word (counts, statistics)
    meaning.scenario = scenario
    if year is None and doc_year is not None and scenario != "utgangsvarde":
        # (an utgångsvärde without a year is from before the plan: its year is not printed)
        year = doc_year + (period.relative_year if scenario != "forandring" else 0)
    elif year is None and doc_year is None and doc.plan_year is not None and (
            period.whole_year or any_word(header, vocabulary()["periods"]["current_year"])):
        year = doc.plan_year + period.relative_year   # "(innevarande år)", "(helår)" in "Handlingsplan 2026"
    meaning.year = year
    # the date the value runs to
    end = period.end
    if scenario == "prognos" and year is not None and not date and period.type != "lasar":
        end = f"{year:04d}-12-31"     # a forecast is for the whole year ("Prognos augusti", "Årsprognos jan-aug")
    whole = after_whole or period.whole_year or has_word(col.group, "helår") or has_word(col.group, "helåret") \
        or has_word(header, "prognos") or has_word(header, "prognos*")
    current = period.current_period or has_word(col.group, "period") or has_word(col.group, "perioden")
    if period.relative_year and end and period.year is None and doc_year and scenario != "forandring":
        end = None
    compares_forecast = scenario == "avvikelse" and not period.end and not current and any(
        scenario_of(c.header)[1] == "prognos" and not has_word(c.group, "period*") for c in table.columns)
    span_type = None
    stock = _stock_day(table) if end is None and year is not None and scenario == "utfall" and not whole else None
    if stock:
        end = f"{year:04d}-{stock[0]:02d}-{stock[1]:02d}"   # "Antal anställda 31 augusti": a stock
        date = True
    elif end is None and year is not None and scenario == "utfall" and not whole and not current \
            and re.fullmatch(r"(?:19|20)\d\d", header.strip()) and (month := _caption_month(table)):
        end = month_end(year, month)    # "Sjukfrånvaro … Period: Juli" over 2016 … 2019: each year to July
        spans = any_word(_caption_text(table), vocabulary()["periods"]["current_period"])
        span_type = "delar" if spans else "manad"   # accumulated from January, or the month
    if end is None and year is not None:
        if whole or scenario == "prognos" or (scenario == "avvikelse" and has_word(header, "prognos*")) or compares_forecast:
            end = f"{year:04d}-12-31"
        elif current and doc.period and doc.period.end:
            end = doc.period.shifted(year - doc.period.year).end if doc.period.year else doc.period.end
        elif scenario in ("utfall", "avvikelse", "budget", "forandring") and doc.period and doc.period.end \
                and doc.period.year == year and doc.period.type != "helar" and (
                    not year_only_header(header) or (scenario == "utfall" and re.fullmatch(r"(?:19|20)\d\d", header.strip()))):
            end = doc.period.end    # an outcome of the current year in a report before year end: to date
        elif doc.period and doc.period.end and year != doc.period.year and current:
            end = doc.period.shifted(year - doc.period.year).end
        elif scenario is None and schema == "maluppfyllelse" and doc.period and doc.period.end and doc.period.year == year:
            end = doc.period.end       # måluppfyllelse: the report period
        else:
            end = f"{year:04d}-12-31"
    meaning.period_end = end
    if date:
        meaning.period_type = None     # a stock at a date (headcount 2016-06-30), not a period
    elif span_type:
        meaning.period_type = span_type
    elif end and doc.period and end == doc.period.end and doc.period.type:
        meaning.period_type = doc.period.type
    elif end and end.endswith("-12-31"):
        meaning.period_type = "helar"
    elif end and doc.period and doc.period.type and end[5:] == (doc.period.end or "")[5:] and (
            not period.type or period.type == "manad"):
        meaning.period_type = doc.period.type     # the same span a year earlier ("Jan–aug 2024")
    elif period.type:
        meaning.period_type = period.type
    # unit and splits named by the header
    money = money_unit(header)
    other = None
    if re.search(r"\(åa\)|\båa\b|årsarbetare", header, re.I):
        other = Unit("arsarbetare", 1.0, "åa")      # "Antal årsarbetare" counts årsarbetare
    elif any_word(col.header, vocabulary()["columns"]["count_columns"]):
        other = Unit("antal", 1.0, None)
    elif "%" in header or has_word(header, "procent"):
        other = Unit("procent", 1.0, "%")
    meaning.unit = money or other
    meaning.kon = kon_of(header)
    meaning.category = category_of(header)
    meaning.measure = measure_in_text(col.header)
    return meaning


_SHORT_SCHOOL_YEAR = re.compile(r"(?<![\d/])\d\d\s?/\s?\d\d(?![\d/])")


def lone_short_school_year(meanings: list[ColumnMeaning]) -> None:
    """``10/11`` may be a läsår or a day and month; a table that prints its läsår that way
    does so in a run of columns (``26/27 27/28 …``). A single such column is refused rather
    than given a year it may not have."""
    short = [m for m in meanings if m.period_type == "lasar" and _SHORT_SCHOOL_YEAR.search(m.header)]
    if len(short) == 1 and sum(1 for m in meanings if m.period_type == "lasar") == 1:
        short[0].skip = True


def whole_year_budget(table: Table, meanings: list[ColumnMeaning]) -> None:
    """A budget column dated by the report's month (``Budget VR aug 2019``) beside a
    whole-year forecast and their deviation is the year's budget when the table says so:
    on the rows that print all three, avvikelse = budget − prognos (either sign) holds."""
    def only(scenario: str) -> int | None:
        found = [i for i, m in enumerate(meanings) if m.scenario == scenario and not m.skip]
        return found[0] if len(found) == 1 else None

    b, p, a = only("budget"), only("prognos"), only("avvikelse")
    if b is None or p is None or a is None:
        return
    budget, forecast = meanings[b], meanings[p]
    if not budget.period_end or budget.period_end.endswith("-12-31") or not (forecast.period_end or "").endswith("-12-31") \
            or budget.year != forecast.year:
        return
    held = tried = 0
    for row in table.rows:
        cells = [row.cells[i] if i < len(row.cells) else None for i in (b, p, a)]
        if any(c is None or c.num is None for c in cells):
            continue
        vb, vp, va = (c.num.value for c in cells)
        tried += 1
        tol = 1.01 * 10 ** -min(c.num.decimals for c in cells)
        held += abs(va - (vb - vp)) <= tol or abs(va - (vp - vb)) <= tol
    if tried >= 2 and held >= 0.8 * tried:
        budget.period_end, budget.period_type = forecast.period_end, "helar"


def same_span_years(table: Table, meanings: list[ColumnMeaning], doc: DocContext) -> None:
    """Outcome columns that differ only in their year (``2018 Antal personer`` beside ``2019
    Antal personer``) cover the same span of each year: when the report year's column runs
    to the report date, so do the earlier years' (the same date a year before), not to
    their year end."""
    if not doc.period or not doc.period.end or doc.period.year is None or doc.period.type == "helar":
        return
    def shape(m: ColumnMeaning) -> str:
        return " ".join(re.sub(r"(?<!\d)(?:19|20)\d\d(?!\d)", " ", m.header).split()).lower()

    current = [m for m in meanings if m.scenario == "utfall" and m.year == doc.period.year
               and m.period_end == doc.period.end and not m.skip]
    for m in meanings:
        if m.scenario != "utfall" or m.skip or m.year is None or m.year >= doc.period.year \
                or m.period_end != f"{m.year:04d}-12-31":
            continue
        if shape(m) and any(shape(c) == shape(m) for c in current):   # bare years: not told
            shifted = doc.period.shifted(m.year - doc.period.year)
            m.period_end, m.period_type = shifted.end, doc.period.type


def _ahead(period: Period, year: int | None, doc: DocContext) -> bool:
    """A column's period lies after the report's: a later year (or in a plan, its own year),
    or a läsår ending after the report period; in a document without a report period, the
    title's span (``Lokalförsörjningsplan 2026-2031``) starts the plan."""
    if year is None:
        return False
    if doc.year is not None:
        if year > doc.year or (doc.doc_type in ("verksamhetsplan",) and year >= doc.year):
            return True
        return bool(period.type == "lasar" and period.end and doc.period and doc.period.end
                    and period.end > doc.period.end)
    return doc.plan_year is not None and year >= doc.plan_year


def _plan_amount(period: Period, year: int | None, doc: DocContext) -> bool:
    """A money column of a plan document whose header names neither a scenario nor any
    period (``Belopp``): the amounts the plan sets for its own year, not an outcome."""
    return doc.doc_type == "verksamhetsplan" and doc.year is not None and year is None \
        and period.type is None and not period.relative_year


def _caption_text(table: Table) -> str:
    """The words just above a table that speak for its columns: its last two caption lines and its stub."""
    return " ".join([*table.caption[-2:], table.stub])


def _stock_day(table: Table) -> tuple[int, int] | None:
    """A day and month named by the caption or stub without a year (``Antal anställda per
    kön, 31 augusti``): the columns' years give the dates of a stock."""
    text = _caption_text(table)
    for m in re.finditer(r"(?<!\d)(\d{1,2})\s+([A-Za-zåäö]+)\.?(?!\s*(?:19|20)\d\d)", text):
        month = month_number(m.group(2))
        day = int(m.group(1))
        if month and 1 <= day <= 31:
            return month, day
    return None


def _caption_month(table: Table) -> int | None:
    """The one month the caption or stub names without a day or a year (``Period: Juli``,
    ``Sjukfrånvaro januari–juli``: the last month of a span), over columns that are years:
    each year's values run to that month."""
    text = _caption_text(table)
    months = {month_number(m.group(1)) for m in re.finditer(
        r"(?<![\d\w])(?<!\d\s)([A-Za-zåäö]{3,9})\.?(?!\s*(?:19|20)\d\d)(?![\w-])", text)} - {None}
    spans = re.findall(r"(?i)\b([a-zåäö]{3,9})\s?[-–]\s?([a-zåäö]{3,9})\b", text)
    for a, b in spans:
        if month_number(a) and month_number(b):
            months -= {month_number(a)}
    return months.pop() if len(months) == 1 else None


def year_only_header(header: str) -> bool:
    """A header that is a scenario word and a year only ("Budget 2026", "Utfall 2025"): a
    whole-year column."""
    return bool(re.fullmatch(r"[A-Za-zåäöÅÄÖ. ]{0,25}\s?(?:19|20)\d\d", header.strip()))
