"""Swedish numbers as printed in committee reports.

Thousands separators are spaces of any kind (U+0020, U+00A0, U+202F, U+2009), the decimal
mark is a comma (a point in some BI exports), minus is a hyphen, U+2212 or an en dash.
"""

from __future__ import annotations

import re

SPACES = " \u00a0\u202f\u2009"
MINUSES = "-\u2212\u2013"
_SP = f"[{SPACES}]"
_NUMBER = re.compile(
    rf"^(?P<sign>[{MINUSES}+])?\s?(?P<int>\d{{1,3}}(?:{_SP}\d{{3}})+|\d+)(?:[,.](?P<dec>\d+))?\s?(?P<pct>%)?$"
)


def parse_number(text: str) -> float | None:
    """The number in a single cell, or None when the cell is not one number.

    ``"-"``, ``"–"`` and blank mean "no value" and give None.
    """
    cell = text.strip().replace("\ufffe", "").replace("\u00ad", "")
    if not cell or cell in MINUSES:
        return None
    m = _NUMBER.match(cell)
    if not m:
        return None
    digits = re.sub(_SP, "", m.group("int"))
    value = float(f"{digits}.{m.group('dec')}" if m.group("dec") else digits)
    if m.group("sign") and m.group("sign") != "+":
        value = -value
    return value
