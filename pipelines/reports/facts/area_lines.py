"""Lines that state an area's deviation: ``Förskola + 6 239 tkr`` under a heading or sentence
about avvikelse or prognos is that area's budgetavvikelse (its investment deviation when the
text around it is about investeringar). Part of the narrative readers (``narrative.py``)."""

from __future__ import annotations

import re

from pipelines.reports.model import DocContext, Fact
from pipelines.reports.parse.numbers import MINUSES
from pipelines.reports.parse.units import money_unit
from pipelines.reports.vocabulary import has_word

_MC = re.escape(MINUSES)

AREA_LINE = re.compile(
    rf"^\s*[•·\-–]?\s*(?P<name>[A-ZÅÄÖ][\wåäöÅÄÖ ,.&/()-]{{1,60}}?)\s+"
    rf"(?P<amount>(?:\+/-|±)\s?0(?:,0)?|[+{_MC}]\s?\d[\d ]*(?:,\d+)?)\s?(?P<unit>tkr|mnkr|mkr)\s*$",
    re.I,
)


def area_lines(text: str, page: int | None, ctx: DocContext, state: list[str]) -> list[Fact]:
    """The area lines of a page; ``state`` keeps the last trigger text across pages."""
    out: list[Fact] = []
    lines = text.split("\n")
    recent: list[str] = []
    for ln in lines:
        line = ln.strip()
        if line and not AREA_LINE.match(line):
            recent = (recent + [line])[-4:]
            if re.search(r"avvikelse|prognos|kommentar|budget", line, re.I):
                # the lines around the trigger: a sentence wrapped over lines ("… prognostiserar
                # investeringar på 216,5 mnkr mot / budgeterade nivåer") is one context
                state[0] = " ".join(recent)
        m = AREA_LINE.match(line)
        context = state[0]
        if not m or not context:
            continue
        amount = m.group("amount").replace(" ", "")
        if amount.startswith(("+/-", "±")):
            value = 0.0
        else:
            sign = -1 if amount[0] in MINUSES else 1
            value = sign * float(amount.lstrip("+" + MINUSES).replace(",", "."))
        mu = money_unit(m.group("unit"))
        if mu is None:
            continue
        name = " ".join(m.group("name").split()).rstrip(" ,")
        invest = has_word(context, "investering*")
        year = ctx.year
        out.append(Fact(
            document=ctx.document, page=page, schema="ekonomi", label=name, column="",
            scenario="avvikelse", year=year, period_end=f"{year:04d}-12-31" if year else None, kon=None,
            value=round(value * mu.factor, 6), unit="tkr", evidence=line, method="narrative",
            measure="investering" if invest else "budgetavvikelse", area=name,
            raw_value=m.group("amount").strip(), raw_unit=m.group("unit"), confidence=0.6,
            period_type="helar" if year else None, kommun_kod=ctx.kommun_kod, namnd=ctx.namnd,
        ))
    return out
