"""Statuses and counts stated in running text (``narrative.py`` reads the key figures):

- uppdrag: ``Uppdrag: <text> Status Pågående`` and tab lines ``▶ <text> Pågående``;
- a goal's status in a sentence under its heading (``Målet … bedöms ha uppnåtts``);
- ej verkställda beslut: ``Antal ej verkställda beslut 2 … Kvinnor: 1 Män: 1``.
"""

from __future__ import annotations

import re

from pipelines.reports.model import DocContext, Fact, Period, month_end
from pipelines.reports.vocabulary import has_word, norm, vocabulary


# --------------------------------------------------------------------------- uppdrag

def _status_words() -> list[tuple[str, str]]:
    out = []
    for status, words in vocabulary()["status"]["uppdrag"].items():
        for w in words:
            out.append((w, status))
    return sorted(out, key=lambda p: len(p[0]), reverse=True)


def _status_of(text: str) -> str | None:
    t = norm(text)
    for w, status in _status_words():
        if t == norm(w):
            return status
    return None


def uppdrag(text: str, page: int | None, ctx: DocContext) -> list[Fact]:
    out: list[Fact] = []
    # "Uppdrag: <text> Status Pågående" (running text)
    for m in re.finditer(r"Uppdrag:\s*(?P<text>.{5,300}?)\s+Status\s+(?P<status>Pågående med avvikelser|Pågående|Avslutad|Avslutat|Ej påbörjad|Ej påbörjat|Genomförd|Försenad)",
                         text.replace("\n", " ")):
        status = _status_of(m.group("status")) or m.group("status")
        label = " ".join(m.group("text").split())
        # a form "Uppdrag: … Status …" is a two-column table flattened into the text
        out.append(_uppdrag_fact(ctx, page, label, status, m.group(0), 0.9, table=True))
    # table lines: "<icon>\t<text>\t<status>"
    icons = vocabulary()["status"]["icon_status"]
    for line in text.split("\n"):
        cells = [c.strip() for c in line.split("\t") if c.strip()]
        if len(cells) < 2:
            continue
        status = _status_of(cells[-1])
        icon = cells[0] if cells[0] in icons else None
        if status is None and icon:
            status = icons[icon]
        if status is None:
            continue
        # skip the icon, and any mark without letters standing in for one (a cp1252 file has
        # "?" where the UTF-8 original has ✓ ▶ ⏸)
        texts = [c for c in cells if c not in icons and _status_of(c) is None and any(ch.isalpha() for ch in c)]
        if not texts or len(texts[0]) < 10:
            continue
        conf = 0.9 if _status_of(cells[-1]) else 0.6
        out.append(_uppdrag_fact(ctx, page, texts[0], status, line.strip(), conf))
    return out


def _uppdrag_fact(ctx: DocContext, page, label: str, status: str, evidence: str, confidence: float,
                  table: bool = False) -> Fact:
    year = ctx.year
    table = table or "\t" in evidence
    return Fact(
        document=ctx.document, page=page, schema="maluppfyllelse", label=label, column="Status",
        scenario=None, year=year, period_end=ctx.period.end if ctx.period else None, kon=None, value=None,
        unit="status", evidence=" ".join(evidence.split()), method="table" if table else "narrative",
        measure="uppdrag", status=status, confidence=confidence,
        period_type=ctx.period.type if ctx.period else None, kommun_kod=ctx.kommun_kod, namnd=ctx.namnd,
        table_id="uppdrag" if table else None,
    )


# --------------------------------------------------------------------------- goal status sentences

def goal_status(text: str, page: int | None, ctx: DocContext, goals: list[str], heading: list) -> list[Fact]:
    """``Målet … bedöms ha uppnåtts`` under a goal heading → the goal's status."""
    rule = vocabulary()["narrative"]["goal_status"]
    known = {norm(g): g for g in goals}
    subject = "|".join(re.escape(w) for w in rule["subject"])
    verbs = "|".join(re.escape(w) for w in rule["verbs"])
    pattern = re.compile(rf"\b(?:{subject})\b[^.]{{0,200}}?\b(?:{verbs})\b(?P<tail>[^.]{{0,160}})", re.I)
    out: list[Fact] = []
    buffer: list[str] = []
    for line in text.split("\n") + [""]:
        stripped = " ".join(line.split())
        if norm(stripped) in known:
            heading[0] = known[norm(stripped)]
            buffer = []
            continue
        if stripped:
            buffer.append(stripped)
            if not re.search(r"[.!?]$", stripped):
                continue
        paragraph = " ".join(buffer)
        buffer = []
        if not heading[0]:
            continue
        for m in pattern.finditer(paragraph):
            tail = re.split(r",|\btrots\b|\bdå\b|\beftersom\b|\bmen\b", m.group("tail"), maxsplit=1)[0]
            status = next((st for word, st in rule["statuses"] if has_word(tail, word + "*")), None)
            if status is None:
                continue
            sentence = paragraph[m.start():m.end() + 1].strip()
            out.append(Fact(
                document=ctx.document, page=page, schema="maluppfyllelse", label=heading[0], column="",
                scenario=None, year=ctx.year, period_end=ctx.period.end if ctx.period else None, kon=None,
                value=None, unit="status", evidence=sentence[:300], method="narrative", measure="mal",
                goal=heading[0], status=status, confidence=0.6,
                period_type=ctx.period.type if ctx.period else None, kommun_kod=ctx.kommun_kod,
                namnd=ctx.namnd,
            ))
            break
    return out


# --------------------------------------------------------------------------- ej verkställda beslut

def _evb_period(before: str):
    """The quarter the count is reported for: ``redovisning för kvartal 1 2019 (… till och
    med 2019-03-31)``; the last such statement before the count."""
    found = None
    for m in re.finditer(r"kvartal\s+([1-4])\s+((?:19|20)\d\d)|\b(?:Q|K)([1-4])\s+((?:19|20)\d\d)", before, re.I):
        q, y = int(m.group(1) or m.group(3)), int(m.group(2) or m.group(4))
        found = Period(type="kvartal", year=y, end=month_end(y, 3 * q))
    return found


_EVB = re.compile(r"Antal ej verkställda beslut:?\s+(?P<n>\d{1,4})\b(?P<rest>.{0,400})", re.I | re.S)


def ej_verkstallda(text: str, page: int | None, ctx: DocContext) -> list[Fact]:
    out: list[Fact] = []
    flat = " ".join(text.split())
    for m in _EVB.finditer(flat):
        rest = m.group("rest")
        insats = None
        im = re.search(r"insatser till:\s*(?:(?:en|ett|två|tre|fyra|fem|\d+)\s+(?:stycken\s+)?)?(?P<i>[^.:]{5,120})[.]", rest, re.I)
        if im:
            insats = " ".join(im.group("i").split())
        period = _evb_period(flat[max(0, m.start() - 500):m.start()]) or ctx.period
        law = "LSS" if re.search(r"\bLSS\b", flat) else ("SoL" if re.search(r"\bSoL\b", flat) else None)
        base = dict(
            document=ctx.document, page=page, schema="verksamhet", column="", scenario="utfall",
            year=period.year if period else None, period_end=period.end if period else None,
            unit="antal", method="narrative", measure="ej_verkstallda_beslut", category=insats,
            confidence=0.7, period_type=period.type if period else None, kommun_kod=ctx.kommun_kod,
            namnd=ctx.namnd,
        )
        label = "Antal ej verkställda beslut" + (f" ({law})" if law else "")
        out.append(Fact(label=label, kon="T", value=float(m.group("n")), evidence=m.group(0)[:200].strip(),
                        raw_value=m.group("n"), **base))
        km = re.search(r"Kvinnor:?\s*(\d{1,4})\s*,?\s*Män:?\s*(\d{1,4})", rest)
        if km:
            for kon, val in (("K", km.group(1)), ("M", km.group(2))):
                out.append(Fact(label=label, kon=kon, value=float(val), evidence=km.group(0), raw_value=val, **base))
    return out
