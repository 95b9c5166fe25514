"""Swedish numbers as printed in committee reports.

Thousands separators are spaces of any kind (U+0020, U+00A0, U+202F, U+2009), the decimal
mark is a comma (a point in some BI exports), minus is a hyphen, U+2212 or an en dash.
A cell may carry a comparator (``<6%``, ``≥90``), a percent sign, a unit word (``0,2 mnkr``),
a footnote star (``-400*``), a year in brackets (``74 (2024)``) or a qualifier (``ung``).

Three entry points:

- :func:`parse_cell` reads one table cell that geometry has already isolated;
- :func:`find_numbers` finds numbers in running text (narrative sentences);
- :func:`segmentations` lists the ways a run of glued numbers (``-730-13 899-2 290``)
  can be read as exactly *n* numbers, for flattened tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from pipelines.reports.model import Num
from pipelines.reports.vocabulary import vocabulary

SPACES = " \u00a0\u202f\u2009"
MINUSES = "-\u2212\u2013\u2012\u2014"
_MC = "\\-\u2212\u2013\u2012\u2014"   # MINUSES inside a character class
_SP = f"[{SPACES}]"
_SIGN = rf"[{_MC}+]"
# comparators as printed, normalised to ASCII
COMPARATORS = {"<": "<", ">": ">", "≤": "<=", "≥": ">=", "<=": "<=", ">=": ">=", "=": "=", "=<": "<=", "=>": ">="}
_COMP = r"(?:<=|>=|=<|=>|[<>≤≥=])"
# (a first group of four digits is mis-grouped printing when a leading-zero group follows:
# "1019 096 kr" is 1 019 096 kr; no number starts with "096")
_NUMBER_CORE = rf"(?P<int>\d{{1,3}}(?:{_SP}\d{{3}})+|\d{{4}}{_SP}0\d\d(?:{_SP}\d{{3}})*|\d+)(?:[,.](?P<dec>\d+))?"
_CELL = re.compile(
    rf"^(?:(?P<pre>ung\.?|ca\.?|cirka|drygt|knappt|närmare|över|under)\s)?(?P<comp>{_COMP})?\s?(?P<sign>{_SIGN})?\s?{_NUMBER_CORE}"
    rf"\s?(?P<pct>%|procent\b)?\s?(?P<unit>[A-Za-zåäöÅÄÖ]{{1,9}}\.?)?\s?(?P<year>\((?:19|20)\d\d\))?\s?(?P<star>\*+)?$"
)
_PLUSMINUS_ZERO = re.compile(r"^(?:±|\+/-|\+-|-/\+)\s?0(?:[,.]0+)?\s?(?P<unit>[A-Za-zåäö]{1,9})?$")


@lru_cache(maxsize=1)
def _cell_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(no-value words, unit words after a number, qualifiers after a number) from the
    vocabulary (``columns.yml: no_value_words``, ``units.yml: in_cell``, ``units.yml:
    qualifiers``)."""
    v = vocabulary()
    return (frozenset(["", *v["columns"]["no_value_words"]]), frozenset(v["units"]["in_cell"]),
            frozenset(v["units"]["qualifiers"]))


def clean(text: str) -> str:
    """Soft hyphens out, odd spaces to plain spaces, whitespace collapsed."""
    text = text.replace("\ufffe", "").replace("\u00ad", "").replace("\ufeff", "")
    text = re.sub(rf"[{SPACES}\t]+", " ", text)
    return text.strip()


def _to_float(int_part: str, dec: str | None) -> float:
    digits = re.sub(_SP, "", int_part)
    return float(f"{digits}.{dec}" if dec else digits)


def parse_cell(text: str) -> Num | None:
    """The one number in a table cell, or None when the cell is not one number.

    ``"-"``, ``"–"``, blank and the no-value words give None (see :func:`is_no_value`).
    """
    raw = text.strip()
    cell = raw.replace("\ufffe", "").replace("\u00ad", "")
    cell = re.sub(rf"[{SPACES}]+", " ", cell).strip()
    if is_no_value(cell):
        return None
    m0 = _PLUSMINUS_ZERO.match(cell)
    if m0:
        return Num(0.0, raw, unit=m0.group("unit"))
    m = _CELL.match(cell)
    if not m:
        return None
    unit = m.group("unit")
    _, in_cell, qualifiers = _cell_words()
    if unit and unit.lower().rstrip(".") not in in_cell and unit.lower() not in qualifiers:
        return None
    value = _to_float(m.group("int"), m.group("dec"))
    sign = m.group("sign")
    if sign and sign != "+":
        value = -value
    comp = m.group("comp")
    year = m.group("year")
    return Num(
        value=value,
        raw=raw,
        decimals=len(m.group("dec") or ""),
        percent=bool(m.group("pct")),
        comparator=COMPARATORS.get(comp) if comp else None,
        unit=None if not unit or unit.lower() in qualifiers else unit.rstrip("."),
        year=int(year[1:-1]) if year else None,
        footnote=bool(m.group("star")),
        explicit_sign=bool(sign),
    )




def is_no_value(cell: str) -> bool:
    """A cell that stands for "no value" (dash, blank, Stängt, Ej aktuellt …)."""
    c = clean(cell).lower().rstrip("*")
    return c in _cell_words()[0] or bool(re.fullmatch(rf"[{_MC}]+", c))


def parse_number(text: str) -> float | None:
    """The value of a single number cell, or None (kept for callers that need only the value)."""
    num = parse_cell(text)
    if num is None or num.comparator:
        return None
    return num.value


def looks_numeric(token: str) -> bool:
    """A word that is (part of) a number as printed: digits, signs, comma, percent."""
    t = token.replace("\u00ad", "")
    return bool(re.fullmatch(rf"{_COMP}?[{_MC}+]?\d[\d,.]*%?\*?|[{_MC}+]", t))


# --------------------------------------------------------------------------- running text

_TEXT_NUMBER = re.compile(
    rf"(?<![\w,.\d{_MC}])(?P<sign>[{_MC}+](?:{_SP})?)?"
    rf"(?P<int>\d{{1,3}}(?:{_SP}\d{{3}})+(?!\d)|\d{{4}}{_SP}0\d\d(?:{_SP}\d{{3}})*(?!\d)|\d+)(?:,(?P<dec>\d+))?(?![\d])"
)


def find_numbers(text: str) -> Iterator[tuple[int, int, Num]]:
    """Numbers in running text: (start, end, Num). Decimal comma only; a sign counts when it
    stands before the number (``-15,0``, ``− 6 279``) and not after a word (``LSS-2``)."""
    for m in _TEXT_NUMBER.finditer(text):
        sign = m.group("sign")
        value = _to_float(m.group("int"), m.group("dec"))
        if sign and sign.strip() not in ("+",):
            value = -value
        yield m.start(), m.end(), Num(
            value=value, raw=m.group(0), decimals=len(m.group("dec") or ""), explicit_sign=bool(sign)
        )


# --------------------------------------------------------------------------- glued numbers

_ATOM = re.compile(rf"(?P<sign>[{_MC}+])?(?P<digits>\d+)(?:,(?P<dec>\d+))?")


@dataclass(frozen=True)
class _Atom:
    sign: str | None
    digits: str
    dec: str | None
    space_before: bool      # separated from the previous atom by a space (not glued by a sign)


def _atoms(text: str) -> list[_Atom] | None:
    atoms: list[_Atom] = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        space = False
        while pos < len(text) and text[pos] in SPACES:
            pos += 1
            space = True
        if pos >= len(text):
            break
        m = _ATOM.match(text, pos)
        if not m:
            return None
        atoms.append(_Atom(m.group("sign"), m.group("digits"), m.group("dec"), space or not atoms))
        pos = m.end()
    return atoms


def atoms_of(text: str) -> list[_Atom] | None:
    """A run of numbers as its atoms (sign, digit group, decimals, space before), or None
    when the text is not only numbers."""
    return _atoms(text)


def _atom_value(parts: list[_Atom]) -> float:
    value = float("".join(p.digits for p in parts) + (f".{parts[-1].dec}" if parts[-1].dec else ""))
    return -value if parts[0].sign and parts[0].sign != "+" else value


def prefix_readings(atoms: list[_Atom], start: int, count: int) -> Iterator[tuple[list[float], int]]:
    """Every reading of exactly ``count`` numbers from ``atoms[start:]``: (values, next index).

    A sign always starts a number; a space before a group of exactly three digits may be a
    thousands separator or a cell boundary, which is where readings differ; a decimal part
    ends a number. The one place glued or flattened numbers are segmented.
    """
    def walk(k: int, acc: list[float]) -> Iterator[tuple[list[float], int]]:
        if len(acc) == count:
            yield list(acc), k
            return
        if k >= len(atoms):
            return
        parts = [atoms[k]]
        acc.append(_atom_value(parts))
        yield from walk(k + 1, acc)
        acc.pop()
        if len(atoms[k].digits) > 3 or atoms[k].dec:
            return
        j = k + 1
        while j < len(atoms):
            nxt = atoms[j]
            if nxt.sign or not nxt.space_before or len(nxt.digits) != 3 or parts[-1].dec:
                break
            parts.append(nxt)
            j += 1
            acc.append(_atom_value(parts))
            yield from walk(j, acc)
            acc.pop()

    yield from walk(start, [])


def segmentations(text: str, count: int, limit: int = 64) -> list[list[float]]:
    """Every reading of a run of numbers as exactly ``count`` numbers (at most ``limit``)."""
    atoms = _atoms(text)
    if atoms is None:
        return []
    out: list[list[float]] = []
    for values, end in prefix_readings(atoms, 0, count):
        if end == len(atoms):
            out.append(values)
            if len(out) >= limit:
                break
    return out
