"""From a table to facts: column headers → scenario, year and period; row labels →
schema, measure, area, kön and category; units and scaling.

Scenario, year and period come from the column headers (and a group header above them),
the table's caption, and the document period, never from the values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pipelines.reports.facts import Fact
from pipelines.reports.periods import Period, month_end, read_period, row_month
from pipelines.reports.tables import Column, Row, Table
from pipelines.reports.units import Unit, money_unit, other_unit, scale
from pipelines.reports.vocabulary import any_word, has_word, norm, vocabulary

_YEAR_ONLY = re.compile(r"^(?:år\s*)?((?:19|20)\d\d)$", re.I)
_DATE = re.compile(r"^((?:19|20)\d\d)-(\d\d)-(\d\d)$")
_LEAD = re.compile(r"^(?:[-–•·*]\s*|varav\s+)+", re.I)


@dataclass
class DocContext:
    document: str
    period: Period | None = None
    doc_type: str | None = None
    kommun_kod: str | None = None
    namnd: str | None = None
    money: Unit | None = None          # the document's usual money unit (when a table prints none)
    areas: set[str] = field(default_factory=set)   # label keys that are areas in some table of the document
    warnings: list[str] = field(default_factory=list)

    @property
    def year(self) -> int | None:
        return self.period.year if self.period else None


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


# --------------------------------------------------------------------------- vocabulary lookups

def clean_label(label: str) -> str:
    """The label as printed, whitespace collapsed (a list dash stays: ``- Ekonomi``)."""
    label = " ".join(label.replace("\u00ad", "").replace("\ufffe", "").split())
    return label.strip()


@lru_cache(maxsize=16384)
def label_key(label: str) -> str:
    """A label for matching: lower case, bullets/dashes/footnote marks off."""
    t = norm(label)
    t = _LEAD.sub("", t)
    t = re.sub(r"\s*\*+$", "", t)
    t = re.sub(r"(?<=[a-zåäö)])\d$", "", t)     # a footnote digit glued to the last word
    return t.strip(" :.")


@lru_cache(maxsize=16384)
def measure_of(label: str) -> tuple[str, str, str] | None:
    """(schema, measure, unit) for a row label, by the longest matching phrase."""
    key = label_key(label)
    if not key:
        return None
    best: tuple[int, tuple[str, str, str]] | None = None
    for schema in ("ekonomi", "personal", "maluppfyllelse", "verksamhet"):
        for entry in vocabulary()["measures"].get(schema, []):
            for phrase in entry.get("match", []):
                p = norm(phrase)
                if p.endswith("*"):
                    ok = key.startswith(p[:-1])
                else:
                    ok = key == p or (key.startswith(p) and not key[len(p):len(p) + 1].isalnum())
                if ok and (best is None or len(p) > best[0]):
                    best = (len(p), (schema, entry["measure"], entry.get("unit", "other")))
    return best[1] if best else None


@lru_cache(maxsize=16384)
def measure_in_text(text: str) -> tuple[str, str, str] | None:
    """A measure named anywhere in a header ("Utfall intäkter period", "Prognos resultat helår")."""
    t = norm(text)
    best: tuple[int, tuple[str, str, str]] | None = None
    for schema in ("ekonomi",):
        for entry in vocabulary()["measures"].get(schema, []):
            if entry["measure"] in ("budgetavvikelse",):
                continue     # avvikelse is the column's scenario, not its post
            for phrase in entry.get("match", []):
                p = norm(phrase).rstrip("*")
                if len(p) < 5:
                    continue
                if re.search(rf"(?<![a-zåäö]){re.escape(p)}(?![a-zåäö])", t) and (best is None or len(p) > best[0]):
                    best = (len(p), (schema, entry["measure"], entry.get("unit", "other")))
    return best[1] if best else None


@lru_cache(maxsize=16384)
def is_total(label: str, weak: bool = False) -> bool:
    """A total row (``Summa``, ``Totalt`` …); with ``weak``, also rows that usually add up
    the rows above (``Verksamhetens kostnader``, ``Årets resultat``)."""
    key = label_key(label)
    words = list(vocabulary()["measures"]["total_labels"])
    if weak:
        words += vocabulary()["measures"]["weak_total_labels"]
    for w in words:
        p = norm(w)
        if p.endswith("*"):
            if key.startswith(p[:-1]):
                return True
        elif key == p:
            return True
    return False


@lru_cache(maxsize=16384)
def is_area(label: str) -> bool:
    key = label_key(label)
    for w in vocabulary()["areas"]["areas"]:
        p = norm(w)
        if (p.endswith("*") and key.startswith(p[:-1])) or key == p:
            return True
    return False


@lru_cache(maxsize=16384)
def is_unit_row(label: str) -> bool:
    """A row label that names a nämnd or styrelse (``Vård- och omsorgsnämnden``, ``Kommunstyrelsen``;
    vocabulary ``areas.area_endings``): in a table it is an area of the kommun."""
    key = label_key(label)
    words = key.split()
    return 0 < len(words) <= 4 and not re.search(r"\d", key) and any(
        words[-1].endswith(norm(e)) for e in vocabulary()["areas"].get("area_endings", []))


@lru_cache(maxsize=4096)
def _is_residual_area(label: str) -> bool:
    key = label_key(label)
    return any(key == norm(w) for w in vocabulary()["areas"].get("residual_areas", []))


@lru_cache(maxsize=16384)
def kon_of(text: str) -> str | None:
    for kon, words in vocabulary()["measures"]["kon"].items():
        if kon == "T":
            continue
        if any_word(text, words):
            return kon
    return None


@lru_cache(maxsize=16384)
def category_of(text: str) -> str | None:
    for pattern in vocabulary()["measures"]["categories"]["age"]:
        m = re.search(pattern, text.replace("\u2013", "-"), re.I)
        if m:
            # as printed in the label
            start, end = m.span()
            return " ".join(text[start:end].split())
    return None


@lru_cache(maxsize=16384)
def yrkesgrupp_of(label: str) -> str | None:
    """The yrkesgrupp a personal label is split by: the part after `` – `` or after a comma
    that starts with a yrkesgrupp word (``vocabulary/measures.yml``)."""
    groups = [norm(g) for g in vocabulary()["measures"]["yrkesgrupper"]]
    for m in re.finditer(r"(?:\s[–—-]\s|,\s)", label):
        rest = label[m.end():].strip()
        if any(norm(rest).startswith(g) for g in groups):
            return rest
    return None


_PLAIN = ("prognos", "bokslut", "budget", "utfall")
_COST_PER = re.compile(r"^(?:netto)?kostnad(?:er)?\b.*\b(?:kronor per|kr per|fördelat på)\b", re.I)
_COST_LABEL = re.compile(r"^(?:netto|brutto)?kostnad(?:er)?\s+(?:per|/)\s*\w", re.I)
_INTERVAL = re.compile(r"^(?:[-–]\s?\d{1,3}|\d{1,3}\s?[-–]\s?\d{0,3}|\d{1,3}\s?\+)(?:\s*år)?$")


def _word_pos(text: str, word: str) -> int | None:
    w = norm(word)
    if w.endswith("*"):
        m = re.search(rf"(?<![a-zåäö0-9]){re.escape(w[:-1])}", norm(text))
    else:
        m = re.search(rf"(?<![a-zåäö0-9]){re.escape(w)}(?![a-zåäö])", norm(text))
    return m.start() if m else None


@lru_cache(maxsize=16384)
def scenario_of(header: str) -> tuple[bool, str | None]:
    """(found, scenario): the first scenario entry whose word occurs in the header, as a
    word, a word start (``avv*``) or the head of a compound (``projektbudget``). Among
    utfall, budget, prognos and bokslut the word printed first wins (``Utfall i % av
    budget`` is utfall); avvikelse, förändring, målvärde come before them."""
    plain: list[tuple[int, str]] = []
    for entry in vocabulary()["columns"]["scenarios"]:
        if entry["scenario"] in _PLAIN:
            for w in entry["words"]:
                pos = _word_pos(header, w)
                if pos is not None:
                    plain.append((pos, entry["scenario"]))
            continue
        if any_word(header, entry["words"]):
            return True, entry["scenario"]
    if plain:
        return True, min(plain)[1]
    words = re.findall(r"[a-zåäö]+", norm(header))
    for entry in vocabulary()["columns"]["scenarios"]:
        for w in entry["words"]:
            stem = norm(w).rstrip("*.")
            if len(stem) >= 6 and " " not in stem and any(x.endswith(stem) and len(x) > len(stem) + 2 for x in words):
                return True, entry["scenario"]
    return False, None


@lru_cache(maxsize=16384)
def skip_column(header: str) -> bool:
    return any_word(header, vocabulary()["columns"]["skip_columns"]) is not None


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
    if money_unit(strong) or money_unit(table.heading or ""):
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


# --------------------------------------------------------------------------- columns

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
    date = _DATE.match(header.strip())
    year = period.year
    if period.relative_year and doc_year and scenario != "forandring":
        year = (year or doc_year) + period.relative_year if year is None or year == doc_year else year
    if not found:
        if date:
            scenario = "utfall"
        elif year is not None and doc_year is not None:
            if year > doc_year or (doc.doc_type in ("verksamhetsplan",) and year >= doc_year):
                scenario = "malvarde" if schema == "maluppfyllelse" else "budget"
            else:
                scenario = "utfall"
        else:
            scenario = "utfall"   # observed values without a scenario word (counts, statistics)
    meaning.scenario = scenario
    if year is None and doc_year is not None and scenario != "utgangsvarde":
        # (an utgångsvärde without a year is from before the plan: its year is not printed)
        year = doc_year + (period.relative_year if scenario != "forandring" else 0)
    meaning.year = year
    # the date the value runs to
    end = period.end
    if scenario == "prognos" and year is not None and not date:
        end = f"{year:04d}-12-31"     # a forecast is for the whole year ("Prognos augusti", "Årsprognos jan-aug")
    whole = after_whole or period.whole_year or has_word(col.group, "helår") or has_word(col.group, "helåret") \
        or has_word(header, "prognos") or has_word(header, "prognos*")
    current = period.current_period or has_word(col.group, "period") or has_word(col.group, "perioden")
    if period.relative_year and end and period.year is None and doc_year and scenario != "forandring":
        end = None
    compares_forecast = scenario == "avvikelse" and not period.end and not current and any(
        scenario_of(c.header)[1] == "prognos" and not has_word(c.group, "period*") for c in table.columns)
    stock = _stock_day(table) if end is None and year is not None and scenario == "utfall" and not whole else None
    if stock:
        end = f"{year:04d}-{stock[0]:02d}-{stock[1]:02d}"   # "Antal anställda 31 augusti": a stock
        date = True
    if end is None and year is not None:
        if whole or scenario == "prognos" or (scenario == "avvikelse" and has_word(header, "prognos*")) or compares_forecast:
            end = f"{year:04d}-12-31"
        elif current and doc.period and doc.period.end:
            end = doc.period.shifted(year - doc.period.year).end if doc.period.year else doc.period.end
        elif scenario in ("utfall", "avvikelse", "budget", "forandring") and doc.period and doc.period.end \
                and doc.period.year == year and doc.period.type != "helar" and (
                    not _YEAR_ONLY_HEADER(header) or (scenario == "utfall" and re.fullmatch(r"(?:19|20)\d\d", header.strip()))):
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
    if any_word(col.header, vocabulary()["columns"]["count_columns"]):
        other = Unit("antal", 1.0, None)
    elif "%" in header or has_word(header, "procent"):
        other = Unit("procent", 1.0, "%")
    elif re.search(r"\(åa\)|\båa\b|årsarbetare", header, re.I):
        other = Unit("arsarbetare", 1.0, "åa")
    meaning.unit = money or other
    meaning.kon = kon_of(header)
    meaning.category = category_of(header)
    meaning.measure = measure_in_text(col.header)
    return meaning


def _stock_day(table: Table) -> tuple[int, int] | None:
    """A day and month named by the caption or stub without a year (``Antal anställda per
    kön, 31 augusti``): the columns' years give the dates of a stock."""
    from pipelines.reports.periods import month_number
    text = " ".join([*table.caption[-2:], table.stub])
    for m in re.finditer(r"(?<!\d)(\d{1,2})\s+([A-Za-zåäö]+)\.?(?!\s*(?:19|20)\d\d)", text):
        month = month_number(m.group(2))
        day = int(m.group(1))
        if month and 1 <= day <= 31:
            return month, day
    return None


def _YEAR_ONLY_HEADER(header: str) -> bool:
    """A header that is a scenario word and a year only ("Budget 2026", "Utfall 2025"): a
    whole-year column."""
    return bool(re.fullmatch(r"[A-Za-zåäöÅÄÖ. ]{0,25}\s?(?:19|20)\d\d", header.strip()))


# --------------------------------------------------------------------------- table → facts

def _table_unit(table: Table) -> Unit | None:
    for text in (table.stub, *reversed(table.caption), *table.after, table.heading or ""):
        u = money_unit(text)
        if u:
            return u
    return None


def _table_other_unit(table: Table) -> Unit | None:
    for text in (table.stub, *reversed(table.caption), *table.after):
        if "%" in text or has_word(text, "procent"):
            return Unit("procent", 1.0, "%")
    return None


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
    return len(labels) >= 2 and all(_YEAR_ONLY.match(lb) or _DATE.match(lb) for lb in labels)


def table_facts(table: Table, doc: DocContext) -> list[Fact]:
    """Every value of a table as a fact (unchecked; checks.py adds the check results)."""
    skip_words = vocabulary()["schemas"]["skip_tables"]
    if any_word(" ".join([table.stub, *table.caption, *(c.header for c in table.columns)]), skip_words):
        return []
    schema = schema_of_table(table)
    t_unit = _table_unit(table) or _table_other_unit(table)
    goal = _goal_of(table) if schema == "maluppfyllelse" else None
    transposed = is_transposed(table)
    meanings = [column_meaning(c, table, doc, schema) for c in table.columns]
    for c_i, meaning in enumerate(meanings):
        if meaning.unit is None:
            meaning.unit = _column_cell_unit(table, c_i)
    roles = table_roles(table, doc, meanings)
    facts: list[Fact] = []
    for r_i, row in enumerate(table.rows):
        label = clean_label(row.label)
        if not label and not transposed:
            continue
        for c_i, cell in enumerate(row.cells):
            if cell is None or cell.num is None:
                continue
            meaning = meanings[c_i]
            if meaning.skip:
                continue
            fact = _cell_fact(table, doc, schema, row, label, cell, c_i, r_i, meaning, t_unit, goal, transposed,
                              roles)
            if fact is not None:
                facts.append(fact)
    return facts


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
        if column_posts or _is_residual_area(r.label):
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
    return {i: _LEAD.sub("", h).strip() for i, h in candidates.items()}


def table_roles(table: Table, doc: DocContext, meanings: list[ColumnMeaning]) -> TableRoles:
    roles = TableRoles(area_measure=_area_table_measure(table))
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


def _table_personal_measure(table: Table) -> str | None:
    """The personal measure a table's caption or stub names (``Sjukfrånvaro i procent …``)."""
    text = norm(" ".join([*table.caption[-2:], table.stub, table.heading or ""]))
    best: tuple[int, str] | None = None
    for entry in vocabulary()["measures"].get("personal", []):
        if not entry.get("measure"):
            continue
        for phrase in entry.get("match", []):
            p = norm(phrase).rstrip("*")
            if len(p) >= 5 and re.search(rf"(?<![a-zåäö]){re.escape(p)}(?![a-zåäö])", text) and (best is None or len(p) > best[0]):
                best = (len(p), entry["measure"])
    return best[1] if best else None


def _column_cell_unit(table: Table, c_i: int) -> Unit | None:
    """The money unit every other cell of a column prints (``0,2 mnkr`` … ``11,35``)."""
    units = [r.cells[c_i].num.unit for r in table.rows
             if c_i < len(r.cells) and r.cells[c_i] is not None and r.cells[c_i].num is not None]
    printed = {u.lower() for u in units if u}
    if len(printed) != 1 or sum(1 for u in units if u) < max(2, len(units) // 2 + 1):
        return None
    return money_unit(printed.pop())


def _whole_namnd(text: str) -> bool:
    """"Alla", "Samtliga" in an area column: the whole nämnd (area null)."""
    return label_key(text) in {norm(w) for w in vocabulary()["areas"].get("whole_namnd", [])}


def _heading_text(heading: str | None) -> str | None:
    """A numbered heading without its number ("3.1.1 Ekonomiskt bistånd" → "Ekonomiskt bistånd")."""
    if not heading:
        return None
    return re.sub(r"^\d+(?:\.\d+)*\.?\s*", "", heading).strip() or None


@lru_cache(maxsize=4096)
def _stub_measure(stub: str) -> str | None:
    """The verksamhet measure the header over the label column names (``Verksamhetsmått``)."""
    for measure, words in vocabulary()["schemas"].get("measure_stubs", {}).items():
        if stub and any_word(stub, words):
            return measure
    return None


def _area_table_measure(table: Table) -> str | None:
    """The post a table of areas shows, named by its stub, caption or heading; the text nearest
    to the table wins ("Driftredovisning / Investeringsredovisning / Investeringsredovisning
    (mnkr)" is investering)."""
    for text in (table.stub, *reversed(table.caption), *table.after, table.heading or ""):
        for measure, words in vocabulary()["areas"]["area_table_measures"].items():
            if text and any_word(text, words):
                return measure
    return None


def _caption_area(table: Table) -> str | None:
    """A sub-heading right above the table that is an area ("Bidrag / Allmän kulturverksamhet")."""
    line = table.caption[-1] if table.caption else table.section
    if line and is_area(line) and len(line.split()) <= 8:
        return _LEAD.sub("", line).strip()
    return None


def _cell_fact(table: Table, doc: DocContext, schema: str, row: Row, label: str, cell, c_i: int, r_i: int,
               meaning: ColumnMeaning, t_unit: Unit | None, goal: str | None, transposed: bool,
               roles: TableRoles) -> Fact | None:
    num = cell.num
    area_measure, area_rows = roles.area_measure, roles.area_rows
    if r_i in roles.foreign:
        area_measure = None
    area_row = not is_total(label) and (is_area(label) or r_i in roles.areas)
    column_text = meaning.header
    scenario, year, period_end, period_type = meaning.scenario, meaning.year, meaning.period_end, meaning.period_type
    fact_label = label
    measure_text = label
    if transposed:
        fact_label = clean_label(meaning.header)
        measure_text = fact_label
        column_text = label
        p = read_period(label)
        year = p.year
        period_end = p.end or (f"{p.year:04d}-12-31" if p.year else None)
        period_type = "helar" if period_end and period_end.endswith("12-31") else p.type
        if meaning.scenario is None:
            scenario = "utfall"
    if r_i in roles.row_months and not transposed and year is not None and scenario != "prognos" \
            and not read_period(meaning.header).end:
        # the row is the month (Januari | 2019 | 2018): its end in the column's year. A column
        # with a period of its own (Helårsprognos, Bokslut 2018) keeps it: a forecast per month
        # is for the whole year.
        period_end, period_type = month_end(year, roles.row_months[r_i]), "manad"
    elif roles.row_months and not transposed and year is not None and (pure := _pure_scenario(label)):
        # a month table's "Bokslut" / "Prog.Bokslut" row: that scenario for the column's whole year
        scenario, period_end, period_type = pure, f"{year:04d}-12-31", "helar"
    row_scenario = _row_scenario(label) if not transposed else None
    if row_scenario is not None and (_YEAR_ONLY.match(meaning.header.strip()) or not meaning.header.strip()):
        # the table puts the scenario in the rows ("Nettokostnader", then "Budget", "Budgetavvikelse")
        scenario = row_scenario
        above = _measure_above(table, r_i)
        if above:
            measure_text = above
    found = measure_of(measure_text)
    stub_measure = _stub_measure(table.stub)
    if found and found[0] == "verksamhet" and stub_measure:
        found = ("verksamhet", stub_measure, found[2])   # the label column says what the rows are
    if found and found[0] == "ekonomi" and is_total(label) and area_measure \
            and area_measure in vocabulary()["areas"].get("item_table_measures", []):
        found = ("ekonomi", area_measure, found[2])   # "Totala utgifter" of an investment table: investering
    residual_area = area_rows and schema == "ekonomi" and not is_total(label) and _is_residual_area(label)
    if residual_area:
        found = None   # "Övrigt" among areas is the remaining area, not the post övriga kostnader
    if found is None and _COST_PER.search(label):
        # a unit cost ("Kostnad per år för … fördelat på antalet patienter", "… kronor per år")
        found = ("ekonomi", "nettokostnad" if norm(label).startswith("netto") else None, "kr")
    row_schema = schema
    measure = None
    default_unit = None
    if meaning.measure and schema == "ekonomi" and not transposed and (found is None or found[0] != "ekonomi"
                                                                       or r_i in roles.areas):
        found = None   # the column names the measure ("Utfall intäkter period"); rows are areas
        row_schema, measure, default_unit = meaning.measure
    elif roles.column_posts and schema == "ekonomi" and scenario == "avvikelse" and not transposed and (
            found is None or r_i in roles.areas):
        found = None   # "Budgetavvikelse" beside columns of several posts: the deviation itself
        measure, default_unit = "budgetavvikelse", "tkr"
    if found:
        row_schema, measure, default_unit = found
        if schema == "maluppfyllelse" and row_schema != "ekonomi":
            row_schema, measure = "maluppfyllelse", "indikator"
    elif schema == "maluppfyllelse":
        measure = "indikator"
    elif measure is not None:
        pass
    elif schema == "ekonomi" and (area_measure or area_rows) and not roles.posts:
        measure = area_measure or roles.bottom_measure or "nettokostnad"
        default_unit = "tkr"
    elif schema == "verksamhet":
        measure = "ej_verkstallda_beslut" if has_word(label + " " + table.context, "ej verkställda") else "verksamhetsmatt"
        default_unit = "antal"
    if meaning.unit is not None and meaning.unit.unit == "antal" and row_schema == "ekonomi" and not found:
        row_schema, measure, default_unit = "verksamhet", "verksamhetsmatt", "antal"   # "Antal 2023" beside money
    area = None
    total = is_total(label)
    items = area_measure in vocabulary()["areas"].get("item_table_measures", [])
    group = getattr(row, "_group", None)
    column_area = roles.column_areas.get(c_i)
    # the section the whole table stands in: a sub-heading right above it, or its numbered heading
    table_area = _caption_area(table) if schema != "maluppfyllelse" else None
    if table_area is None and schema != "maluppfyllelse" and (heading := _heading_text(table.heading)) \
            and is_area(heading):
        table_area = heading
    if column_area and schema != "maluppfyllelse":
        area = column_area                     # the column is the area (Förvaltningsledning | IFO … | Summa)
    elif not total and group and is_area(group) and schema != "maluppfyllelse":
        area = _LEAD.sub("", group).strip()    # Verksamhet | Verksamhetsmått: the group column is the area
    elif not total and (area_row or residual_area
                        or (schema == "ekonomi" and not found and measure is not None and (not items or area_rows)
                            and not table_area and not roles.posts and not roles.by_stub
                            and measure != "budgetavvikelse")):
        area = _LEAD.sub("", label).strip()
    elif not total and row.section and is_area(row.section) and schema != "maluppfyllelse":
        area = _LEAD.sub("", row.section).strip()
    elif not total and getattr(row, "_attribute", None):
        area = None if _whole_namnd(row._attribute) else row._attribute
    elif table_area and not (total and roles.area_rows):
        area = table_area       # "3.1.1 Ekonomiskt bistånd" / "Allmän kulturverksamhet" above the table
                                # (its total too, unless the rows themselves are areas)
    # unit: cell, row label, column header, table, measure
    unit = _unit_for(num, label, meaning, t_unit, default_unit, row_schema, doc)
    if unit is None:
        return None
    if unit.unit == "tkr" and unit.raw and row_schema == "verksamhet" and measure == "verksamhetsmatt" and not found:
        row_schema, measure = "ekonomi", None    # a printed money amount ("0,2 mnkr"): not a count
    value = num.value
    raw_unit = unit.raw
    if unit.unit == "tkr" or (unit.factor != 1.0):
        value = scale(value, unit.factor)
    kon = meaning.kon or kon_of(label)
    if row_schema == "personal" and kon is None:
        kon = "T"
    if row.section and row_schema == "personal" and kon_of(row.section):
        kon = kon or kon_of(row.section)
    category = meaning.category or (category_of(label) if row_schema == "personal" else None)
    if category is None and row_schema == "personal":
        category = yrkesgrupp_of(label)     # "Sjukfrånvaro … (%) – undersköterskor"
    if row_schema == "personal" and measure is None and not found and (category or kon in ("K", "M")):
        measure = _table_personal_measure(table)   # "Kvinnor" in a sjukfrånvaro table
    if category is None and row_schema == "personal" and _INTERVAL.match(label.strip()):
        category = label.strip()                   # a row per interval: "-19", "20-25", "51 -"
    if category is None and not total and any_word(table.stub, vocabulary()["schemas"]["category_stubs"]):
        category = _LEAD.sub("", label).strip()   # a row per yrkesgrupp / åldersgrupp
    if row_schema == "personal" and measure is None and not found and category and unit.unit == "arsarbetare":
        measure = "arsarbetare"                    # a yrkesgrupp row in a column of årsarbetare (åa)
    if num.year is not None and not transposed:
        year = num.year
        period_end = f"{num.year:04d}-12-31" if period_end is None or period_end[:4] != str(num.year) else period_end
        if period_end and period_end[:4] != str(num.year):
            period_end = f"{num.year:04d}-12-31"
    g = goal
    if row_schema == "maluppfyllelse" and row.section:
        g = row.section
    confidence = 1.0
    if unit.raw is None and unit.unit == "tkr":
        confidence = 0.7
    return Fact(
        document=doc.document, page=table.page, schema=row_schema, label=fact_label, column=column_text,
        scenario=scenario, year=year, period_end=period_end, kon=kon, value=value, unit=unit.unit,
        evidence=row.evidence, method="table", measure=measure, area=area, goal=g, category=category,
        comparator=num.comparator, raw_value=" ".join(num.raw.split()), raw_unit=raw_unit, table_id=table.id,
        row=r_i, col=c_i, confidence=confidence, period_type=period_type, kommun_kod=doc.kommun_kod,
        namnd=doc.namnd, bbox=[round(cell.x0, 1), round(cell.top, 1), round(cell.x1, 1), round(cell.bottom, 1)]
        if table.source == "pdf" else None,
    )


def _row_scenario(label: str) -> str | None:
    key = label_key(label)
    table = {"budget": "budget", "budgetavvikelse": "avvikelse", "avvikelse": "avvikelse", "prognos": "prognos",
             "utfall": "utfall", "bokslut": "bokslut", "avvikelse mot budget": "avvikelse"}
    return table.get(key)


def _pure_scenario(label: str) -> str | None:
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
        if _row_scenario(lab) is None:
            return lab
    return None


def _unit_for(num, label: str, meaning: ColumnMeaning, t_unit: Unit | None, default_unit: str | None,
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
    lu = money_unit(label) if not _mentions_money_only_as_name(label) else None
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


def _mentions_money_only_as_name(label: str) -> bool:
    return False


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
