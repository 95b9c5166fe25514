"""Document metadata: kommun, nämnd, document type, report period.

The kommun comes, in this order, from the inbox sub-folder (``kommun_kod`` passed in),
an e-mail or web domain of a municipality (``@alingsas.se``), or "<name> kommun" /
"<name>s stad" on the first pages; a document that names several municipalities equally
(a kommunalförbund's member list) gets none and a warning.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from pipelines.reports.model import Period
from pipelines.reports.parse.periods import document_period, month_number, title_periods
from pipelines.reports.read.text import FLAT_LINE
from pipelines.reports.vocabulary import has_word, norm, vocabulary


@dataclass
class Metadata:
    kommun_kod: str | None = None
    kommun: str | None = None
    namnd: str | None = None
    dokumenttyp: str | None = None
    period: Period | None = None
    plan_year: int | None = None     # no report period: the first year of the span the title names
    forward: str | None = None       # what the document calls figures ahead: prognos or budget
    varningar: list[str] = field(default_factory=list)


def _fold(text: str) -> str:
    t = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in t if not unicodedata.combining(ch)).replace(" ", "").replace("-", "")


@lru_cache(maxsize=1)
def kommuner() -> dict[str, str]:
    return {str(k): v for k, v in vocabulary()["kommuner"]["kommuner"].items()}


@lru_cache(maxsize=1)
def _domains() -> dict[str, str]:
    out = {}
    for code, name in kommuner().items():
        out[_fold(name)] = code
    return out


@lru_cache(maxsize=1)
def _by_lower() -> dict[str, str]:
    return {v.lower(): k for k, v in kommuner().items()}


@lru_cache(maxsize=1)
def _name_pattern() -> re.Pattern[str]:
    names = sorted(kommuner().values(), key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in names)
    return re.compile(rf"\b((?:{alt})s?)\s+(?:kommun|kommuns|stad|stads)\b", re.I)


def find_kommun(text: str, head: str) -> tuple[str | None, str | None]:
    """(kommun_kod, name) from domains and "<name> kommun/stad" mentions, or (None, None)."""
    names = kommuner()
    votes: Counter[str] = Counter()
    for m in re.finditer(r"[\w.-]+@([\w-]+)\.se\b|\bwww\.([\w-]+)\.se\b|\b([\w-]+)\.se\b", text.lower()):
        dom = next(g for g in m.groups() if g)
        code = _domains().get(dom.replace("-", ""))
        if code:
            votes[code] += 3
    for m in _name_pattern().finditer(text):
        name = m.group(1).lower()
        code = _by_lower().get(name) or _by_lower().get(name[:-1] if name.endswith("s") else name)
        if code:
            votes[code] += 1
            if m.start() < len(head):
                votes[code] += 2
    if not votes:
        return None, None
    ranked = votes.most_common(3)
    if len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
        return None, None
    code = ranked[0][0]
    return code, names[code]


def find_namnd(head: str) -> str | None:
    head = " ".join(head.split())
    m = re.search(r"((?:[A-ZÅÄÖ][\wåäö-]+\s){1,3})är ett kommunalförbund", head)
    if m:
        return m.group(1).strip()
    counts = namnd_counts(head)
    if not counts or is_several_namnder(counts):
        return None
    low = head.lower()
    return sorted(counts, key=lambda n: (-counts[n], low.find(n.lower())))[0]


def is_several_namnder(counts: Counter[str]) -> bool:
    """Three or more nämnder named and none in half the mentions: a report about several
    nämnder (a kommun-wide uppföljning listing each nämnd's result), not about one."""
    return len(counts) >= 3 and max(counts.values()) * 2 < sum(counts.values())


def namnd_counts(head: str) -> Counter[str]:
    """How often each nämnd is named in ``head`` (the same patterns as find_namnd)."""
    head = " ".join(head.split())
    stop = {norm(s) for s in vocabulary()["documents"]["namnd_stop"]}
    counts: Counter[str] = Counter()
    for pattern in vocabulary()["documents"]["namnd_patterns"]:
        for m in re.finditer(pattern, head):
            name = " ".join(m.group(1).split())
            if norm(name) not in stop and len(name) >= 8:
                counts[name[0].upper() + name[1:]] += 1
    return counts


def find_type(head: str) -> str | None:
    for entry in vocabulary()["documents"]["document_types"]:
        for w in entry["words"]:
            if has_word(head, w):
                return entry["type"]
    return None


def kommun_from_folder(folder: str) -> str | None:
    """A folder named by a kommun (``alingsas``, ``Alingsås``): its kommunkod."""
    return _domains().get(_fold(folder))


def read_metadata(pages: list[str], kommun_kod: str | None = None, folder: str | None = None) -> Metadata:
    head = "\n".join(pages[:2])[:4000]
    full = "\n".join(pages)
    meta = Metadata()
    title = "\n".join(pages[:3])[:3000]
    meta.dokumenttyp = find_type(_title_lines(pages))
    meta.period = _repeated_title_period(full) or document_period(_title_lines(pages)) or document_period(title)
    if meta.period is None and meta.dokumenttyp == "verksamhetsplan":
        meta.period = _plan_period(_title_lines(pages))
    if meta.period is None and (plan := _plan_period(_title_lines(pages))):
        meta.plan_year = plan.year     # "Lokalförsörjningsplan 2026-2031": what lies ahead of 2026
    meta.forward = forward_scenario(full)
    in_year = vocabulary()["documents"].get("in_year_types", [])
    if meta.period and meta.dokumenttyp in in_year and meta.period.type == "helar" and meta.period.year \
            and not meta.period.current_period and _year_only(meta.period, _title_lines(pages)):
        meta.varningar.append(f"rapportperioden okänd: titeln anger bara året {meta.period.year}")
        meta.period = Period(year=meta.period.year)
    forbund = re.search(r"((?:[A-ZÅÄÖ][\wåäö-]+\s){1,2})är ett kommunalförbund", " ".join(full[:30000].split()))
    meta.namnd = forbund.group(1).strip() if forbund else (find_namnd(head) or find_namnd(full[:20000]))
    if meta.namnd is None and (is_several_namnder(namnd_counts(head)) or is_several_namnder(namnd_counts(full[:20000]))):
        meta.varningar.append("flera nämnder redovisas (kommunövergripande?): ingen nämnd satt")
    if kommun_kod:
        meta.kommun_kod = kommun_kod
        meta.kommun = kommuner().get(kommun_kod)
    else:
        meta.kommun_kod, meta.kommun = find_kommun(full[:200000], head)
        if meta.kommun_kod is None and folder:
            code = kommun_from_folder(folder)
            if code:
                meta.kommun_kod, meta.kommun = code, kommuner()[code]
    return meta


def forward_scenario(text: str) -> str | None:
    """``prognos`` when the document speaks of forecasts (``prognos``, ``befolkningsprognosen``,
    ``prognosperioden``) three times as often as of budgets, ``budget`` the other way round, else
    None: what an unnamed column of a later year holds."""
    words = re.findall(r"[a-zåäö]+", text.lower())
    n_prognos = sum(1 for w in words if "prognos" in w)
    n_budget = sum(1 for w in words if "budget" in w)
    if n_prognos >= 3 and n_prognos >= 3 * n_budget:
        return "prognos"
    if n_budget >= 3 and n_budget >= 3 * n_prognos:
        return "budget"
    return None


def _year_only(period: Period, title: str) -> bool:
    """The title gives the year and nothing of a month, tertial or date."""

    words = re.findall(r"[a-zåäö]+", title.lower())
    return not any(month_number(w) for w in words) and not re.search(r"\d{4}-\d\d-\d\d|tertial|kvartal|delår", title.lower())


def _plan_period(title: str) -> Period | None:
    """A plan for ``2026`` or ``2026–2028``: its first year, as a whole year."""
    m = re.search(r"(?<!\d)((?:19|20)\d\d)(?:\s?[-–]\s?(?:19|20)?\d\d)?(?!\d)", title)
    if not m:
        return None
    year = int(m.group(1))
    return Period(year=year, end=f"{year:04d}-12-31", type="helar", whole_year=True)


def _repeated_title_period(text: str):
    """The report period when a running header/footer repeats the title on several pages
    ("Arbetslivsnämnden, Budgetuppföljning Februari 2019 4(13)"): the most frequent
    "<rapportord> <månad> <år>" of the document, if it occurs three times or more."""
    from collections import Counter


    found = title_periods(text)
    if not found:
        return None
    (best, n), = Counter(found).most_common(1)
    return best if n >= 3 else None


# Of a line long enough to be a flattened page (read/text.py FLAT_LINE: one line per page),
# only the start is the title.
_FLAT_TITLE = 300


def _title_lines(pages: list[str]) -> str:
    """The first lines of the document (its title) and running page headers; of a text whose
    lines are whole flattened pages, the start of the first one (not twelve pages)."""
    first = [ln.strip() for ln in (pages[0] if pages else "").split("\n") if ln.strip()]
    if first and len(first[0]) > FLAT_LINE:
        return first[0][:_FLAT_TITLE]
    first = [ln[:_FLAT_TITLE] if len(ln) > FLAT_LINE else ln for ln in first]
    text = " ".join(first[:12])
    if len(text) < 40 and len(pages) > 1:
        second = [ln.strip() for ln in pages[1].split("\n") if ln.strip()]
        text += " " + " ".join(second[:6])
    return text
