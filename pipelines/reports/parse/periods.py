"""Period words, dates and report periods (Swedish).

:func:`read_period` reads what a piece of text (a column header, a title line) says about
time: a year, the date the period runs to, and the kind of period. It never guesses a year
that is not printed; callers pass the document period for headers such as ``Utfall perioden``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipelines.reports.model import Period, month_end
from pipelines.reports.vocabulary import vocabulary, word_re
from pipelines.reports.vocabulary.lexicon import scenario_of


def _months() -> dict[str, int]:
    return {k.lower(): int(v) for k, v in vocabulary()["periods"]["months"].items()}


def month_number(word: str) -> int | None:
    return _months().get(word.lower().rstrip("."))


_YEAR = re.compile(r"(?<![\d,.])((?:19|20)\d\d)(?![\d,])")
_ISO = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
_YYYYMM = re.compile(r"(?<![\d-])((?:19|20)\d\d)-?(0[1-9]|1[0-2])(?![\d-])")
# a school year (läsår): 26/27, 2026/27, 2026/2027 — two consecutive years, the first one's
# autumn to the second one's 30 June
_SCHOOL_YEAR = re.compile(r"(?<![\d/.,-])((?:19|20)?\d\d)\s?/\s?((?:19|20)?\d\d)(?![\d/.,-])")
# a source cited with its year, "(Sweco 2022)", "(SCB, 2025)": not the period of the values
_CITATION = re.compile(r"\(([A-ZÅÄÖ][\wåäöÅÄÖ&.-]*(?:\s[A-ZÅÄÖ][\wåäöÅÄÖ&.-]*)?),?\s((?:19|20)\d\d)\)")
_TERTIAL = re.compile(r"\b(?:T|tertial\s?)([1-3])\b", re.I)
_KVARTAL = re.compile(r"\b(?:Q|kv\.?\s?|kvartal\s?)([1-4])\b", re.I)
_KVARTAL_AFTER = re.compile(r"\b([1-4]):?a?\s?kvartalet\b", re.I)


def years_in(text: str) -> list[int]:
    """The years (1900–2099) printed in ``text``, in order, not parts of longer numbers."""
    return [int(y) for y in _YEAR.findall(text)]


def _month_pattern() -> re.Pattern[str]:
    words = sorted(_months(), key=len, reverse=True)
    return re.compile(r"(?<![A-Za-zåäöÅÄÖ])(" + "|".join(re.escape(w) for w in words) + r")\.?(?![A-Za-zåäöÅÄÖ])", re.I)


def read_period(text: str, default_year: int | None = None) -> Period:
    """What ``text`` says about time. ``default_year`` fills in a month without a year."""
    t = _CITATION.sub(lambda m: " " if _cited(m.group(1)) else m.group(0), " ".join(text.replace("\u00ad", "").split()))
    t = " ".join(t.split())
    low = t.lower()
    words = vocabulary()["periods"]
    relative = -1 if any(w in low for w in words["previous_year"]) else 0
    for w in sorted(words["previous_year"], key=len, reverse=True):
        low = low.replace(w, " ")
    whole = any(word_re(w).search(low) for w in words["whole_year"])
    current = any(word_re(w).search(low) for w in words["current_period"])

    m = _ISO.search(t)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12:
            end = f"{y:04d}-{mo:02d}-{d:02d}"
            return Period(y, end, "helar" if (mo, d) == (12, 31) else _type_of_month(mo), relative, whole, current)
    school = None if _year_pair(low, words) else school_year(t)
    if school:
        return Period(school, f"{school + 1:04d}-06-30", "lasar", relative, whole, current)
    years = [int(y) for y in _YEAR.findall(t)]
    year = years[-1] if years else default_year
    m = _YYYYMM.search(t)
    if m and not _ISO.search(t) and (len(m.group(0)) == 6 or "-" in m.group(0)):
        y, mo = int(m.group(1)), int(m.group(2))
        if m.group(0).count("-") == 1 and len(years) > 1:
            pass
        return Period(y, month_end(y, mo), "manad", relative, whole, current)
    m = _TERTIAL.search(t)
    if m:
        n = int(m.group(1))
        y = year
        return Period(y, month_end(y, 4 * n) if y else None, "tertial" if n < 3 else "helar", relative, whole, current)
    m = _KVARTAL.search(t) or _KVARTAL_AFTER.search(t)
    if m:
        n = int(m.group(1))
        y = year
        return Period(y, month_end(y, 3 * n) if y else None, "kvartal", relative, whole, current)
    months = [month_number(mm.group(1)) for mm in _month_pattern().finditer(t)]
    months = [mo for mo in months if mo]
    if months:
        mo = months[-1]
        y = year
        return Period(y, month_end(y, mo) if y else None, "helar" if mo == 12 and len(months) > 1 and months[0] == 1 else "manad",
                      relative, whole, current)
    if whole:
        return Period(year, f"{year:04d}-12-31" if year else None, "helar", relative, True, current)
    if years:
        return Period(year, None, None, relative, whole, current)
    return Period(None, None, None, relative, whole, current)


def _cited(name: str) -> bool:
    """Whether the words before a year in brackets name a source, not a time or scenario
    (``Sweco``, ``SYSTRA``, ``SCB`` yes; ``Budget``, ``Jan``, ``T1``, ``Helår`` no)."""
    words = vocabulary()["periods"]
    low = name.lower()
    if scenario_of(name)[0] or any(month_number(w) for w in low.split()):
        return False
    if any(w in low for w in (*words["previous_year"], *words["whole_year"], *words["current_period"])):
        return False
    return not re.search(r"\d|tertial|kvartal|delår|år\b", low)


def _year_pair(low: str, words: dict) -> bool:
    """Whether the text compares two years (``Förändring åa 2024/2025``): then ``2024/2025``
    is a pair of years, and the period is the later one's, not a läsår."""
    return any(re.search(r"\b" + re.escape(w), low) for w in words.get("year_pair_words", ()))


def school_year(text: str) -> int | None:
    """The first calendar year of a läsår printed as ``26/27``, ``2026/27`` or ``2026/2027``."""
    printed = {int(y) for y in _YEAR.findall(text)}
    for m in _SCHOOL_YEAR.finditer(text):
        first, second = m.group(1), m.group(2)
        if len(first) == 2 and len(second) == 4:
            continue
        n = int(first)
        y1 = n if len(first) == 4 else (2000 + n if n < 70 else 1900 + n)
        if int(second) % 100 != (y1 + 1) % 100 or (len(second) == 4 and int(second) != y1 + 1):
            continue
        if len(first) == 2 and printed - {y1, y1 + 1}:
            continue     # "11/12 2025": a day and month beside a year, not a läsår
        return y1
    return None


def row_month(label: str) -> tuple[int, bool] | None:
    """The month a row label names, when it names nothing else: ``Januari`` → (1, False);
    a span or sum up to a month (``S.A Jan-Febr``, ``Ack jan–feb``) → (2, True). None for any
    other label (``Prognos``, ``Sjukfrånvaro jan–dec``, ``Mars 2019``)."""
    words = vocabulary()["periods"]
    prefixes = {w.lower() for w in words.get("row_month_prefixes", [])}
    tokens = [t for t in re.split(r"[\s\-–—−/]+", " ".join(label.lower().split())) if t]
    accumulated = False
    while tokens and tokens[0] in prefixes:
        tokens, accumulated = tokens[1:], True
    months = [month_number(t) for t in tokens]
    if not months or len(months) > 2 or None in months:
        return None
    if len(months) == 2 and months[0] >= months[1]:
        return None
    return months[-1], accumulated or len(months) == 2


def _type_of_month(month: int) -> str:
    return "manad"


def title_periods(text: str) -> list[Period]:
    """Every "<rapportord> <månad> <år>" in a text, as periods."""
    words = vocabulary()["periods"]
    mp = _month_pattern().pattern[len("(?<![A-Za-zåäöÅÄÖ])("):-len(r")\.?(?![A-Za-zåäöÅÄÖ])")]
    title_words = [w for ws in words["document_period_types"].values() for w in ws]
    tw = "|".join(re.escape(w) for w in sorted(title_words, key=len, reverse=True))
    out = []
    for m in re.finditer(rf"({tw})\w*\s+(?:per\s+|efter\s+)?({mp})\.?\s*[-–]?\s*((?:19|20)\d\d)", " ".join(text.lower().split())):
        mo = month_number(m.group(2))
        if mo:
            y = int(m.group(3))
            kind = next((k for k, ws in words["document_period_types"].items() if m.group(1) in ws), "manad")
            if kind == "manad" and m.group(1).startswith("uppföljningsrapport") and mo in (4, 8):
                kind = "tertial"
            out.append(Period(y, month_end(y, mo), kind))
    return out


def document_period(text: str) -> Period | None:
    """The report period of a document from its title lines ("Delårsrapport mars 2026",
    "Månadsuppföljning maj 2026", "per april 2026", "Årsredovisning 2025", "Rapportperiod:
    2025-12-31", "kvartal 1 2019"). None when the text does not say."""
    t = " ".join(text.split())
    low = t.lower()
    words = vocabulary()["periods"]
    m = re.search(r"rapportperiod:?\s*((?:19|20)\d\d-\d\d-\d\d)", low)
    if m:
        p = read_period(m.group(1))
        return replace(p, type="helar" if p.end and p.end.endswith("12-31") else p.type)
    mp = _month_pattern().pattern[len("(?<![A-Za-zåäöÅÄÖ])("):-len(r")\.?(?![A-Za-zåäöÅÄÖ])")]
    # the title itself: "<report word> <month> <year>" ("Uppföljningsrapport Augusti 2016")
    title_words = [w for ws in words["document_period_types"].values() for w in ws]
    tw = "|".join(re.escape(w) for w in sorted(title_words, key=len, reverse=True))
    m = re.search(rf"({tw})\w*\s+(?:per\s+|efter\s+)?({mp})\.?\s*[-–]?\s*((?:19|20)\d\d)", low)
    if m:
        mo = month_number(m.group(2))
        if mo:
            y = int(m.group(3))
            kind = next((k for k, ws in words["document_period_types"].items() if m.group(1) in ws), "manad")
            if kind == "manad" and m.group(1).startswith("uppföljningsrapport") and mo in (4, 8):
                kind = "tertial"   # Uppföljningsrapport April/Augusti: tertial 1 and 2
            return Period(y, month_end(y, mo), kind)
    # "per april 2026", "efter februari 2019", "per 30 april"
    m = re.search(rf"\b(?:per|efter|t\.?\s?o\.?\s?m\.?|till och med)\s+(?:\d{{1,2}}\s+)?({mp})\.?\s*((?:19|20)\d\d)?", low)
    kind = None
    for key, pattern_words in words["document_period_types"].items():
        if any(w in low for w in pattern_words):
            kind = key
            break
    years = [int(y) for y in _YEAR.findall(t)]
    if m:
        mo = month_number(m.group(1))
        y = int(m.group(2)) if m.group(2) else (years[0] if years else None)
        if mo and y:
            return Period(y, month_end(y, mo), kind if kind in ("tertial", "delar") else "manad")
    q = _KVARTAL.search(t) or _KVARTAL_AFTER.search(t)
    if q and years:
        y = years[0]
        return Period(y, month_end(y, 3 * int(q.group(1))), "kvartal")
    tt = _TERTIAL.search(t)
    if tt and years:
        n = int(tt.group(1))
        return Period(years[0], month_end(years[0], 4 * n), "tertial" if n < 3 else "helar")
    if kind == "helar" and years:
        return Period(years[0], f"{years[0]:04d}-12-31", "helar")
    if kind in ("delar", "manad", "tertial") and years:
        # "Delårsrapport 2025 … Perioden januari–augusti": a month range, the year elsewhere
        mr = re.search(rf"({mp})\.?\s*[-–]\s*({mp})\.?(?!\s*(?:19|20)\d\d)", low)
        if mr and month_number(mr.group(1)) == 1 and month_number(mr.group(2)):
            return Period(years[0], month_end(years[0], month_number(mr.group(2))), kind)
    if kind in ("delar", "manad", "tertial"):
        # "Delårsrapport mars 2026", "Månadsuppföljning maj 2026", "Uppföljningsrapport Augusti 2016"
        mm = re.search(rf"({mp})\.?\s*[-–]?\s*((?:19|20)\d\d)", low)
        if mm:
            mo = month_number(mm.group(1))
            y = int(mm.group(2))
            if mo:
                return Period(y, month_end(y, mo), kind)
    return None
