"""What a line of cells is, for the table finder: page furniture, running text, its value
cells, a header of years, a total row, an interval label."""

from __future__ import annotations

import re

from pipelines.reports.model import Cell, Line
from pipelines.reports.tables.settings import TableSettings
from pipelines.reports.vocabulary import norm
from pipelines.reports.vocabulary.lexicon import is_total

YEARLIKE = re.compile(r"(?:19|20)\d\d(?:-\d\d(?:-\d\d)?|0[1-9]|1[0-2])?")
_PAGE_NUMBER = re.compile(r"^(?:sid(?:a)?\s*)?\d{1,3}\s*(?:\(\d{1,3}\)|/\s*\d{1,3}|av\s+\d{1,3})$", re.I)
_BARE_NUMBER = re.compile(r"^(?:sid(?:a)?\s*)?\d{1,3}$", re.I)
OPEN_END = re.compile(r"(?:,|\boch|\bsamt|\beller|\bav|\bför|\bi|\binom|\bmed|\btill|\bper)$", re.I)
_OPEN_START = re.compile(r"^[-–−]\s?\d{1,3}$")                 # "-19": up to 19
_RANGE_LABEL = re.compile(r"^\d{1,3}\s?[-–]\s?\d{0,3}(?:\s*år)?$")   # "20-25", "51 -"
CAPTION_START = re.compile(r"^(?:tabell\w*|tab\.|figur\w*|diagram\w*|källa)\b", re.I)


def word_count(text: str) -> int:
    return len(text.split())


def is_page_furniture(line: Line) -> bool:
    t = line.text.strip()
    if line.margin and _BARE_NUMBER.match(t):
        return True
    return bool(_PAGE_NUMBER.match(t)) or bool(re.search(r"\bsid(?:a)?\s+\d+\s*\(\d+\)\s*$", t, re.I))


def is_prose(line: Line, width: float | None = None) -> bool:
    """A running-text line: one long text cell (many words), not a label."""
    texts = [c for c in line.cells if not c.is_value]
    if not texts:
        return False
    longest = max(texts, key=lambda c: word_count(c.text))
    if any(c.is_value and c.x0 > longest.x1 for c in line.cells):
        return False     # a long label with its values after it (indicator tables)
    n = word_count(longest.text)
    if n >= 14:
        return True
    if n >= 9 and line.text.rstrip().endswith((".", ":")) and len(line.values) == 0:
        return True
    return False


def value_cells(line: Line) -> list[Cell]:
    """The value cells of a line that stand apart as table cells (not a number in a sentence)."""
    if is_page_furniture(line):
        return []
    vals = line.values
    blanks = [c for c in line.cells if c.no_value]
    if not vals and len(blanks) < 2:
        return []
    if blanks:
        vals = sorted(vals + blanks, key=lambda c: c.x0)
    # a line of years or dates only is a header line ("2026 2026 2025 2024", "År 2025 2024")
    if not any(c.is_value for c in vals):
        return vals
    first_x = min(c.x0 for c in vals)
    texts = [c for c in line.cells if not c.is_value and not c.no_value and c.x1 <= first_x]
    if all(YEARLIKE.fullmatch(c.text.strip()) for c in vals) and (
            not texts or all(norm(c.text).strip(":") in ("år", "period", "datum") or is_lower_start(c.text)
                             or re.fullmatch(r"(?:19|20)\d\d\s?[/-]\s?(?:19|20)?\d\d", c.text.strip()) for c in texts)):
        return []
    # a lone number at the start of a text line is a heading number or a list item
    if len(line.cells) >= 2 and line.cells[0].is_value and not any(c.is_value for c in line.cells[1:]) \
            and word_count(line.cells[1].text) >= 2:
        return []
    return vals


def years_only(line: Line) -> bool:
    vals = [c for c in line.cells if c.is_value]
    return bool(vals) and all(YEARLIKE.fullmatch(c.text.strip()) for c in vals)




def is_lower_start(text: str) -> bool:
    t = text.lstrip("-–•·* ")
    return bool(t) and (t[0].islower() or t[0] in "(&/")


def total_line(line: Line) -> bool:
    first = line.cells[0] if line.cells else None
    return first is not None and not first.is_value and is_total(first.text) and bool(value_cells(line))


def range_labels(lines: list[Line], s: TableSettings) -> None:
    """A first cell ``-19`` in a column of ranges (``20-25``, ``26-30``, ``51 -``) is the
    label of an interval row, not a negative number."""
    for i, ln in enumerate(lines):
        first = ln.cells[0] if ln.cells else None
        if first is None or not first.is_value or len(ln.cells) < 2 or not _OPEN_START.match(first.text.strip()):
            continue
        tol = s.range_label(ln.fs)
        near = lines[max(0, i - 3): i] + lines[i + 1: i + 4]
        if any(o.cells and not o.cells[0].is_value and abs(o.cells[0].x0 - first.x0) <= tol
               and _RANGE_LABEL.match(o.cells[0].text.strip()) for o in near):
            first.num = None
            first.no_value = False
