"""A table → its facts: the table's schema, unit and goal, each column's meaning, the
rows' roles, then one fact per value cell (``cells.py``). Checks against the table's own
sums come after (``checks.py``)."""

from __future__ import annotations

import re

from pipelines.reports.facts.cells import CellInput, cell_fact
from pipelines.reports.facts.columns import DATE, YEAR_ONLY, column_meaning, lone_short_school_year, same_span_years, whole_year_budget
from pipelines.reports.facts.roles import table_roles
from pipelines.reports.facts.units import column_cell_unit, table_other_unit, table_unit, total_row_unit
from pipelines.reports.model import DocContext, Fact
from pipelines.reports.parse.units import money_unit
from pipelines.reports.tables.model import Table
from pipelines.reports.vocabulary import any_word, has_word, vocabulary
from pipelines.reports.vocabulary.lexicon import LEAD, clean_label, is_area, is_unit_row, label_key, measure_of, scenario_of


# A label that is only numbers separated by ", ", or one number and a comma (a list of area
# or account codes wrapped over lines); a decimal ("2,5") has no space after its comma.
_CODE_LIST = re.compile(r"\s*\d+(?:(?:\s*[,;]\s+\d+)+\s*[,;]?|\s*[,;])\s*")


def table_facts(table: Table, doc: DocContext) -> list[Fact]:
    """Every value of a table as a fact (unchecked; checks.py adds the check results)."""
    skip_words = vocabulary()["schemas"]["skip_tables"]
    if any_word(" ".join([table.stub, *table.caption, *(c.header for c in table.columns)]), skip_words):
        return []
    schema = schema_of_table(table)
    t_unit = table_unit(table) or table_other_unit(table)
    goal = _goal_of(table) if schema == "maluppfyllelse" else None
    transposed = is_transposed(table)
    meanings = [column_meaning(c, table, doc, schema) for c in table.columns]
    for c_i, meaning in enumerate(meanings):
        if meaning.unit is None:
            meaning.unit = column_cell_unit(table, c_i)
    whole_year_budget(table, meanings)
    same_span_years(table, meanings, doc)
    lone_short_school_year(meanings)
    roles = table_roles(table, doc, meanings)
    area = _table_area(table, schema, doc)
    facts: list[Fact] = []
    for r_i, row in enumerate(table.rows):
        label = clean_label(row.label)
        if not label and not transposed:
            continue
        if _CODE_LIST.fullmatch(label):
            continue    # "213105, 220089,": a wrapped list of codes (nyckelkoder), not a row of values
        for c_i, cell in enumerate(row.cells):
            if cell is None or cell.num is None:
                continue
            meaning = meanings[c_i]
            if meaning.skip:
                continue
            fact = cell_fact(CellInput(table, doc, schema, row, label, cell, c_i, r_i, meaning, t_unit, goal,
                                       transposed, roles, area))
            if fact is not None:
                facts.append(fact)
    return facts


def _table_area(table: Table, schema: str, doc: DocContext) -> str | None:
    """The section the whole table stands in: a sub-heading right above it, or its numbered
    heading, when that is an area (not for goal tables). A numbered heading that names a
    nämnd or styrelse other than the document's own (``7.2 BARN- OCH UNGDOMSNÄMNDEN`` in a
    review of every nämnd) is the section of the tables under it, also on the pages after it
    (the table's outline)."""
    if schema == "maluppfyllelse":
        return None
    area = _caption_area(table)
    if area is None and (heading := _heading_text(table.heading)) and is_area(heading):
        area = heading
    if area is None and (heading := _heading_text(table.heading or table.outline)) and is_unit_row(heading) \
            and label_key(heading) != label_key(doc.namnd or ""):
        area = heading
    return area


def schema_of_table(table: Table) -> str:
    """The table's schema from its words (caption and stub weigh most) and its rows."""
    words = vocabulary()["schemas"]["table_words"]
    scores = {s: 0.0 for s in ("maluppfyllelse", "personal", "ekonomi", "verksamhet")}
    strong = " ".join([*table.caption, table.stub, *table.after])
    headers = " ".join(f"{c.group} {c.header}" for c in table.columns)
    for schema, ws in words.items():
        if any(has_word(strong, w) for w in ws):
            scores[schema] += 3
        if any(has_word(headers, w) for w in ws):
            scores[schema] += 1.5
        if table.heading and any(has_word(table.heading, w) for w in ws):
            scores[schema] += 1
    row_votes = {s: 0 for s in scores}
    for row in table.rows:
        found = measure_of(row.label)
        if found:
            scores[found[0]] += 1
            row_votes[found[0]] += 1
    for schema, votes in row_votes.items():
        if votes >= 2 and votes * 2 > sum(1 for r in table.rows if r.label):
            scores[schema] += 2      # most rows are posts of one kind: that is the table's kind
    if schema_hint_rows := sum(1 for r in table.rows if has_word(r.label, "sjukfrånvaro*")):
        scores["personal"] += schema_hint_rows
    if money_unit(strong) or money_unit(table.heading or "") or total_row_unit(table):
        scores["ekonomi"] += 2
    if any(has_word(c.header, "målvärde*") or has_word(c.header, "måluppfyllelse*") for c in table.columns):
        scores["maluppfyllelse"] += 4
    if any(scenario_of(c.header)[1] in ("budget", "prognos", "avvikelse") for c in table.columns):
        scores["ekonomi"] += 1
    labels = [r.label for r in table.rows if r.label]
    if labels and sum(1 for lb in labels if is_area(lb)) * 2 > len(labels):
        scores["ekonomi"] += 1
    best = max(scores.values())
    if best <= 0:
        return "verksamhet"
    for schema in ("maluppfyllelse", "personal", "ekonomi", "verksamhet"):
        if scores[schema] == best:
            return schema
    return "verksamhet"



def _goal_of(table: Table) -> str | None:
    """A goal statement printed just above an indicator table ("… ska ha en pålitlig leverans")."""
    if table.goal:
        return table.goal
    for text in reversed(table.caption):
        t = text.strip()
        if re.search(r"\bska\b|\bmål\b|^mål|mål(?:et)?:", t, re.I) and len(t.split()) >= 3:
            # "Indikatorer för nämndmålet: Fler ska …", "Mål (nivå 1): …" → the goal itself
            m = re.match(r"^(?:(?:indikatorer|indikator|mått|nyckeltal)\s+(?:för|till)\s+)?"
                         r"[\wåäö ]*mål(?:et)?(?:\s*\([^)]*\))?\s*:\s*(.+)$", t, re.I)
            return m.group(1).strip() if m and len(m.group(1).split()) >= 2 else t
    return None


def is_transposed(table: Table) -> bool:
    labels = [r.label.strip() for r in table.rows if r.label.strip()]
    return len(labels) >= 2 and all(YEAR_ONLY.match(lb) or DATE.match(lb) for lb in labels)



def _heading_text(heading: str | None) -> str | None:
    """A numbered heading without its number ("3.1.1 Ekonomiskt bistånd" → "Ekonomiskt bistånd")."""
    if not heading:
        return None
    return re.sub(r"^\d+(?:\.\d+)*\.?\s*", "", heading).strip() or None



def _caption_area(table: Table) -> str | None:
    """A sub-heading right above the table that is an area ("Bidrag / Allmän kulturverksamhet")."""
    line = table.caption[-1] if table.caption else table.section
    if line and is_area(line) and len(line.split()) <= 8:
        return LEAD.sub("", line).strip()
    return None
