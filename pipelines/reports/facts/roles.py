"""What the rows and columns of a table are: areas (by their label, the header over the
label column, a nämnd name, or because another table of the document shows them as areas)
or posts; months; columns that are areas; the post a table of areas shows."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pipelines.reports.facts.columns import ColumnMeaning
from pipelines.reports.model import DocContext
from pipelines.reports.parse.periods import read_period, row_month
from pipelines.reports.parse.units import money_unit
from pipelines.reports.tables.model import Table
from pipelines.reports.vocabulary import any_word, norm, vocabulary, word_re
from pipelines.reports.vocabulary.lexicon import (
    LEAD, clean_label, is_area, is_residual_area, is_total, is_unit_row, label_key, measure_in_text, measure_of,
    scenario_of,
)


@dataclass
class TableRoles:
    """What the rows of a table are: areas (by their label, the header over the label column,
    or because the document names them as areas elsewhere) or posts, and the post of the
    area rows."""
    area_measure: str | None = None   # the post named by the caption ("Nettokostnad per verksamhet")
    areas: set[int] = field(default_factory=set)   # rows that are areas beyond the area vocabulary
    area_rows: bool = False           # most rows are areas
    posts: bool = False               # most rows are posts: a row without a measure is a post too
    column_posts: bool = False        # the columns name the posts (Utfall intäkter | Utfall kostnader …)
    by_stub: bool = False             # the header over the label column says which rows are areas
    column_areas: dict[int, str] = field(default_factory=dict)   # columns that are areas (Förvaltningsledning | IFO …)
    bottom_measure: str | None = None  # the post of the first post row below the areas (Resultat)
    foreign: set[int] = field(default_factory=set)  # rows under a numbered heading of their own (the next
                                                    # note inside the table): the caption does not speak for them
    row_months: dict[int, int] = field(default_factory=dict)  # rows that are months (Januari, S.A Jan-Febr)
                                                    # and the sum rows below them: row → month


@lru_cache(maxsize=4096)
def is_area_stub(stub: str) -> bool:
    """The header over the label column says the rows are areas (``Avdelning``, ``Tjänster``,
    ``Verksamhet``; vocabulary ``areas.area_stubs``); a unit beside it (``Tkr``) is ignored."""
    if not stub:
        return False
    bare = re.sub(r"\([^)]*\)", " ", norm(stub))      # "HR-perspektiv (nämnder)": a remark, not the rows
    words = [w for w in re.findall(r"[a-zåäöé/-]+", bare) if not money_unit(w) and w not in ("belopp", "i")]
    words = [w for k, w in enumerate(words) if k == 0 or w != words[k - 1]]   # "Tjänster Tjänster"
    stubs = {norm(w) for w in vocabulary()["areas"].get("area_stubs", [])}
    # the whole header, or its last word when a caption line stacked above it ("Resultatuppföljning
    # tjänster och förändringsinsatser period | Tjänster")
    return bool(words) and (" ".join(words) in stubs or words[-1] in stubs)


def _column_posts(table: Table) -> bool:
    return sum(1 for c in table.columns if measure_in_text(c.header)) >= 2


def stub_area_rows(table: Table) -> set[int]:
    """Rows that are areas because the header over the label column says so: every labelled row
    except totals when the columns name the posts; otherwise the rows above the first row that
    names a post (``Resultat innan återreglering``, ``Återreglering`` below it are not areas)."""
    if not is_area_stub(table.stub):
        return set()
    column_posts = _column_posts(table)
    out: set[int] = set()
    seen_post = False
    for i, r in enumerate(table.rows):
        if not r.label or is_total(r.label):
            continue
        if column_posts or is_residual_area(r.label):
            out.add(i)
            continue
        found = measure_of(r.label)
        if found and found[1]:
            seen_post = True       # a post or another measure ("Resultat innan återreglering")
        elif not seen_post:
            out.add(i)
    return out


def document_areas(tables: list[Table]) -> set[str]:
    """Label keys that a table of the document shows as areas by its label-column header: the
    same label in another table of the document is that area too (``Förändringsinsatser |
    Ekonomi, HR …`` after ``Tjänster | Ekonomi, HR …``). Labels that name a post never are."""
    out: set[str] = set()
    for t in tables:
        for i in stub_area_rows(t):
            label = t.rows[i].label
            if measure_of(label) is None:
                out.add(label_key(label))
    return out


def _column_areas(table: Table, doc: DocContext) -> dict[int, str]:
    """The columns of a table whose columns are areas (``Förvaltningsledning | AFF … | IFO … |
    Summa``): every column without a scenario word or period and not a total, when most of
    them are areas by the vocabulary or the document."""
    candidates = {}
    for c in table.columns:
        h = clean_label(c.header)
        if not h or is_total(h) or scenario_of(h)[0] or read_period(h).year is not None:
            continue
        candidates[c.index] = h
    known = [i for i, h in candidates.items() if is_area(h) or is_unit_row(h) or label_key(h) in doc.areas]
    if len(candidates) < 2 or len(known) * 2 <= len(candidates):
        return {}
    return {i: LEAD.sub("", h).strip() for i, h in candidates.items()}


def table_roles(table: Table, doc: DocContext, meanings: list[ColumnMeaning]) -> TableRoles:
    roles = TableRoles(area_measure=area_table_measure(table))
    numbered = [i for i, r in enumerate(table.rows)
                if r.section and re.match(r"^\d+(?:\.\d+)*\.?\s+[A-ZÅÄÖ]", r.section) and r.section != table.heading]
    if numbered:
        roles.foreign = set(range(numbered[0], len(table.rows)))
    roles.column_posts = sum(1 for m in meanings if m.measure) >= 2
    roles.row_months = _row_months(table)
    roles.column_areas = _column_areas(table, doc)
    roles.areas = stub_area_rows(table)
    roles.by_stub = bool(roles.areas)
    for i, r in enumerate(table.rows):
        if r.label and not is_total(r.label) and label_key(r.label) in doc.areas:
            roles.areas.add(i)
    labelled = [(i, r.label) for i, r in enumerate(table.rows) if r.label and not is_total(r.label)]
    for i, lb in labelled:
        if is_unit_row(lb):
            roles.areas.add(i)
    n_area = sum(1 for i, lb in labelled if is_area(lb) or i in roles.areas)
    roles.area_rows = bool(labelled) and n_area * 2 > len(labelled)
    n_post = sum(1 for i, lb in labelled if (m := measure_of(lb)) and m[0] == "ekonomi" and i not in roles.areas)
    roles.posts = bool(labelled) and not roles.area_rows and n_post * 2 >= len(labelled)
    if roles.area_rows and roles.area_measure is None:
        first_area = min((i for i, lb in labelled if is_area(lb) or i in roles.areas), default=None)
        for i, r in enumerate(table.rows):
            if first_area is not None and i > first_area and r.label and i not in roles.areas and not is_area(r.label):
                m = measure_of(r.label)
                if m and m[0] == "ekonomi" and m[1]:
                    roles.bottom_measure = m[1]     # the areas add up to this post
                    break
    return roles


def _row_months(table: Table) -> dict[int, int]:
    """Rows whose label is a month or a span up to one, and a sum row right after two or
    more of them (``Summa`` under Januari, Februari is January–February)."""
    months: dict[int, int] = {}
    run = 0
    for i, r in enumerate(table.rows):
        found = row_month(r.label) if r.label else None
        if found:
            months[i] = found[0]
            run += 1
        elif r.label and is_total(r.label) and run >= 2:
            months[i] = months[i - 1]
            run = 0
        else:
            run = 0
    return months


def table_personal_measure(table: Table) -> str | None:
    """The personal measure a table's caption or stub names (``Sjukfrånvaro i procent …``)."""
    text = norm(" ".join([*table.caption[-2:], table.stub, table.heading or ""]))
    best: tuple[int, str] | None = None
    for entry in vocabulary()["measures"].get("personal", []):
        if not entry.get("measure"):
            continue
        for phrase in entry.get("match", []):
            p = norm(phrase).rstrip("*")
            if len(p) >= 5 and word_re(p).search(text) and (best is None or len(p) > best[0]):
                best = (len(p), entry["measure"])
    return best[1] if best else None


def area_table_measure(table: Table) -> str | None:
    """The post a table of areas shows, named by its stub, caption or heading; the text nearest
    to the table wins ("Driftredovisning / Investeringsredovisning / Investeringsredovisning
    (mnkr)" is investering)."""
    for text in (table.stub, *reversed(table.caption), *table.after, table.heading or ""):
        for measure, words in vocabulary()["areas"]["area_table_measures"].items():
            if text and any_word(text, words):
                return measure
    return None
