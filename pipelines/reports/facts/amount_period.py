"""The period a sentence gives one of its amounts, and the earlier figure it compares it with.

A sentence about a key figure often prints two periods: ``Den totala sjukfrånvaron i juli
2019 var dock högre än föregående år: 6,13 % (jämfört med samma månad 2018 som var 4,79 %)``.
The year of an amount is the one printed right after it (``3,36% i juli 2018``, ``3,57%
(2018)``), else the last one printed before it in the sentence (``i juli 2019 var … 6,13 %``),
never one printed after it for another amount. Its month is the one named before it with
that year after ``t.o.m.``/``i``/``per`` or ending a span (``jan-juli 2019: 7,4 %`` ends 31
July), else the document's (``sedan mars`` dates nothing).

An amount after a target word (``Målvärde 2019: 5,9 procent``, ``målet om 5,9%``) is a
target, not an outcome. An amount introduced as the comparison (``jämfört med föregående
år (6,92 %)``, ``samma period 2018: 8,94 %``, ``från 3,57% (2018) till 3,56% (2019)``) is the
earlier year's figure of the same measure. Words in ``vocabulary/narrative.yml``
(``target_words``, ``comparison_words``).
"""

from __future__ import annotations

import re
from calendar import monthrange

from pipelines.reports.parse.periods import month_number, years_in
from pipelines.reports.vocabulary import norm, vocabulary

_YEAR = r"(?:19|20)\d\d"
# "3,36% i juli 2018", "3,57% (2018)", "7,4 % för 2019": a year bound to the amount before it
_YEAR_AFTER = re.compile(rf"^\s*(?:\(\s*({_YEAR})\s*\)|(?:i|för|under|per)\s+(?:[a-zåäö]+\s+)?({_YEAR})(?!\d))", re.I)
# a month that dates the amount: "t.o.m. juli", "i juli 2019", "per juli", the end of "jan-juli"
# ("sedan mars har … minskat till 6,1 %" is a starting point, not the rate's month)
_MONTH_AT = re.compile(r"(?:(?<![\wåäö])(?:t\.?\s?o\.?\s?m\.?|till och med|per|i)\s+|[-–]\s*)([a-zåäö]{3,})\.?", re.I)


def _words(key: str) -> list[str]:
    return vocabulary()["narrative"].get(key, [])


def _clause_break() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in _words("clause_words"))
    return re.compile(rf"[.;]\s" + (rf"|(?<![\wåäö])(?:{words})(?![\wåäö])" if words else ""), re.I)


def year_after(sentence: str, end: int) -> int | None:
    m = _YEAR_AFTER.match(sentence[end:end + 24])
    return int(m.group(1) or m.group(2)) if m else None


def amount_year(sentence: str, start: int, end: int, default: int | None) -> int | None:
    """The year of the amount at ``start:end``; ``default`` (the document's) when none is
    printed, and when the printed one is more than a year from it."""
    year = year_after(sentence, end)
    if year is None:
        before = years_in(sentence[:start])
        year = before[-1] if before else None
    if year is None or (default is not None and abs(year - default) > 1):
        return default
    return year


def month_end(sentence: str, start: int, year: int | None) -> str | None:
    """The end of the month named before the amount in its clause (``t.o.m. juli``, ``i juli
    2019``, ``jan-juli 2019``), in ``year``; None when the clause names no month."""
    if year is None:
        return None
    clause = _clause_break().split(sentence[:start])[-1]
    months = [m for m in (month_number(w) for w in _MONTH_AT.findall(clause)) if m]
    if months:
        last = months[-1]
        return f"{year:04d}-{last:02d}-{monthrange(year, last)[1]:02d}"
    return None


def is_target(sentence: str, start: int) -> bool:
    """The amount at ``start`` follows a target word, with at most a year and a colon between."""
    before = norm(sentence[max(0, start - 60):start])
    for w in _words("target_words"):
        stem = re.escape(norm(w).rstrip("*")) + (r"[\wåäö]*" if w.endswith("*") else "")
        if re.search(rf"(?<![\wåäö]){stem}(?:\s+(?:för|år))?(?:\s+{_YEAR})?\s*(?:[:=]|på|om|är|var)?\s*$", before):
            return True
    return False


def is_comparison(sentence: str, start: int) -> bool:
    """The amount at ``start`` is introduced as the figure compared with (``jämfört med
    föregående år (``, ``samma period 2018:``, ``från``)."""
    before = norm(sentence[max(0, start - 80):start])
    before = re.split(r"\d[\d ,]*\s?(?:%|procent)", before)[-1]    # only the words since the last amount
    return any(re.search(rf"(?<![\wåäö]){re.escape(norm(w))}(?![\wåäö])", before) for w in _words("comparison_words"))


def comparison_year(sentence: str, main_end: int, start: int, end: int, main_year: int | None) -> int | None:
    """The year of a compared amount at ``start:end`` after the main amount (ending at
    ``main_end``): printed right after it, or between the two amounts, or the year before the
    main one when the words between say ``föregående år``. Only the main year's previous
    year is accepted (anything else is not a comparison this reader understands)."""
    if main_year is None:
        return None
    year = year_after(sentence, end)
    if year is None:
        between = years_in(sentence[main_end:start])
        year = between[-1] if between else None
    if year is None and any(re.search(rf"(?<![\wåäö]){re.escape(norm(w))}", norm(sentence[main_end:start]))
                            for w in _words("previous_year_words")):
        year = main_year - 1
    return year if year == main_year - 1 else None


def comparison_before(sentence: str, start: int, end: int, main_start: int, main_year: int | None) -> int | None:
    """The year of a compared amount printed *before* the main one (``från 3,36% i juli 2018
    till 4,03%``): the year printed right after it, when it is the main year's previous year."""
    if main_year is None or start >= main_start:
        return None
    year = year_after(sentence, end)
    return year if year == main_year - 1 else None


def is_change(sentence: str, start: int) -> bool:
    """The amount at ``start`` is a change, not a level (``har gått ner med 0,7 procent``)."""
    before = norm(sentence[max(0, start - 40):start]).rstrip()
    return any(re.search(rf"(?<![\wåäö]){re.escape(norm(w))}$", before) for w in _words("change_words"))
