"""Unit words and scaling: money always out in tkr, percent kept as percent.

The unit of a value comes from the closest place that prints one: the cell itself, then
the row label, the column header, the table's caption/stub, and last the measure's own
unit from the vocabulary.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipelines.reports.model import Unit
from pipelines.reports.vocabulary import norm, vocabulary, word_re as _word_re


@lru_cache(maxsize=16384)
def money_unit(text: str) -> Unit | None:
    """The money unit printed in a text (``Belopp i tkr``, ``(mnkr)``, ``Miljoner kronor``)."""
    if not text:
        return None
    t = norm(text)
    best: tuple[int, Unit] | None = None
    for key, spec in vocabulary()["units"]["money"].items():
        for word in spec["words"]:
            for m in _word_re(word).finditer(t):
                # the longest, leftmost-specific word wins ("miljoner kronor" over "kronor")
                cand = (len(norm(word)), Unit("tkr", float(spec["factor"]), word))
                if best is None or cand[0] > best[0]:
                    best = cand
    if best is None:
        return None
    unit = best[1]
    raw = _printed(text, unit.raw or "")
    if unit.factor == 0.001 and is_per_unit(t):
        return Unit("kr", 1.0, raw)
    return Unit(unit.unit, unit.factor, raw)


def _printed(text: str, word: str) -> str:
    """The unit word as printed in ``text`` ("Belopp i tkr" → "tkr", "(mnkr)" → "mnkr")."""
    core = norm(word).strip("()")
    core = core.replace("belopp i ", "")
    flat = " ".join(text.replace("\u00ad", "").split())
    m = re.search(rf"(?<![A-Za-zåäöÅÄÖ]){re.escape(core)}(?![a-zåäö])", flat, re.I)
    return m.group(0) if m else core


def is_per_unit(text: str) -> bool:
    t = norm(text)
    return any(norm(w) in t for w in vocabulary()["units"]["per_unit"])


@lru_cache(maxsize=16384)
def other_unit(text: str) -> Unit | None:
    """A non-money unit named in a label or header (percent, årsarbetare, dagar, index, antal)."""
    if not text:
        return None
    t = norm(text)
    units = vocabulary()["units"]
    for key in ("percent", "arsarbetare", "dagar", "index", "timmar", "antal"):
        for word in units[key]:
            if _word_re(word).search(t):
                name = {"percent": "procent"}.get(key, key)
                return Unit(name, 1.0, word)
    return None


def scale(value: float, factor: float) -> float:
    v = value * factor
    return round(v, 6) if factor != 1 else v
