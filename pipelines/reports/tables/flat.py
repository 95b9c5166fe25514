"""Tables flattened into running text (a page pasted as one line).

A flattened table is found by its structure, not by its words: a run of *rows*, each a label
and then the same number *k* of values; the text before the first row holds the column
header (and before it the caption and the stub). The vocabulary only names what structure
found: which words head a column, which are years or periods.

- **Values**: numbers may run together and a space may be a thousands separator or a cell
  boundary (``-97 261-97 061-200``), so every reading of a row as exactly *k* numbers is
  listed (``parse/runs.py``). The table's own identities choose between readings (a
  difference column: avvikelse = budget − prognos; a Summa row: the column sums), then the
  columns' printed shape (decimals, percent, magnitude of the rows that read one way only).
  A row that stays ambiguous is **refused**, never guessed.
- **Header**: the words before the first row are split into *k* column phrases at the least
  cost (``header.split``: before a capitalised column word, after a year; a phrase holds a
  column word or a year), or into two bands of *k* (years over names: ``2018 2018 2019 2019
  | Antal personer Antal årsarbetare …``), or a band of group headers over equal spans
  (``Period Helår | Utfall Budget …``). Words the vocabulary does not know stay in their
  column (``Budget VR aug 2019``).
- A label may start with a short number (``Dag 1-14 45 % 47 %``); labels printed before the
  header with all values after it (``Tkr Central, administration Politisk verksamhet …
  Utfall 2018-02 … Avvikelse -730-13 899 …``) are read as rows × columns; a new header inside
  the rows starts a new table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pipelines.reports.model import Cell
from pipelines.reports.parse.numbers import MINUSES
from pipelines.reports.parse.runs import Piece
from pipelines.reports.read.layout import classify
from pipelines.reports.tables import blocks
from pipelines.reports.tables.flatheader import Header, is_head, split_header, split_headers
from pipelines.reports.tables.header import goal_statement
from pipelines.reports.tables.model import Column, Row, Table
from pipelines.reports.tables.readings import (
    RowRun, Token, choose, column_shape, grid_options, holds, identities, misfit,
)
from pipelines.reports.tables.words import split_labels, stub_end
from pipelines.reports.vocabulary import norm, vocabulary

_MC = re.escape(MINUSES)
_NUM = re.compile(rf"^[{_MC}+]?\d[\d,.]*(?:[{_MC}]\d[\d,.]*)*%?$")
_DASH = re.compile(rf"^(?:[{_MC}]|\.\.\.?|x)$", re.I)
_YEARISH = re.compile(r"^(?:19|20)\d\d$")
_INTERVAL = re.compile(r"^\d{1,3}[-–]\d{1,3}$")
_YYYYMM = re.compile(r"^(?:19|20)\d\d(?:0[1-9]|1[0-2])$")
_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?$")
_PERIODISH = re.compile(r"^(?:\d{4}-\d\d(?:-\d\d)?|\d{4}[-–]\d{2,4}|\d+[/:]\d+|\(\d+\)|\d+\(\d+\))$")
_ABBREV = {"exkl.", "inkl.", "bl.a.", "t.ex.", "ca.", "resp.", "s.a.", "tom.", "t.o.m.", "fr.o.m.", "dvs.", "jfr.", "st.",
           "milj.", "tkr.", "mnkr.", "kr.", "nr.", "forts.", "ev.", "o.", "m.fl.", "mfl."}
MIN_LINE = 200          # a running line this long may hold a flattened page
MAX_LABEL_WORDS = 25
MAX_COLUMNS = 12
MAX_READINGS = 256


@dataclass
class Seg:
    """The words before a run of values, and the run."""
    words: list[Token]
    run: list[Token] = field(default_factory=list)


def find_tables(text: str, words: frozenset[str] = frozenset()) -> list[Table]:
    """Flattened tables in the long lines of a text (``words``: the document's words)."""
    tables: list[Table] = []
    for line in text.split("\n"):
        if len(line) < MIN_LINE:
            continue
        side_by_side = blocks.find_tables(line)
        taken = [(t.top, t.bottom) for t in side_by_side]
        for t in read_line(line, words, taken) + side_by_side:
            t.id = f"f{len(tables) + 1}"
            tables.append(t)
    return tables


# --------------------------------------------------------------------------- tokens and segments

def tokens(line: str) -> list[Token]:
    out: list[Token] = []
    for m in re.finditer(r"\S+", line):
        t = m.group(0)
        if t == "%" and out and out[-1].kind == "num" and not out[-1].text.endswith("%"):
            out[-1] = Token(line[out[-1].start:m.end()], out[-1].start, m.end(), "num")
            continue
        nxt = line[m.end():m.end() + 2]
        if _YEARISH.match(t) or _PERIODISH.match(t) or (_SECTION_NUMBER.match(t) and nxt[1:2].isupper()):
            kind = "word"
        elif _YYYYMM.match(t) and out and out[-1].kind == "word":
            kind = "word"          # "Utfall 201711": a year and month after a header word, not a value
        elif _INTERVAL.match(t) and nxt[1:2].islower():
            kind = "word"          # "i åldern 18-24 år": an interval inside a label
        elif _NUM.match(t):
            kind = "num"
        elif _DASH.match(t):
            kind = "dash"
        else:
            kind = "word"
        out.append(Token(t, m.start(), m.end(), kind))
    return out


def segments(toks: list[Token]) -> list[Seg]:
    """Words and the run of values after them. A run of dashes only is a list bullet
    (``- Allmänhetens frågestund``), part of the words."""
    segs: list[Seg] = []
    cur = Seg([])
    for t in toks:
        if t.kind == "word":
            if cur.run and all(r.kind == "dash" for r in cur.run):
                cur.words.extend(Token(r.text, r.start, r.end, "word") for r in cur.run)
                cur.run = []
            if cur.run:
                segs.append(cur)
                cur = Seg([])
            cur.words.append(t)
        else:
            cur.run.append(t)
    if cur.run and any(r.kind == "num" for r in cur.run):
        segs.append(cur)
    return segs


def _row_options(seg: Seg, line: str) -> list[tuple[int, RowRun]]:
    """(leading numbers moved into the label, the run) for a segment: the run as printed,
    and without a first short number that may belong to the label (``Dag 1-14``)."""
    opts = [(0, RowRun(line, seg.run))]
    first = seg.run[0]
    if len(seg.run) >= 2 and seg.words and re.fullmatch(r"\d{1,3}(?:[-–]\d{1,3})?\+?", first.text):
        opts.append((1, RowRun(line, seg.run[1:])))
    return opts


def _label_like(words: list[Token]) -> bool:
    """A row label: short, no sentence inside, starts like a label and does not end like a
    sentence that goes on (``… är``, ``… mellan``: a number in running text)."""
    if not words or len(words) > MAX_LABEL_WORDS:
        return False
    first = words[0].text.lstrip("-–•*(")
    if first and first[0].islower() and norm(first) not in ("varav", "därav"):
        return False
    if norm(words[-1].text) in _text_words() or words[-1].text.endswith(("..", "…")):
        return False           # running text, or a line of a table of contents
    if len(words) > 8 and any(_YEARISH.match(w.text) or _PERIODISH.match(w.text) for w in words[1:-1]):
        return False           # a caption and a header run into the next table
    for a, b in zip(words, words[1:]):
        if a.text.endswith((".", "!", "?")) and b.text[:1].isupper() and a.text.lower() not in _ABBREV \
                and len(a.text) > 3:
            return False       # a sentence ends inside: running text, not a label
    return any(any(ch.isalpha() for ch in w.text) for w in words)


@lru_cache(maxsize=1)
def _text_words() -> frozenset[str]:
    return frozenset(norm(w) for w in vocabulary()["columns"]["text_end_words"])


# --------------------------------------------------------------------------- tables in a line

@dataclass
class _Row:
    """One segment as table rows: its labels (several when labels run together before their
    values: ``Antal personer … Antal växla … 554 500 556 60 75 69``) and their values."""
    labels: list[str]
    run: RowRun
    start: int              # where the row's text starts (for evidence)


@dataclass
class _Found:
    k: int
    header: Header | None
    rows: list[_Row]
    end: int                             # index of the first segment after the table
    labels_first: bool = False
    words: list[str] = field(default_factory=list)   # the first segment's words (caption, stub, header, label)
    tokens: list[Token] = field(default_factory=list)
    grid: list[list[list[Piece | None]]] | None = None   # labels first: each row's readings
    reading: "_Reading | None" = None

    @property
    def nrows(self) -> int:
        return sum(len(r.labels) for r in self.rows)


def read_line(line: str, words: frozenset[str] = frozenset(), taken: list[tuple[float, float]] | None = None
              ) -> list[Table]:
    segs = segments(tokens(line))
    out: list[Table] = []
    i = 0
    while i < len(segs):
        if taken and any(a <= segs[i].run[0].start <= b for a, b in taken):
            i += 1
            continue
        found = _table_at(segs, i, line, words)
        if found is None:
            i += 1
            continue
        table = _build(found, line)
        if table is not None:
            out.append(table)
        i = max(found.end, i + 1)
    return out


def _plan_row(seg: Seg, label_tokens: list[Token], k: int, line: str, words: frozenset[str]) -> _Row | None:
    """The segment as one row of k values, or as several rows when its label splits into
    several and its values read as that many rows."""
    label = " ".join(t.text for t in label_tokens)
    start = label_tokens[0].start if label_tokens else seg.run[0].start
    for p, run in _row_options(seg, line):
        if p and not label_tokens:
            continue
        if k in run.counts():
            moved = " ".join(t.text for t in seg.run[:p])
            return _Row([f"{label} {moved}".strip()], run, start)
    labels = split_labels([t.text for t in label_tokens], words, after_stub=False)
    if 2 <= len(labels) <= 6 and k >= 2 and all(len(lab.split()) >= 2 for lab in labels):
        run = RowRun(line, seg.run)
        if len(labels) * k in run.counts():
            return _Row(labels, run, start)
    return None


def _candidate_ks(seg: Seg, line: str) -> list[int]:
    ks: set[int] = set()
    for _, run in _row_options(seg, line):
        for c in run.counts():
            ks.update(c // m for m in range(1, 5) if c % m == 0 and c // m >= 1)
    return sorted(k for k in ks if k <= MAX_COLUMNS)


def _table_at(segs: list[Seg], i: int, line: str, words: frozenset[str]) -> _Found | None:
    first = segs[i]
    texts = [t.text for t in first.words]
    best: _Found | None = None
    for k in _candidate_ks(first, line):
        header, row0 = None, None
        for h in split_headers(texts, k, label_needed=True)[:6]:
            row0 = _plan_row(first, first.words[h.label_start:], k, line, words)
            if row0 is not None:
                header = h
                break
        label_tokens = first.words[header.label_start:] if header else _tail_label(first.words)
        if header is None:
            row0 = _plan_row(first, label_tokens, k, line, words)
        rest, j = _more_rows(segs, i + 1, k, line, words)
        if header is None or (_header_like(label_tokens) and not _year_rows(segs[i + 1:j])):
            alone = split_header(texts, k, label_needed=False)
            row_alone = _plan_row(first, [], k, line, words) if alone is not None and alone.stub[:1].isupper() else None
            if row_alone is not None:
                header, row0 = alone, _Row([alone.stub], row_alone.run, first.run[0].start)
        if row0 is None:
            continue
        cand = _Found(k, header, [row0] + rest, j, words=texts, tokens=first.words)
        if _acceptable(cand) and (best is None or _cost(cand, line) < _cost(best, line)):
            best = cand
    before = _labels_first(segs, i, line, words)
    if before is not None and (best is None or _cost(before, line) < _cost(best, line)):
        best = before
    return best


def _more_rows(segs: list[Seg], j: int, k: int, line: str, words: frozenset[str]) -> tuple[list[_Row], int]:
    rows: list[_Row] = []
    while j < len(segs):
        seg = segs[j]
        if not _label_like(seg.words) or _starts_table(seg, line):
            break
        row = _plan_row(seg, seg.words, k, line, words)
        if row is None:
            # one row of another count among rows of k (a stray value, an empty cell): refused,
            # and the table goes on when the next row reads as k values again
            nxt = segs[j + 1] if j + 1 < len(segs) else None
            if rows and nxt is not None and _label_like(nxt.words) and not _starts_table(nxt, line) \
                    and _plan_row(nxt, nxt.words, k, line, words) is not None:
                rows.append(_Row([" ".join(t.text for t in seg.words)], RowRun(line, seg.run), seg.words[0].start))
                j += 1
                continue
            break
        rows.append(row)
        j += 1
    return rows, j


def _acceptable(f: _Found) -> bool:
    """Enough structure to be a table: a header, or three rows; one row only under a header
    whose every column names a scenario, a measure word or a year."""
    h = f.header
    if h is None:
        return f.nrows >= 3 and f.k >= 2
    if h.score < -3.0:
        return False           # a split this costly is a guess at the columns
    strong = h.score >= -1.0 and all(_has_head(c) or _has_year(c) for c in h.columns)
    if f.k == 1:
        words = h.columns[0].split()
        return (f.nrows >= 2 and strong and len(words) <= 3 and _has_head(h.columns[0])
                and all(is_head(w) or _has_year(w) or not w[:1].isalpha() for w in words[1:]))
    if f.nrows == 1:
        return strong
    return True


def _header_like(words: list[Token]) -> bool:
    """A first label that reads like a column header (``Budget 2019``)."""
    return any(_YEARISH.match(w.text) for w in words) and any(is_head(w.text) and w.text[:1].isupper() for w in words)


def _year_rows(segs: list[Seg]) -> bool:
    """The rows are years (``2018 55 91 614``, ``2017 54 93 518``)."""
    return bool(segs) and all(len(s.words) == 1 and _YEARISH.match(s.words[0].text) for s in segs)


def _has_head(phrase: str) -> bool:
    return any(is_head(w) for w in phrase.split())


def _has_year(phrase: str) -> bool:
    return any(_YEARISH.match(w.strip("():,")) or _PERIODISH.match(w) for w in phrase.split())


def _cost(f: _Found, line: str) -> float:
    """How well a reading of the segments as a table explains them (lower is better): the
    header's split cost, rows that hold the header's difference identity, how well values fit
    their columns, rows refused as ambiguous, labels split or given numbers to make rows fit."""
    if f.reading is None:
        f.reading = _read(f, line)
    r = f.reading
    header = (f.header.label_cost - f.header.score) if f.header else 4.0
    multi = sum(1 for row in f.rows if len(row.labels) > 1)
    moved = sum(1 for row in f.rows for label in row.labels if re.search(r"\d$", label))
    resolved = sum(1 for v in r.values if v is not None)
    joins = sum(p.raw.count(" ") for v in r.values if v for p in v if p is not None)
    return (header - 2.0 * r.identity_rows + 0.5 * r.misfit + 1.5 * multi + 2.0 * r.refused + moved
            - 1.0 * resolved + 0.25 * joins)


def _starts_table(seg: Seg, line: str) -> bool:
    """A new header inside the rows: the words before this run end in a column header."""
    if len(seg.words) < 3 or not any(_YEARISH.match(w.text) or w.text[:1].isupper() for w in seg.words[:-1]):
        return False
    ks = {k for _, r in _row_options(seg, line) for k in r.counts() if 1 <= k <= MAX_COLUMNS}
    return any(split_header([t.text for t in seg.words], k, label_needed=True, strict=True) for k in ks)


# --------------------------------------------------------------------------- labels printed before the header

def _labels_first(segs: list[Seg], i: int, line: str, words: frozenset[str]) -> _Found | None:
    """``Tkr Central, administration Politisk verksamhet … Utfall 2018-02 Budget 2019 …
    Avvikelse -730-13 899 …``: the labels, then the header, then every row's values (read
    only when one reading holds the header's difference identity on every row)."""
    first = segs[i]
    texts = [t.text for t in first.words]
    run = RowRun(line, first.run)
    available = run.counts()
    for k in range(2, MAX_COLUMNS + 1):
        header = split_header(texts, k, label_needed=False)
        if header is None or header.label_start != len(texts):
            continue
        labels = split_labels(texts[:header.start], words)
        if len(labels) < 2 or len(labels) * k not in available:
            continue
        grid = grid_options(run, len(labels), k, header.columns)
        if grid is None:
            continue
        rest, j = _more_rows(segs, i + 1, k, line, words)
        return _Found(k, header, [_Row(labels, run, first.run[0].start)] + rest, j, labels_first=True,
                      words=texts, tokens=first.words, grid=grid)
    return None


# --------------------------------------------------------------------------- choosing readings

# --------------------------------------------------------------------------- the table

def _cell(piece: Piece | None, dash: str = "-") -> Cell:
    return classify(Cell(piece.raw if piece is not None else dash, 0, 0, 0, 0, 1.0))


@dataclass
class _Reading:
    labels: list[str]
    values: list[list[Piece | None] | None]    # None: the row was ambiguous (refused)
    evidences: list[str]
    identity_rows: int
    misfit: float
    refused: int


def _read(found: _Found, line: str) -> _Reading:
    k, header = found.k, found.header
    headers = header.columns if header else [""] * k
    labels, options, evidences = [], [], []
    for n, r in enumerate(found.rows):
        run_text = line[r.run.tokens[0].start:r.run.tokens[-1].end]
        if n == 0 and found.labels_first:
            grid = found.grid
        elif len(r.labels) == 1:
            labels.append(r.labels[0])
            options.append(r.run.readings(k))
            evidences.append(f"{r.labels[0]} {run_text}")
            continue
        else:
            grid = grid_options(r.run, len(r.labels), k, headers)
        for q, label in enumerate(r.labels):
            labels.append(label)
            options.append(grid[q] if grid else [])
            evidences.append(f"{label} " + " ".join(v.raw if v else "-" for v in grid[q][0])
                             if grid and len(grid[q]) == 1 else f"{' '.join(r.labels)} {run_text}")
    sure = header is not None and header.score >= -1.0
    values = choose(options, headers, labels, header_sure=sure)
    chosen = [v for v in values if v is not None]
    idents = identities(headers, k)
    identity_rows = max((sum(1 for v in chosen if holds(v, ident)) for ident in idents), default=0)
    shape = column_shape(chosen, k)
    total_misfit = sum(min(misfit(v, shape), 6.0) for v in chosen)
    return _Reading(labels, values, evidences, identity_rows, total_misfit, sum(1 for v in values if v is None))


def _build(found: _Found, line: str) -> Table | None:
    k, header = found.k, found.header
    first = found.rows[0]
    headers = header.columns if header else [""] * k
    groups = header.groups if header else [""] * k
    reading = found.reading or _read(found, line)
    rows: list[Row] = []
    for label, values, evidence in zip(reading.labels, reading.values, reading.evidences):
        if values is None or all(v is None for v in values):
            continue        # ambiguous reading (refused), or dashes only
        rows.append(Row(label=label, cells=[_cell(v) for v in values], evidence=evidence))
    if not rows:
        return None
    seg_words = found.words
    if found.labels_first:
        end = stub_end(seg_words)
        before, stub = seg_words[:end], (seg_words[end - 1] if end else "")
    else:
        before = seg_words[:header.start] if header else seg_words[:max(0, len(seg_words) - len(first.labels[0].split()))]
        stub = header.stub if header else ""
    caption = _caption(before[:len(before) - len(stub.split())] if stub else before)
    # the text before the table as printed (a goal or heading may hold numbers: "… 18 24 år ska minska.")
    cut = len(before) - len(stub.split()) if stub else len(before)
    end_char = found.tokens[cut].start if cut < len(found.tokens) else first.run.tokens[0].start
    context = line[max(0, end_char - 400):end_char].split()
    return Table(page=None, columns=[Column(i, 0, 0, header=h, group=g) for i, (h, g) in enumerate(zip(headers, groups))],
                 rows=rows, stub=stub, caption=[caption] if caption else [], heading=_heading(context),
                 goal=goal_statement(" ".join(context)), source="flat", continuation=header is None,
                 top=first.run.tokens[0].start, bottom=found.rows[-1].run.tokens[-1].end)


def _tail_label(words: list[Token]) -> list[Token]:
    """Without a header: the label is the words after the last sentence end or number."""
    out: list[Token] = []
    for w in reversed(words):
        if out and (w.text.endswith((".", ":")) and w.text.lower() not in _ABBREV):
            break
        out.insert(0, w)
        if len(out) >= 12:
            break
    return out


def _caption(before: list[str]) -> str:
    text = " ".join(before)
    pieces = re.split(r"(?<=[.:!?])\s+(?=[A-ZÅÄÖ*])", text.strip())
    return pieces[-1][-160:] if pieces and pieces[-1] else ""


def _heading(before: list[str]) -> str | None:
    """A numbered heading right before the table ("… 3.1.1 Ekonomiskt bistånd" + header)."""
    text = " ".join(before)
    m = re.search(r"(?:^|\s)(\d+(?:\.\d+)+\.?\s+[A-ZÅÄÖ][\w,\-– ]{1,60}?)\s*$", text)
    if m and not re.search(r"\d", m.group(1).split(None, 1)[1]) and len(m.group(1).split()) <= 8:
        return m.group(1).strip()
    return None
