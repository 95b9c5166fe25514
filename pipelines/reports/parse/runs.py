"""Runs of numbers printed without cell boundaries: ``-97 261-97 061-200``, ``1 124 1 118.7``,
``8.29% 8.60%``.

A space may be a thousands separator or a cell boundary, and numbers may run together when
the minus of the next one follows without a space. A run is split into *atoms* (an optional
sign, digits, optional decimals or percent); a *reading* groups the atoms into numbers:

- a sign always starts a number;
- an atom of exactly three digits after a space may continue the number before it (a
  thousands group) when that number has no decimals and no percent yet, and started with
  one to three digits or went on in groups of three;
- decimals (comma, or point in BI exports) and a percent sign end a number;
- a number does not start with a zero followed by more digits (``042`` is a thousands group).

Readings keep each number's printed text, so a cell made from it parses as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipelines.reports.parse.numbers import MINUSES, SPACES

_MC = re.escape(MINUSES)
_ATOM = re.compile(rf"(?P<sign>[{_MC}+])?(?P<digits>\d+)(?:[,.](?P<dec>\d+))?(?P<pct>\s?%)?")


@dataclass(frozen=True)
class Atom:
    text: str
    sign: str | None
    digits: str
    dec: str | None
    pct: bool
    space_before: bool       # separated from the atom before by a space (not glued by a sign)
    start: int               # offsets in the run's text
    end: int


@dataclass(frozen=True)
class Piece:
    """One number of a reading, as printed."""

    raw: str
    value: float
    decimals: int
    percent: bool
    start: int
    end: int

    @property
    def digits(self) -> int:
        """Digits before the decimals (the number's magnitude)."""
        return len(str(int(abs(self.value)))) if self.value else 1


def atoms(text: str) -> list[Atom] | None:
    """The atoms of a run, or None when the text is not only numbers."""
    out: list[Atom] = []
    pos, n = 0, len(text)
    while pos < n:
        space = False
        while pos < n and text[pos] in SPACES:
            pos += 1
            space = True
        if pos >= n:
            break
        m = _ATOM.match(text, pos)
        if not m:
            return None
        out.append(Atom(m.group(0), m.group("sign"), m.group("digits"), m.group("dec"), bool(m.group("pct")),
                        space or not out, m.start(), m.end()))
        pos = m.end()
    return out


MAX_GROUPS = 4          # "123 456 789 012": a number of more groups is two numbers


def _continues(prev: list[Atom], nxt: Atom) -> bool:
    last = prev[-1]
    if nxt.sign or not nxt.space_before or len(nxt.digits) != 3 or last.dec or last.pct or len(prev) >= MAX_GROUPS:
        return False
    if len(prev) == 1:
        return len(last.digits) <= 3
    return True      # groups after the first are three digits (checked when they were added)


def _starts(atom: Atom) -> bool:
    return atom.sign is not None or not (len(atom.digits) > 1 and atom.digits[0] == "0")


def _piece(text: str, group: list[Atom]) -> Piece:
    first, last = group[0], group[-1]
    digits = "".join(a.digits for a in group)
    value = float(f"{digits}.{last.dec}" if last.dec else digits)
    if first.sign and first.sign != "+":
        value = -value
    return Piece(text[first.start:last.end], value, len(last.dec or ""), last.pct, first.start, last.end)


def readings(text: str, run: list[Atom], count: int, limit: int = 256) -> list[list[Piece]]:
    """Every reading of ``run`` as exactly ``count`` numbers (at most ``limit``)."""
    if count not in _counts(_shape(run), 0):
        return []
    out: list[list[Piece]] = []

    def walk(k: int, acc: list[Piece]) -> None:
        if len(out) >= limit:
            return
        if len(acc) == count:
            if k == len(run):
                out.append(list(acc))
            return
        if len(run) - k < count - len(acc) or not _starts(run[k]):
            return
        group = [run[k]]
        while True:
            acc.append(_piece(text, group))
            walk(k + len(group), acc)
            acc.pop()
            nxt = k + len(group)
            if nxt >= len(run) or not _continues(group, run[nxt]):
                break
            group.append(run[nxt])

    walk(0, [])
    return out


def prefix_readings(text: str, run: list[Atom], start: int, count: int):
    """Every reading of exactly ``count`` numbers from ``run[start:]``: (pieces, next index)."""
    def walk(k: int, acc: list[Piece]):
        if len(acc) == count:
            yield list(acc), k
            return
        if k >= len(run) or not _starts(run[k]):
            return
        group = [run[k]]
        while True:
            acc.append(_piece(text, group))
            yield from walk(k + len(group), acc)
            acc.pop()
            nxt = k + len(group)
            if nxt >= len(run) or not _continues(group, run[nxt]):
                break
            group.append(run[nxt])

    yield from walk(start, [])


def counts(run: list[Atom]) -> set[int]:
    """How many numbers ``run`` can be read as."""
    return _counts(_shape(run), 0)


def _shape(run: list[Atom]) -> tuple:
    return tuple((a.sign is not None, len(a.digits), a.dec is not None, a.pct, a.space_before, _starts(a)) for a in run)


@lru_cache(maxsize=65536)
def _counts(shape: tuple, k: int) -> frozenset[int]:
    if k == len(shape):
        return frozenset({0})
    if not shape[k][5]:
        return frozenset()
    out: set[int] = set()
    j = k
    while True:
        out.update(c + 1 for c in _counts(shape, j + 1))
        nxt = j + 1
        if nxt >= len(shape):
            break
        sign, ndig, _, _, space, _ = shape[nxt]
        _, last_digits, last_dec, last_pct, _, _ = shape[j]
        if sign or not space or ndig != 3 or last_dec or last_pct or (j == k and last_digits > 3) \
                or nxt - k >= MAX_GROUPS:
            break
        j = nxt
    return frozenset(out)
