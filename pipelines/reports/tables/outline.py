"""The section a table stands under: the last numbered heading before it in the document.

A table's own ``heading`` is the nearest numbered heading above it on its page. A table at
the top of a page, or on a page whose headings all come after it, stands under the last
numbered heading of the pages before (``2.2. Befolkningsprognos grundskola 2026-2036`` at
the foot of page 8 heads the table on page 9). That heading is the table's ``outline``.

A label turned on its side beside a table (``SÖDRA - Skolor``) is centred on the rows it
names and often spans fewer lines than they: when all the rows it touches belong to one
table and no other side label touches that table, it is the whole table's ``side``.
"""

from __future__ import annotations

import re

from pipelines.reports.tables.lines import word_count
from pipelines.reports.tables.model import Table

# "2.2. Befolkningsprognos grundskola": a section number, then a capital
HEADING = re.compile(r"^(?!(?:19|20)\d\d\b)\d+(?:\.\d+)*\.?\s+[A-ZÅÄÖ]")
_LEADER = re.compile(r"\.{4,}|(?:\. ){4,}")     # a table of contents line
_NUMBER = re.compile(r"(?<![\w,.])\d[\d\s]*(?:[,.]\d+)?(?![\w])")


def page_headings(text: str) -> list[str]:
    """The numbered headings of a page's text in order (a line of at most 12 words that
    holds no number besides its section number and a year)."""
    found = []
    for line in text.split("\n"):
        t = " ".join(line.split())
        if not HEADING.match(t) or _LEADER.search(t) or word_count(t) > 12 or t.endswith((".", ":")) and word_count(t) > 6:
            continue
        rest = t.split(" ", 1)[1] if " " in t else ""
        numbers = [n for n in _NUMBER.findall(rest) if not re.fullmatch(r"(?:19|20)\d\d", n.strip())]
        if len(numbers) <= 1:
            found.append(t)
    return found


def place_outline(tables: list[Table], page_texts: list[str]) -> None:
    """Every paged table's ``outline``: its own heading, else the last heading of the pages
    before its page."""
    last: list[str | None] = [None]
    for text in page_texts:
        heads = page_headings(text)
        last.append(heads[-1] if heads else last[-1])
    for t in tables:
        if t.heading:
            t.outline = t.heading
        elif t.page is not None and 1 <= t.page < len(last):
            t.outline = last[t.page - 1]


def place_side(tables: list[Table]) -> None:
    """Give each table the one sideways label beside any of its rows."""
    for t in tables:
        sides = {r.value_line.side for r in t.rows if r.value_line is not None and r.value_line.side}
        if len(sides) == 1:
            t.side = sides.pop()
