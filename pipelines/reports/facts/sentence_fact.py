"""One key figure read from a sentence → one fact: its sign from the words, its period from
the words around the amount (``amount_period.py``), its area from the sentence's subject, and
its label (the sentence's first words). Used by the sentence rules of ``narrative.py``."""

from __future__ import annotations

import re
from calendar import monthrange

from pipelines.reports.facts.amount_period import amount_year, month_end
from pipelines.reports.model import DocContext, Fact
from pipelines.reports.parse.numbers import MINUSES
from pipelines.reports.parse.units import money_unit
from pipelines.reports.vocabulary import has_word, norm, vocabulary
from pipelines.reports.vocabulary.lexicon import is_area

_MC = re.escape(MINUSES)


def same_day(period_end: str | None, year: int) -> str | None:
    """``period_end`` moved to ``year`` (29 February becomes the 28th)."""
    if not period_end:
        return None
    month, day = int(period_end[5:7]), int(period_end[8:10])
    return f"{year:04d}-{month:02d}-{min(day, monthrange(year, month)[1]):02d}"


def negative_in_words(sentence: str, start: int, sign_words: list[str]) -> bool:
    """The sentence says in words that the unsigned amount at ``start`` is negative: the
    nearest direction word before it is a sign word (``underskott``, ``negativt``), or it is
    followed by ``i underskott``."""
    positive = vocabulary()["narrative"].get("positive_words", [])
    before = norm(sentence[:start])
    last_neg = max((m.start() for w in sign_words
                    for m in re.finditer(rf"(?<![\wåäö]){re.escape(norm(w))}(?![\wåäö])", before)), default=-1)
    last_pos = max((m.start() for w in positive
                    for m in re.finditer(rf"(?<![\wåäö]){re.escape(norm(w).rstrip('*'))}"
                                         + ("" if w.endswith("*") else r"(?![\wåäö])"), before)), default=-1)
    if last_neg > last_pos:
        return True
    after = norm(sentence[start:start + 60])
    return bool(re.match(r"^[^a-zåäö]*(?:tkr|mnkr|mkr|miljoner kronor|msek)\s+i\s+underskott", after))


def sentence_fact(sentence: str, page, ctx: DocContext, rule: dict, value: float, raw: str, unit_word: str,
                   sign_words: list[str], start: int, end: int | None = None, year: int | None = None) -> Fact | None:
    percent = unit_word in ("%", "procent")
    if percent:
        unit, factor, raw_unit = "procent", 1.0, "%"
    else:
        mu = money_unit(unit_word)
        if mu is None:
            return None
        unit, factor, raw_unit = "tkr", mu.factor, unit_word
    explicit = bool(re.match(rf"[{_MC}+]", raw))
    if not explicit and not percent and rule["measure"] in vocabulary()["narrative"].get("sign_measures", []) \
            and negative_in_words(sentence, start, sign_words):
        value = -value
    if year is None:
        year = amount_year(sentence, start, end if end is not None else start + len(raw), ctx.year)
    if rule["period"] == "year_end" or (ctx.period and ctx.period.type == "helar"):
        period_end = f"{year:04d}-12-31" if year else None
        period_type = "helar" if year else None
    else:
        period_end = ctx.period.end if ctx.period else None
        period_type = ctx.period.type if ctx.period else None
        if year and ctx.period and ctx.period.year and year != ctx.period.year and period_end:
            period_end = same_day(period_end, year)
        if percent and (named := month_end(sentence, start, year)):
            period_end = named     # "t.o.m. juli är den totala sjukfrånvaron 8,5 %": July's rate
    kon = "T" if rule["schema"] == "personal" else None
    if rule["schema"] == "personal":
        k, m = has_word(sentence, "kvinnor*") or has_word(sentence, "kvinnornas"), has_word(sentence, "män") or has_word(sentence, "männen*")
        kon = "K" if k and not m else "M" if m and not k else kon     # "Sjukfrånvaron för kvinnor var 7,3 %"
    area = sentence_area(sentence, start)
    return Fact(
        document=ctx.document, page=page, schema=rule["schema"], label=label_of(sentence), column="",
        scenario=rule["scenario"], year=year, period_end=period_end, kon=kon,
        value=round(value * factor, 6) if factor != 1 else value, unit=unit, evidence=sentence,
        method="narrative", measure=rule["measure"], raw_value=raw, raw_unit=raw_unit, area=area,
        confidence=0.6, period_type=period_type, kommun_kod=ctx.kommun_kod, namnd=ctx.namnd,
    )


_FOR_AREA = re.compile(r"(?<![\wåäö])(?:för|inom|under)\s+", re.I)


def sentence_area(sentence: str, start: int) -> str | None:
    """The verksamhetsområde a key sentence is about: a run-in heading naming it (``VO Barn och
    familj: Sjukfrånvaron har …``), its first words (``Individ- och
    familjeomsorgen prognostiserar …``), else the words after ``för``/``inom``/``under`` before the
    amount (``Helårsprognosen för äldreomsorgen är -11,0 mnkr``)."""
    prefixes = "|".join(re.escape(w) for w in vocabulary()["narrative"].get("lead_area_prefixes", []))
    run_in = re.match(rf"^(?:{prefixes})\s+([A-ZÅÄÖ][^:.]{{2,50}}?):\s", sentence, re.I) if prefixes else None
    if run_in and len(run_in.group(1).split()) <= 6:
        return run_in.group(1).strip()     # "VO Barn och familj: Sjukfrånvaron har …"
    words = sentence.split()
    for n in range(1, min(5, len(words)) + 1):
        lead = " ".join(words[:n]).rstrip(",:")
        if is_area(lead):
            return lead
    for m in _FOR_AREA.finditer(sentence[:start]):
        after = sentence[m.end():start].split()
        for n in range(1, min(4, len(after)) + 1):
            phrase = " ".join(after[:n]).rstrip(",:.")
            if is_area(phrase):
                return phrase
    return None


def label_of(sentence: str) -> str:
    words = sentence.split()
    return " ".join(words[:12]) + (" …" if len(words) > 12 else "")
