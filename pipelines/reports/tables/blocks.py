"""Small tables printed side by side, flattened into running text.

A report may print one small two-column table per year next to each other (``2019 Utfall
tkr | 2018 Utfall tkr | 2017 Utfall tkr``, each with its own month labels). Flattened into
one line they read row by row across the blocks::

    2019 Utfall tkr 2018 Utfall tkr 2017 Utfall tkr Januari 4 219 Januari 5 157 Januari
    4 942 Februari 3 911 … Prog.Bokslut 54 000 Bokslut 55 805 Bokslut 58 273

The header is k ≥ 2 phrases ``<year> <scenario word> [<unit>]`` that differ only in the
year; every row is k pairs of a short label and exactly one value. A row whose pairs carry
the same label is one table row; one whose labels differ (``Prog.Bokslut`` | ``Bokslut`` |
``Bokslut``) becomes one row per label, with cells only in the blocks that print it. The
table ends at the first pair that does not read; at least two rows, most of them with one
label across the blocks, or it is not such a table. A value that cannot be read as exactly
one number ends the table too: nothing is guessed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipelines.reports.model import Cell
from pipelines.reports.parse.numbers import segmentations
from pipelines.reports.read.layout import classify
from pipelines.reports.tables.model import Column, Row, Table
from pipelines.reports.vocabulary import norm, scenario_words

_YEAR = r"(?:19|20)\d\d"
_UNIT = r"(?:tkr|mnkr|mkr|kr|%|antal|st)"
_MAX_LABEL_WORDS = 4
_MAX_ROWS = 40


@lru_cache(maxsize=1)
def _phrase() -> str:
    """One header phrase: ``<year> <scenario word>[ <unit>]``."""
    sw = "|".join(re.escape(w) for w in scenario_words())
    return rf"{_YEAR}\s+(?:{sw})\w*\.?(?:\s+{_UNIT}(?![\wåäö]))?"


@lru_cache(maxsize=1)
def _header_re() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.,])((?:{_phrase()})(?:\s+{_phrase()})+)(?![\wåäö])", re.I)


def _phrases(text: str) -> list[str]:
    return [" ".join(p.split()) for p in re.findall(_phrase(), text, re.I)]


_VALUE = re.compile(r"^[-−–+]?\d[\d,]*%?$")


def _is_value(token: str) -> bool:
    return bool(_VALUE.match(token))


def _one_value(words: list[str]) -> str | None:
    """The run of value tokens as one printed number, or None when it does not read as
    exactly one (``4 219`` → ``4 219``; ``4 219 12`` → None)."""
    text = " ".join(words)
    readings = segmentations(text, 1)
    return text if len(readings) == 1 else None


def _pairs(tokens: list[str], start: int) -> list[tuple[str, str, int, int]]:
    """(label, value text, first token, end token) pairs from ``start`` while they read."""
    out = []
    k = start
    while k < len(tokens):
        label: list[str] = []
        first = k
        while k < len(tokens) and not _is_value(tokens[k]) and len(label) <= _MAX_LABEL_WORDS:
            label.append(tokens[k])
            k += 1
        if not label or len(label) > _MAX_LABEL_WORDS or not label[0][:1].isalpha() or k >= len(tokens):
            break
        values: list[str] = []
        while k < len(tokens) and _is_value(tokens[k]):
            values.append(tokens[k])
            k += 1
        value = _one_value(values)
        if value is None:
            break
        out.append((" ".join(label), value, first, k))
    return out


def _cell(text: str) -> Cell:
    return classify(Cell(text, 0, 0, 0, 0, 1.0))


def _rows(pairs: list[tuple[str, str, int, int]], k: int, tokens: list[str]) -> list[Row]:
    rows: list[Row] = []
    uniform = 0
    for r in range(min(len(pairs) // k, _MAX_ROWS)):
        group = pairs[r * k:(r + 1) * k]
        evidence = " ".join(tokens[group[0][2]:group[-1][3]])
        keys = [norm(label) for label, *_ in group]
        if len(set(keys)) == 1:
            uniform += 1
        # one row per run of equal labels, cells only in the blocks that print it
        c = 0
        while c < k:
            end = c
            while end + 1 < k and keys[end + 1] == keys[c]:
                end += 1
            cells: list[Cell | None] = [None] * k
            for i in range(c, end + 1):
                cells[i] = _cell(group[i][1])
            rows.append(Row(label=group[c][0], cells=cells, evidence=evidence))
            c = end + 1
    full_rows = min(len(pairs) // k, _MAX_ROWS)
    if full_rows < 2 or uniform * 2 < full_rows:
        return []
    return rows


def find_tables(line: str) -> list[Table]:
    """Side-by-side blocks in one long line of running text."""
    out: list[Table] = []
    for m in _header_re().finditer(line):
        columns = _phrases(m.group(1))
        shapes = {re.sub(_YEAR, "", c).lower() for c in columns}
        if len(columns) < 2 or len(shapes) != 1 or len({c[:4] for c in columns}) != len(columns):
            continue
        spans = [t.span() for t in re.finditer(r"\S+", line[m.end():])]
        tokens = [line[m.end() + a:m.end() + b] for a, b in spans]
        pairs = _pairs(tokens, 0)
        rows = _rows(pairs, len(columns), tokens)
        if not rows:
            continue
        used = min(len(pairs) // len(columns), _MAX_ROWS) * len(columns)
        end = m.end() + spans[pairs[used - 1][3] - 1][1]
        before = line[max(0, m.start() - 300):m.start()].strip()
        pieces = re.split(r"(?<=[.:])\s+", before)
        caption = pieces[-1][-160:] if pieces and pieces[-1] else (pieces[-2][-160:] if len(pieces) > 1 else "")
        out.append(Table(page=None, columns=[Column(i, 0, 0, header=c) for i, c in enumerate(columns)],
                         rows=rows, caption=[caption], source="flat", top=m.start(), bottom=end))
    return out
