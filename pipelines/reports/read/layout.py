"""Words, cells and lines with positions: the common ground of PDF pages, layout text
(``pdftotext -layout``) and tab-separated text.

Coordinates run top-down (``top`` grows down the page) in PDF points; for text sources
``x`` is the character column and ``top`` the line number. A line is split into cells
where the gap between words is wider than a word space; between two numbers a narrower
gap suffices, and the Swedish number grammar decides whether a three-digit group after a
space continues a number (``1 513,3``) or starts the next cell (``10 398 | 13 818``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.reports.model import Cell, Line, Word
from pipelines.reports.parse.numbers import MINUSES, is_no_value, parse_cell
from pipelines.reports.vocabulary import vocabulary

_SUFFIX_WORDS = frozenset(vocabulary()["units"]["number_suffixes"])
_MONEY_SUFFIX = frozenset(vocabulary()["units"]["money_suffixes"])
_NUMERIC_WORD = re.compile(rf"^(?:<=|>=|[<>≤≥=])?[{re.escape(MINUSES)}+]?\d[\d,.]*%?\*?$")
_GROUP3 = re.compile(r"^\d{3}(?:[,.]\d+)?%?\*?$")
_SIGN_ONLY = re.compile(rf"^[{re.escape(MINUSES)}+]$")


@dataclass(frozen=True)
class Gaps:
    """Gap widths that split a line into cells: between two texts, a text and a number, two
    numbers. For PDFs they are fractions of the font size; for text, character counts."""

    text_text: float
    text_num: float
    num_num: float
    relative: bool = True   # multiply by the font size


PDF_GAPS = Gaps(text_text=1.0, text_num=0.55, num_num=0.36)
TEXT_GAPS = Gaps(text_text=2, text_num=2, num_num=2, relative=False)


def is_numeric_word(text: str) -> bool:
    return bool(_NUMERIC_WORD.match(text)) or text in ("%",)


def _continues_number(cell_words: list[Word], nxt: Word) -> bool:
    """Whether ``nxt`` can continue the number being built in a cell (a thousands group,
    a percent sign, a unit word)."""
    last = cell_words[-1].text
    if nxt.text.lower() in _SUFFIX_WORDS:
        return not last.endswith("%")
    if re.fullmatch(r"\((?:19|20)\d\d\)", nxt.text):
        return True
    if _SIGN_ONLY.match(last) and re.match(r"^\d", nxt.text):
        return True  # "- 6 279"
    if not _GROUP3.match(nxt.text):
        return False
    if any(ch in last for ch in ",.%") or last.endswith("*"):
        return False
    digits_last = re.sub(r"^[^\d]*", "", last)
    if nxt.text[0] == "0" and digits_last.isdigit() and len(cell_words) == 1:
        return True       # "1019 096 kr": a group with a leading zero never starts a number
    if not digits_last.isdigit():
        return False
    # a group may follow a 1–3 digit start or another 3-digit group
    if len(cell_words) == 1 or (len(cell_words) == 2 and _SIGN_ONLY.match(cell_words[0].text)):
        return len(digits_last) <= 3
    return len(digits_last) == 3


def words_to_cells(words: list[Word], gaps: Gaps) -> list[Cell]:
    """Split the words of one line (sorted by x) into cells."""
    cells: list[list[Word]] = []
    for w in words:
        if not cells:
            cells.append([w])
            continue
        cur = cells[-1]
        prev = cur[-1]
        gap = w.x0 - prev.x1
        scale = max(prev.fs, w.fs) if gaps.relative else 1.0
        prev_num = all(is_numeric_word(x.text) for x in cur)
        ends_suffix = len(cur) > 1 and cur[-1].text.lower() in _SUFFIX_WORDS and is_numeric_word(cur[0].text)
        nxt_num = is_numeric_word(w.text)
        if ends_suffix and nxt_num:
            split = True                       # "117 271 ung | 116 000"
        elif prev_num and (w.text.lower() in _SUFFIX_WORDS or re.fullmatch(r"\((?:19|20)\d\d\)", w.text)):
            limit = gaps.text_num * (1.5 if w.text.lower() in _MONEY_SUFFIX else 1.0)
            split = gap > limit * scale or not _continues_number(cur, w)
        elif prev_num and nxt_num:
            split = gap > gaps.num_num * scale or not _continues_number(cur, w)
            if not split and _GROUP3.match(w.text) is None and w.text != "%":
                split = True
        elif prev_num or nxt_num:
            split = gap > gaps.text_num * scale
        else:
            split = gap > gaps.text_text * scale
        if split:
            cells.append([w])
        else:
            cur.append(w)
    return [_make_cell(ws) for ws in cells]


def _make_cell(ws: list[Word]) -> Cell:
    parts: list[str] = []
    for i, w in enumerate(ws):
        if i and not ws[i - 1].hyphen:
            parts.append(" ")
        parts.append(w.text)
    text = "".join(parts)
    cell = Cell(
        text=text, x0=ws[0].x0, x1=ws[-1].x1, top=min(w.top for w in ws), bottom=max(w.bottom for w in ws),
        fs=max(w.fs for w in ws), hyphen=ws[-1].hyphen, words=list(ws),
    )
    classify(cell)
    return cell


def classify(cell: Cell) -> Cell:
    cell.num = parse_cell(cell.text)
    cell.no_value = cell.num is None and is_no_value(cell.text)
    return cell


def make_line(cells: list[Cell], page: int | None = None, index: int = 0) -> Line:
    return Line(
        cells=cells, top=min(c.top for c in cells), bottom=max(c.bottom for c in cells),
        fs=max(c.fs for c in cells), page=page, index=index,
    )


# --------------------------------------------------------------------------- text sources

_RUN = re.compile(r"\S+")


def layout_text_lines(text: str, page: int | None = None) -> list[Line]:
    """Lines of a page of layout text (columns kept as runs of spaces)."""
    lines: list[Line] = []
    for n, raw in enumerate(text.split("\n")):
        raw = raw.replace("\t", "    ").replace("\u00a0", " ").replace("\u202f", " ").rstrip()
        words = [Word(m.group(0), m.start(), m.end(), n, n + 1, 1.0) for m in _RUN.finditer(raw)]
        if not words:
            continue
        line = make_line(words_to_cells(words, TEXT_GAPS), page, n)
        line.raw = raw.strip()
        lines.append(line)
    _set_gaps(lines)
    return lines


def tab_text_lines(text: str, page: int | None = None) -> list[Line]:
    """Lines of tab-separated text: every tab is a cell boundary (cell i at x = 100·i)."""
    lines: list[Line] = []
    for n, raw in enumerate(text.split("\n")):
        if not raw.strip():
            continue
        parts = raw.split("\t")
        cells = []
        for i, part in enumerate(parts):
            t = " ".join(part.split())
            if t:
                w = Word(t, 100.0 * i, 100.0 * i + 90, n, n + 1, 1.0)
                cells.append(classify(Cell(t, 100.0 * i, 100.0 * i + 90, n, n + 1, 1.0, words=[w])))
        if cells:
            line = make_line(cells, page, n)
            line.raw = raw.strip()
            lines.append(line)
    _set_gaps(lines)
    return lines


def _set_gaps(lines: list[Line]) -> None:
    for prev, line in zip(lines, lines[1:]):
        line.gap_above = line.top - prev.bottom
    if lines:
        lines[0].gap_above = 99.0
