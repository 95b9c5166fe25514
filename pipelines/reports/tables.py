"""Tables from lines of cells, by geometry.

A table is a run of lines whose value cells line up in columns (right edges of numbers),
with the header lines above it. Rows whose label wraps over several lines are joined:
a label line without values belongs to the value row it is tight against (top-, bottom-
or centre-aligned rows), and otherwise opens a section (``Gemensamma tjänster``). Header
lines are stacked per column; a sparse header line without scenario or measure words
(``Period``, ``Helår``, ``Innevarande år``) is a group header that spans the columns up to
the next group cell.

The same code reads PDF pages (points), layout text (character columns) and tab text.
"""

from __future__ import annotations

import contextvars
import re
from dataclasses import dataclass, field

from pipelines.reports.layout import Cell, Line
from pipelines.reports.vocabulary import any_word, norm, vocabulary

_YEARLIKE = re.compile(r"(?:19|20)\d\d(?:-\d\d(?:-\d\d)?|0[1-9]|1[0-2])?")
_PAGE_NUMBER = re.compile(r"^(?:sid(?:a)?\s*)?\d{1,3}\s*(?:\(\d{1,3}\)|/\s*\d{1,3}|av\s+\d{1,3})$", re.I)
_BARE_NUMBER = re.compile(r"^(?:sid(?:a)?\s*)?\d{1,3}$", re.I)


@dataclass
class Column:
    index: int
    x0: float
    x1: float
    header: str = ""
    group: str = ""           # a spanning header above the column (Period, Helår …)


@dataclass
class Row:
    label: str
    cells: list[Cell | None]
    section: str | None = None
    evidence: str = ""
    top: float = 0.0
    bottom: float = 0.0
    label_x0: float | None = None
    label_lines: list[str] = field(default_factory=list)
    value_line: Line | None = None


@dataclass
class Table:
    page: int | None
    columns: list[Column]
    rows: list[Row]
    stub: str = ""                                       # header text over the label column
    caption: list[str] = field(default_factory=list)     # lines just above the header
    after: list[str] = field(default_factory=list)       # a caption line just below
    heading: str | None = None                           # nearest heading above the table
    goal: str | None = None                              # goal statement between heading and table
    section: str | None = None                           # sub-heading inherited from the table above
    source: str = "pdf"
    fs: float = 10.0
    id: str = ""
    top: float = 0.0
    bottom: float = 0.0
    continuation: bool = False      # a headerless row at the top of a page: kept only if it
                                    # continues the previous table (extract._inherit_headers)

    @property
    def context(self) -> str:
        return " ".join([self.heading or "", *self.caption, self.stub, *self.after])


# --------------------------------------------------------------------------- helpers

def _words(text: str) -> int:
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
    longest = max(texts, key=lambda c: _words(c.text))
    if any(c.is_value and c.x0 > longest.x1 for c in line.cells):
        return False     # a long label with its values after it (indicator tables)
    n = _words(longest.text)
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
    if all(_YEARLIKE.fullmatch(c.text.strip()) for c in vals) and (
            not texts or all(norm(c.text).strip(":") in ("år", "period", "datum") or _is_lower_start(c.text)
                             or re.fullmatch(r"(?:19|20)\d\d\s?[/-]\s?(?:19|20)?\d\d", c.text.strip()) for c in texts)):
        return []
    # a lone number at the start of a text line is a heading number or a list item
    if len(line.cells) >= 2 and line.cells[0].is_value and not any(c.is_value for c in line.cells[1:]) \
            and _words(line.cells[1].text) >= 2:
        return []
    return vals


def _years_only(line: Line) -> bool:
    vals = [c for c in line.cells if c.is_value]
    return bool(vals) and all(_YEARLIKE.fullmatch(c.text.strip()) for c in vals)


def _tol(fs: float, source: str) -> float:
    return 1.2 if source != "pdf" else max(2.0, 0.35 * fs)


def _is_lower_start(text: str) -> bool:
    t = text.lstrip("-–•·* ")
    return bool(t) and (t[0].islower() or t[0] in "(&/")


def _scenario_or_measure_word(text: str) -> bool:
    v = vocabulary()
    words = [w for entry in v["columns"]["scenarios"] for w in entry["words"]]
    if any_word(text, words):
        return True
    for schema in ("ekonomi", "personal", "maluppfyllelse", "verksamhet"):
        for entry in v["measures"].get(schema, []):
            if any_word(text, entry.get("match", [])):
                return True
    return False


# --------------------------------------------------------------------------- columns

def _cluster_columns(cells: list[Cell], fs: float, source: str) -> list[Column]:
    tol = _tol(fs, source)
    by_right = sorted(cells, key=lambda c: c.x1)
    groups: list[list[Cell]] = []
    for c in by_right:
        if groups and c.x1 - groups[-1][-1].x1 <= tol:
            groups[-1].append(c)
        else:
            groups.append([c])
    cols = [Column(0, min(c.x0 for c in g), max(c.x1 for c in g)) for g in groups]
    # centred or left-aligned numbers: merge clusters whose spans contain each other's centres
    merged: list[Column] = []
    for col in sorted(cols, key=lambda c: c.x0):
        if merged:
            last = merged[-1]
            centre = (col.x0 + col.x1) / 2
            if last.x0 <= centre <= last.x1 or col.x0 <= (last.x0 + last.x1) / 2 <= col.x1:
                last.x0, last.x1 = min(last.x0, col.x0), max(last.x1, col.x1)
                continue
        merged.append(col)
    for i, col in enumerate(merged):
        col.index = i
    return merged


def _merge_exclusive(columns: list[Column], block: list[Line], fs: float, source: str) -> list[Column]:
    """Layout text places numbers on a character grid, so one column's right edges can drift
    by a few characters (``100%`` over ``51``). Two neighbouring clusters that never hold
    values in the same row and stand close together are one column."""
    if len(columns) < 2:
        return columns
    rows = [{_column_of(c, columns, fs, source) for c in value_cells(ln)} for ln in block]
    merged = [Column(columns[0].index, columns[0].x0, columns[0].x1)]
    members = [{columns[0].index}]
    for col in columns[1:]:
        last = merged[-1]
        together = any(col.index in r and members[-1] & r for r in rows)
        if not together and col.x1 - last.x1 <= 6:
            last.x0, last.x1 = min(last.x0, col.x0), max(last.x1, col.x1)
            members[-1].add(col.index)
            continue
        merged.append(Column(col.index, col.x0, col.x1))
        members.append({col.index})
    for i, col in enumerate(merged):
        col.index = i
    return merged


def _column_of(cell: Cell, columns: list[Column], fs: float, source: str) -> int | None:
    tol = _tol(fs, source)
    for col in columns:
        if abs(cell.x1 - col.x1) <= tol:
            return col.index
    return _overlap_or_nearest(cell.x0, cell.x1, columns, 3 * tol)


def _overlap_or_nearest(x0: float, x1: float, columns: list[Column], max_distance: float) -> int | None:
    """The column a span overlaps most, else the one whose centre is nearest to the span's
    centre when it is at most ``max_distance`` away."""
    best, best_overlap = None, 0.0
    for col in columns:
        overlap = min(x1, col.x1) - max(x0, col.x0)
        if overlap > best_overlap:
            best, best_overlap = col.index, overlap
    if best is not None:
        return best
    centre = (x0 + x1) / 2
    nearest = min(columns, key=lambda c: abs((c.x0 + c.x1) / 2 - centre))
    if abs((nearest.x0 + nearest.x1) / 2 - centre) <= max_distance:
        return nearest.index
    return None


def _aligns(line: Line, columns: list[Column], fs: float, source: str) -> bool:
    vals = value_cells(line)
    if not vals:
        return False
    tol = _tol(fs, source)
    if source != "pdf" and len(vals) == len(columns) and all(
            abs(v.x1 - col.x1) <= 8 for v, col in zip(vals, columns)):
        return True     # layout text: as many values as columns, each near its column
    hits = 0
    for c in vals:
        if any(abs(c.x1 - col.x1) <= tol or (col.x0 - tol <= c.center <= col.x1 + tol) for col in columns):
            hits += 1
    return hits >= max(1, (len(vals) + 1) // 2)


# --------------------------------------------------------------------------- blocks

_OPEN_END = re.compile(r"(?:,|\boch|\bsamt|\beller|\bav|\bför|\bi|\binom|\bmed|\btill|\bper)$", re.I)
_OPEN_START = re.compile(r"^[-–−]\s?\d{1,3}$")                 # "-19": up to 19
_RANGE_LABEL = re.compile(r"^\d{1,3}\s?[-–]\s?\d{0,3}(?:\s*år)?$")   # "20-25", "51 -"


def _total_line(line: Line) -> bool:
    from pipelines.reports.mapping import is_total
    first = line.cells[0] if line.cells else None
    return first is not None and not first.is_value and is_total(first.text) and bool(value_cells(line))


def _range_labels(lines: list[Line], source: str) -> None:
    """A first cell ``-19`` in a column of ranges (``20-25``, ``26-30``, ``51 -``) is the
    label of an interval row, not a negative number."""
    for i, ln in enumerate(lines):
        first = ln.cells[0] if ln.cells else None
        if first is None or not first.is_value or len(ln.cells) < 2 or not _OPEN_START.match(first.text.strip()):
            continue
        tol = 1.0 if source != "pdf" else 0.5 * ln.fs
        near = lines[max(0, i - 3): i] + lines[i + 1: i + 4]
        if any(o.cells and not o.cells[0].is_value and abs(o.cells[0].x0 - first.x0) <= tol
               and _RANGE_LABEL.match(o.cells[0].text.strip()) for o in near):
            first.num = None
            first.no_value = False


def find_tables(lines: list[Line], page: int | None, source: str = "pdf") -> list[Table]:
    """Every table on a page (or in a text)."""
    _range_labels(lines, source)
    tables: list[Table] = []
    used: set[int] = set()
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        if i in used or not value_cells(line) or is_prose(line):
            i += 1
            continue
        block = [i]
        fs = line.fs
        cells = list(value_cells(line))
        columns = _cluster_columns(cells, fs, source)
        j = i + 1
        pending: list[int] = []
        prev_line = line
        widest = 0.0
        while j < n:
            nxt = lines[j]
            gap = nxt.top - prev_line.bottom
            max_gap = max(3.6 * fs, 1.6 * widest) if source == "pdf" else 2
            if gap > max_gap and not (gap <= (8 * fs if source == "pdf" else 6) and _total_line(nxt)
                                      and len(block) >= 2 and _aligns(nxt, columns, fs, source)):
                break       # a Summa row set off by blank lines still closes the table
            if is_page_furniture(nxt):
                break
            if not value_cells(nxt) and nxt.cells and min(c.x0 for c in nxt.cells) > columns[-1].x1 + (0.5 * fs if source == "pdf" else 1):
                prev_line = nxt
                j += 1
                continue   # a comment column to the right of the numbers
            if value_cells(nxt) and not is_prose(nxt):
                if not _aligns(nxt, columns, fs, source) and len(block) >= 2:
                    break
                block.extend(pending)
                pending = []
                block.append(j)
                widest = max(widest, gap)
                cells.extend(value_cells(nxt))
                columns = _cluster_columns(cells, fs, source)
                if source != "pdf":
                    columns = _merge_exclusive(columns, [lines[b] for b in block], fs, source)
            elif is_prose(nxt) or len(pending) >= 4:
                break
            elif any(c.x0 >= columns[0].x0 - (0.5 * fs if source == "pdf" else 1) and not
                     (c.no_value or _is_lower_start(c.text)) for c in nxt.cells):
                break      # text over the columns: the header of the next table
            elif any(not c.is_value and c.x1 > columns[0].x0 + (0.5 * fs if source == "pdf" else 1)
                     and (_scenario_or_measure_word(c.text) or re.search(r"\b(?:19|20)\d\d\b", c.text))
                     for c in nxt.cells):
                break      # a header reaching over the columns (headers run together)
            else:
                pending.append(j)
            prev_line = nxt
            j += 1
        # a first line of years only ("Ekonomi (tkr) 2024 2025") is the header of the rows below
        if len(block) >= 2 and _years_only(lines[block[0]]) and not all(_years_only(lines[b]) for b in block[1:]):
            block = block[1:]
            cells = [c for b in block for c in value_cells(lines[b])]
            columns = _cluster_columns(cells, fs, source)
        # a trailing label line tight under the last row (wrapped label, top-aligned rows)
        for k in pending[:3]:
            prev = lines[block[-1]]
            cand = lines[k]
            tight = (cand.top - prev.bottom) <= (0.45 * fs if source == "pdf" else 0)
            captionish = re.match(r"^(?:tabell\w*|tab\.|figur\w*|diagram\w*|källa)\b", cand.text.strip(), re.I) \
                or _words(cand.text) > 8
            if tight and not cand.values and not captionish and (_is_lower_start(cand.text) or source == "pdf"):
                block.append(k)
            else:
                break
        if source != "pdf":
            columns = _merge_exclusive(columns, [lines[b] for b in block], fs, source)
        table = _build(lines, block, columns, page, source)
        if table is not None:
            tables.append(table)
            used.update(block)
            i = max(block) + 1
        else:
            i += 1
    for t_i, t in enumerate(tables, 1):
        t.id = f"p{page}t{t_i}" if page is not None else f"t{t_i}"
    return tables


def _stub_limit(columns: list[Column]) -> float:
    return columns[0].x0


def _stub_right(value_lines: list[Line], columns: list[Column], fs: float, source: str) -> float:
    """Where the label column ends: the right edge of the widest label, at most the first
    column of numbers."""
    limit = columns[0].x0
    rights = [c.x1 for ln in value_lines for c in ln.cells if not c.is_value and c.x1 <= limit + 0.3 * fs]
    if not rights:
        return limit - (fs if source == "pdf" else 1)
    return min(max(rights), limit)


def _build(lines: list[Line], block: list[int], columns: list[Column], page: int | None, source: str) -> Table | None:
    body = [lines[k] for k in sorted(set(block))]
    fs = max(ln.fs for ln in body)
    value_lines = [ln for ln in body if value_cells(ln)]
    if not columns or not value_lines:
        return None
    # a lone value line is a table only when it has a header (checked below) or 2+ values
    stub_x = _stub_limit(columns)
    first = sorted(set(block))[0]
    stub_right = _stub_right(value_lines, columns, fs, source)
    header_lines, caption, heading, extra = _header(lines, first, columns, fs, source, stub_right)
    goal = goal_before(lines, first, heading)
    if extra:
        body = [lines[k] for k in extra] + body
        block = list(block) + list(extra)
    top_of_page = source == "pdf" and first == next((k for k, ln in enumerate(lines) if not ln.margin), -1)
    continuation = len(value_lines) == 1 and not header_lines and top_of_page and len(value_cells(value_lines[0])) >= 2
    if len(value_lines) == 1 and not header_lines and not continuation:
        return None
    if len(value_lines) == 1 and len(value_cells(value_lines[0])) == 1 and not any(
            _scenario_or_measure_word(ln.text) or re.search(r"(?:19|20)\d\d", ln.text) for ln in header_lines):
        return None
    if all(len(value_cells(ln)) == 1 for ln in value_lines) and not header_lines and len(value_lines) < 3:
        return None
    headers, groups, stub = _column_headers(header_lines, columns, fs, source, stub_right)
    for col in columns:
        col.header = headers.get(col.index, "")
        col.group = groups.get(col.index, "")
    rows = _rows(body, columns, fs, source, stub_x)
    if not rows:
        return None
    if all(not r.label for r in rows) and len(columns) >= 2 and all(
            r.cells[0] is not None and _YEARLIKE.fullmatch(r.cells[0].text.strip()) for r in rows):
        # the first column holds years (rows are years): it is the label column
        for r in rows:
            r.label = r.cells[0].text.strip()
            r.label_lines = [r.label]
            r.cells = r.cells[1:]
        if not columns[0].header and not columns[0].group:
            pass
        stub = (stub + " " + columns[0].header).strip() if stub else columns[0].header
        columns = columns[1:]
        for i, col in enumerate(columns):
            col.index = i
    _unlabelled_total(rows)
    labelled = sum(1 for r in rows if r.label)
    if labelled == 0 or labelled * 2 < len(rows):
        return None
    has_header = bool(header_lines) or bool(stub)
    if not has_header and labelled < 3 and not continuation:
        if source != "pdf" or not all(len(value_cells(v)) >= 2 for v in value_lines):
            return None     # a few numbers beside running text (chart labels), not a table
        continuation = True  # kept only if it continues the table above (same columns)
    if continuation and not all(
            r.label and _words(r.label) <= 25 and not _is_lower_start(r.label)
            and sum(1 for c in r.cells if c is not None) * 2 >= len(columns) for r in rows):
        return None         # numbers beside running text, not the rest of a table
    prose_like = sum(1 for r in rows if _words(r.label) >= 8 and _is_lower_start(r.label))
    if prose_like * 2 > len(rows):
        return None
    last = max(sorted(set(block)))
    after = []
    if last + 1 < len(lines):
        nxt = lines[last + 1]
        if re.match(r"^(?:tabell\w*|tab\.|figur\w*|diagram\w*|källa)\b", nxt.text.strip(), re.I) or (
                _words(nxt.text) <= 8 and (nxt.top - lines[last].bottom) <= 1.5 * fs and not value_cells(nxt)
                and not nxt.text.rstrip().endswith(".")):
            after.append(nxt.text)
    return Table(
        page=page, columns=columns, rows=rows, stub=stub, caption=caption, after=after, heading=heading,
        goal=goal, source=source, fs=fs, top=min(ln.top for ln in body), bottom=max(ln.bottom for ln in body),
        continuation=continuation,
    )


def _unlabelled_total(rows: list[Row]) -> None:
    """A last row printed without a label whose values are the sums of the rows above (a
    total under a rule) is labelled ``Summa``; the printed row stays in ``evidence``."""
    if len(rows) < 3 or rows[-1].label or not any(rows[-1].cells):
        return
    last, above = rows[-1], rows[:-1]
    if any(not r.label for r in above):
        return
    for i, cell in enumerate(last.cells):
        if cell is None or cell.num is None:
            continue
        vals = [r.cells[i].num.value for r in above if r.cells[i] is not None and r.cells[i].num is not None]
        if len(vals) < 2:
            return
        if abs(sum(vals) - cell.num.value) > 10 ** -cell.num.decimals * max(1, len(vals) / 2) + 1e-9:
            return
    last.label = "Summa"
    last.label_lines = ["Summa"]


# --------------------------------------------------------------------------- headers

def _header(lines: list[Line], first: int, columns: list[Column], fs: float, source: str, stub_right: float
            ) -> tuple[list[Line], list[str], str | None, list[int]]:
    """Header lines (with cells over the columns), caption lines, the nearest heading, and
    label-only lines between the header and the first row (sections of the body)."""
    tolx = 0.3 * fs if source == "pdf" else 0
    max_gap = 1.6 * fs if source == "pdf" else 1
    span_x1 = columns[-1].x1 + (3 * fs if source == "pdf" else 3)

    def column_cells(ln: Line) -> list[Cell]:
        return [c for c in ln.cells if c.x0 >= stub_right - tolx and c.x0 < span_x1]

    # label-only lines right above the first row
    skipped: list[int] = []
    k = first - 1
    below = lines[first]
    while k >= 0 and len(skipped) < 3:
        ln = lines[k]
        if below.top - ln.bottom > max_gap or value_cells(ln) or is_prose(ln) or is_page_furniture(ln):
            break
        if column_cells(ln):
            break
        skipped.insert(0, k)
        below = ln
        k -= 1
    header: list[Line] = []
    while k >= 0 and len(header) < 9:
        ln = lines[k]
        gap = below.top - ln.bottom
        limit = max_gap if header else (3.2 * fs if source == "pdf" else 1)
        if gap > limit or value_cells(ln) and not _header_values(ln):
            break
        if is_prose(ln) or is_page_furniture(ln):
            break
        over = column_cells(ln)
        if not over:
            if header and gap <= (0.3 * fs if source == "pdf" else 0) and _words(ln.text) <= 5:
                header.insert(0, ln)     # the stub header stacked over more lines
                below = ln
                k -= 1
                continue
            break
        if any(_words(c.text) > 8 for c in over):
            break
        header.insert(0, ln)
        below = ln
        k -= 1
    if not header:
        skipped = []
        k = first - 1
        below = lines[first]
    # caption: short lines just above
    caption: list[str] = []
    cap_gap = 3.0 * fs if source == "pdf" else 2
    below_top = below.top
    while k >= 0 and len(caption) < 3:
        ln = lines[k]
        if below_top - ln.bottom > cap_gap or is_prose(ln) or value_cells(ln) or is_page_furniture(ln):
            break
        if _words(ln.text) > 12 or _is_lower_start(ln.text) or (ln.text.rstrip().endswith(".") and _words(ln.text) > 3):
            break
        caption.insert(0, ln.text)
        below_top = ln.top
        k -= 1
    heading = None
    for m in range(first - 1, max(-1, first - 40), -1):
        t = lines[m].text.strip()
        if re.match(r"^\d+(?:\.\d+)*\.?\s*[A-ZÅÄÖ]", t) and _words(t) <= 12 and not value_cells(lines[m]):
            heading = t
            break
    return header, caption, heading, skipped


def goal_before(lines: list[Line], first: int, heading: str | None) -> str | None:
    """The goal statement printed between the table's heading and the table (``goal_statement``)."""
    texts: list[str] = []
    for m in range(first - 1, max(-1, first - (40 if heading else 15)), -1):
        t = lines[m].text.strip()
        if heading and t == heading:
            break
        texts.insert(0, t)
    return goal_statement("\n".join(texts))


def goal_statement(text: str) -> str | None:
    """The last goal introduced by a goal lead (vocabulary ``schemas.goal_leads``) in a text:
    ``Nämndens prioriterade mål:`` followed by the goal on the next line, or ``Mål (nivå 1):
    Andel … ska minska.`` (the first sentence after the colon)."""
    leads = sorted((norm(w) for w in vocabulary()["schemas"].get("goal_leads", [])), key=len, reverse=True)
    if not leads or not text:
        return None
    pattern = re.compile(r"(?:^|(?<=\n)|(?<=[.!?*]\s)|(?<=\*\*))(?:" + "|".join(re.escape(w) for w in leads)
                         + r")\s*:[*\s]*", re.I | re.M)
    found = None
    for m in pattern.finditer(text):
        rest = text[m.end():].lstrip()
        line = rest.split("\n", 1)[0].strip(" *")
        goal = re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])", line, maxsplit=1)[0].strip()
        if len(goal.split()) >= 3 and not pattern.match(goal):
            found = goal
    return found


def _header_values(line: Line) -> bool:
    """A header line may hold years and dates (``2025 2024 2023``), which parse as numbers."""
    for c in line.cells:
        if c.is_value and not re.fullmatch(r"(?:19|20)\d\d(?:-\d\d(?:-\d\d)?)?", c.text.strip()):
            return False
    return True


def _bands(header_lines: list[Line], fs: float, source: str) -> list[list[Line]]:
    """Header lines in bands: lines that overlap or touch belong to one band (PDF); in text
    every line is its own band."""
    bands: list[list[Line]] = []
    for ln in header_lines:
        if bands and source == "pdf" and ln.top - bands[-1][-1].bottom <= 0.2 * fs:
            bands[-1].append(ln)
        else:
            bands.append([ln])
    return bands


def _right_aligned_runs(words: list, columns: list[Column], fs: float, source: str) -> dict[int, int] | None:
    """Words of one header line over several right-aligned columns, split into runs that each
    end at a column's right edge ("Förvaltnings | funktionsstöd | Stöd o service |
    familjeomsorg"): a word standing between two columns goes with the run it ends with, not
    with the column it is nearest to. None when the runs do not all end at right edges."""
    if source != "pdf" or not words:
        return None
    tol = 0.3 * fs
    out: dict[int, int] = {}
    run: list = []
    for w in sorted(words, key=lambda w: w.x0):
        run.append(w)
        col = next((c for c in columns if abs(w.x1 - c.x1) <= tol), None)
        if col is not None:
            out.update({id(x): col.index for x in run})
            run = []
    return out if not run and len(set(out.values())) > 1 else None


def _word_column(w, columns: list[Column], fs: float, source: str) -> int | None:
    width = max(c.x1 - c.x0 for c in columns)
    return _overlap_or_nearest(w.x0, w.x1, columns, width + (3 * fs if source == "pdf" else 3))


def _column_headers(header_lines: list[Line], columns: list[Column], fs: float, source: str, stub_x: float
                    ) -> tuple[dict[int, str], dict[int, str], str]:
    stacked: dict[int, list[tuple[float, float, str, bool]]] = {}
    groups: dict[int, str] = {}
    stub_parts: list[tuple[float, float, str]] = []
    ncols = len(columns)
    tolx = 0.3 * fs if source == "pdf" else 0
    bands = _bands(header_lines, fs, source)
    for b_i, band in enumerate(bands):
        def in_stub(c: Cell) -> bool:
            # left of the label column's end, and not reaching into the first value column
            # (a right-aligned header wider than its numbers, "Ingående värde")
            return c.x0 < stub_x - tolx and not (
                source == "pdf" and not c.is_value and abs(c.x1 - columns[0].x1) <= 0.3 * fs and c.x1 > stub_x)

        col_cells = [c for ln in band for c in ln.cells if not in_stub(c)]
        for ln in band:
            for c in ln.cells:
                if in_stub(c):
                    stub_parts.append((c.top, c.x0, c.text))
        if not col_cells:
            continue
        clusters = _x_clusters(col_cells)
        band_text = " ".join(c.text for c in col_cells)
        is_group = (
            b_i < len(bands) - 1 and 2 * len(clusters) <= ncols
            and not any(_scenario_word(" ".join(c.text for c in cl)) for cl in clusters)
            and (not all(re.fullmatch(r"(?:19|20)\d\d", c.text.strip()) for c in col_cells)
                 or _spans_next_band(bands[b_i + 1], stub_x - tolx, ncols))
            and (source == "pdf" or (
                all(cl[0].text[:1].isupper() or cl[0].text[:1].isdigit() for cl in clusters)
                and not _scenario_or_measure_word(band_text)))
        )
        if is_group:
            starts: list[tuple[int, str]] = []
            for cl in clusters:
                x0 = min(c.x0 for c in cl)
                x1 = max(c.x1 for c in cl)
                idx = next((col.index for col in columns if col.x1 > x0 and col.x0 < x1), None)
                if idx is None:
                    idx = _word_column(cl[0], columns, fs, source)
                if idx is None:
                    continue
                text = join_fragments([c.text for c in sorted(cl, key=lambda c: (c.top, c.x0))])
                starts.append((idx, text))
            starts.sort()
            centred = _centred_groups(clusters, columns) if starts and starts[0][0] > 0 else None
            if centred:
                # group headers centred over equal spans (2024 over Kvinnor | Män | Totalt)
                for ci, text in centred.items():
                    groups[ci] = (groups.get(ci, "") + " " + text).strip()
                continue
            spans = [(starts[s_i + 1][0] if s_i + 1 < len(starts) else ncols) - idx for s_i, (idx, _) in enumerate(starts)]
            if starts and max(spans) >= 2:
                for s_i, (idx, text) in enumerate(starts):
                    end = starts[s_i + 1][0] if s_i + 1 < len(starts) else ncols
                    for ci in range(idx, end):
                        groups[ci] = (groups.get(ci, "") + " " + text).strip()
                continue
        subs = _sub_cells(col_cells, fs, source)
        for stack in _x_clusters(subs):
            x0 = min(c.x0 for c in stack)
            x1 = max(c.x1 for c in stack)
            hits = [col.index for col in columns if min(x1, col.x1) - max(x0, col.x0) > 0]
            if len(hits) == 1:
                targets = {id(c): hits[0] for c in stack}
            elif not hits:
                centre = (x0 + x1) / 2
                nearest = min(columns, key=lambda col: abs((col.x0 + col.x1) / 2 - centre))
                distance = max(nearest.x0 - x1, x0 - nearest.x1)
                if distance > (1.5 * fs if source == "pdf" else 6):
                    continue     # a header over a column of text (comments), not over numbers
                targets = {id(c): nearest.index for c in stack}
            else:
                # a stack over several columns: each word to the column it stands over
                targets = {}
                for c in stack:
                    spans = {_word_column(w, columns, fs, source) for w in (c.words or [])} - {None}
                    if len(spans) > 1:
                        runs = _right_aligned_runs(c.words, columns, fs, source)
                        for w in c.words:
                            idx = runs[id(w)] if runs else _word_column(w, columns, fs, source)
                            if idx is not None:
                                stacked.setdefault(idx, []).append((w.top, w.x0, w.text, w.hyphen))
                        targets[id(c)] = None
                    else:
                        targets[id(c)] = _column_of(c, columns, fs, source)
            for c in stack:
                idx = targets[id(c)]
                if idx is not None:
                    stacked.setdefault(idx, []).append((c.top, c.x0, c.text, c.hyphen))
    headers = {}
    for idx, parts in stacked.items():
        parts.sort(key=lambda p: (round(p[0], 0), p[1]))
        headers[idx] = join_fragments([p[2] + ("\u00ad" if p[3] else "") for p in parts])
    stub_parts.sort()
    stub = join_fragments([p[2] for p in stub_parts])
    return headers, groups, stub


def _centred_groups(clusters: list[list[Cell]], columns: list[Column]) -> dict[int, str] | None:
    """Group headers centred over their columns leave the first column outside every span
    read from the left; when each column's nearest group gives every group the same number
    of columns, that is the reading (``2024`` / ``2025`` over three columns each)."""
    if len(clusters) < 2 or len(columns) % len(clusters):
        return None
    centres = [((min(c.x0 for c in cl) + max(c.x1 for c in cl)) / 2,
                join_fragments([c.text for c in sorted(cl, key=lambda c: (c.top, c.x0))])) for cl in clusters]
    out: dict[int, str] = {}
    counts = [0] * len(centres)
    for col in columns:
        mid = (col.x0 + col.x1) / 2
        k = min(range(len(centres)), key=lambda i: abs(centres[i][0] - mid))
        counts[k] += 1
        out[col.index] = centres[k][1]
    if len(set(counts)) != 1:
        return None
    return out


def _spans_next_band(band: list[Line], stub_x: float, ncols: int) -> bool:
    """A band of years over a band with a header per column (``2024`` over ``Kvinnor | Män
    | Totalt``): the years are group headers."""
    cells = [c for ln in band for c in ln.cells if c.x0 >= stub_x]
    return len(cells) >= max(2, ncols - 1)


def _sub_cells(cells: list[Cell], fs: float, source: str) -> list[Cell]:
    """Header cells split where their words stand further apart than a word space (narrow
    columns whose headers run together: ``Ack. | Avvikelse | Budget 2025 | Utfall``)."""
    if source != "pdf":
        return cells
    out: list[Cell] = []
    for c in cells:
        words = c.words or []
        if len(words) < 2:
            out.append(c)
            continue
        group = [words[0]]
        for w in words[1:]:
            if w.x0 - group[-1].x1 > 0.4 * max(w.fs, group[-1].fs):
                out.append(_cell_of(group))
                group = [w]
            else:
                group.append(w)
        out.append(_cell_of(group))
    return out


def _cell_of(words) -> Cell:
    text = ""
    for i, w in enumerate(words):
        text += ("" if i == 0 or words[i - 1].hyphen else " ") + w.text
    return Cell(text, words[0].x0, words[-1].x1, min(w.top for w in words), max(w.bottom for w in words),
                max(w.fs for w in words), hyphen=words[-1].hyphen, words=list(words))


def _x_clusters(cells: list[Cell]) -> list[list[Cell]]:
    """Cells of a band that overlap in x (one stacked header each)."""
    clusters: list[list[Cell]] = []
    for c in sorted(cells, key=lambda c: c.x0):
        if clusters and c.x0 <= max(x.x1 for x in clusters[-1]):
            clusters[-1].append(c)
        else:
            clusters.append([c])
    return clusters


def _scenario_word(text: str) -> bool:
    words = [w for entry in vocabulary()["columns"]["scenarios"] for w in entry["words"]]
    return any_word(text, words) is not None


# --------------------------------------------------------------------------- rows

def _rows(body: list[Line], columns: list[Column], fs: float, source: str, stub_x: float) -> list[Row]:
    items: list[tuple[str, Line]] = []
    for ln in body:
        items.append(("value" if value_cells(ln) else "label", ln))
    rows: list[Row] = []
    row_of_line: dict[int, Row] = {}
    # first pass: value rows
    for kind, ln in items:
        if kind != "value":
            continue
        cells: list[Cell | None] = [None] * len(columns)
        label_parts = []
        label_x0 = None
        for c in ln.cells:
            if c.x1 <= stub_x + (0.3 * fs if source == "pdf" else 0) and not c.is_value:
                label_parts.append(c.text)
                label_x0 = c.x0 if label_x0 is None else label_x0
                continue
            if c.x0 > columns[-1].x1 + (2 * fs if source == "pdf" else 2):
                continue   # a comment column to the right of the numbers
            idx = _column_of(c, columns, fs, source)
            if idx is None:
                continue
            if c.is_value or c.no_value:
                if cells[idx] is None:
                    cells[idx] = c
            elif idx == 0 and not label_parts:
                label_parts.append(c.text)
        label_cells = [c for c in ln.cells if c.x1 <= stub_x + (0.3 * fs if source == "pdf" else 0) and not c.is_value]
        row = Row(label=" ".join(label_parts), cells=cells, top=ln.top, bottom=ln.bottom, label_x0=label_x0,
                  label_lines=[" ".join(label_parts)] if label_parts else [], value_line=ln)
        row._label_cells = label_cells  # type: ignore[attr-defined]
        row._soft = bool(label_cells and label_cells[-1].hyphen)  # type: ignore[attr-defined]
        rows.append(row)
        row_of_line[id(ln)] = row
    _group_column(rows, fs, source)
    # second pass: label-only lines, in order, each to a row (before/after) or a section
    section: str | None = None
    order = [ln for _, ln in items]
    tight = 0.45 * fs if source == "pdf" else 0
    near = 0.7 * fs if source == "pdf" else 0
    label_limit = stub_x + (0.3 * fs if source == "pdf" else 0)
    befores: dict[int, list[str]] = {}
    afters: dict[int, list[str]] = {}
    bottoms = {id(r): r.bottom for r in rows}
    has_after: set[int] = set()
    pending_before: list[tuple[Line, str]] = []

    def next_value_row(pos: int) -> Row | None:
        for q in range(pos + 1, len(order)):
            if id(order[q]) in row_of_line:
                return row_of_line[id(order[q])]
        return None

    prev_row: Row | None = None
    for pos, (kind, ln) in enumerate(items):
        if kind == "value":
            row = row_of_line[id(ln)]
            for pl, text in pending_before:
                befores.setdefault(id(row), []).append(text)
                row.top = min(row.top, pl.top)
            pending_before = []
            row.section = section
            prev_row = row
            continue
        if source == "pdf" and ln.fs < 0.85 * fs:
            continue        # a note in small print between the rows, not part of a label
        label_cells = [c for c in ln.cells if c.x1 <= label_limit]
        text = " ".join(c.text for c in label_cells)
        if text and label_cells[-1].hyphen:
            text += "\u00ad"      # a word broken at the line end with a soft hyphen
        if not text:
            continue
        next_row = next_value_row(pos)
        gap_prev = ln.top - bottoms[id(prev_row)] if prev_row else 1e9
        gap_next = next_row.top - ln.bottom if next_row else 1e9
        # a label cut after a comma or a joining word continues even with a capital
        soft_before = prev_row is not None and gap_prev <= tight and (
            (afters.get(id(prev_row)) or [""])[-1].endswith("\u00ad")
            or (not afters.get(id(prev_row)) and getattr(prev_row, "_soft", False)))
        lower = soft_before or _is_lower_start(text) or bool(prev_row is not None and prev_row.label and gap_prev <= tight
                                              and _OPEN_END.search(join_fragments([prev_row.label] + afters.get(id(prev_row), []))))
        if next_row is not None and not next_row.label and gap_next <= near:
            pending_before.append((ln, text))            # centred row: label above its values
        elif prev_row is not None and not prev_row.label and gap_prev <= near and (id(prev_row) in befores or lower):
            afters.setdefault(id(prev_row), []).append(text)   # … and the rest below
            bottoms[id(prev_row)] = ln.bottom
        elif pending_before and gap_prev <= tight:
            pending_before.append((ln, text))
        elif prev_row is not None and prev_row.label and gap_prev <= tight and (source == "pdf" or lower) \
                and (gap_prev <= gap_next or lower):
            afters.setdefault(id(prev_row), []).append(text)   # top-aligned row, label wraps below
            bottoms[id(prev_row)] = ln.bottom
        elif next_row is not None and gap_next <= tight and _is_lower_start(next_row.label):
            pending_before.append((ln, text))            # bottom-aligned row, label starts above
        elif next_row is not None and gap_next <= tight and source == "pdf" and not lower:
            pending_before.append((ln, text))
        elif prev_row is not None and prev_row.label and lower and gap_prev <= near:
            afters.setdefault(id(prev_row), []).append(text)
            bottoms[id(prev_row)] = ln.bottom
        else:
            if pending_before:
                pending_before.append((ln, text))
            else:
                section = text.replace("\u00ad", "")
    for row in rows:
        row.bottom = bottoms[id(row)]
        if getattr(row, "_group", None):
            row.section = row._group
    for row in rows:
        own = row.label + ("\u00ad" if getattr(row, "_soft", False) and row._label_cells
                           and row.label.endswith(row._label_cells[-1].text) else "")
        parts = befores.get(id(row), []) + ([own] if row.label else []) + afters.get(id(row), [])
        row.label_lines = parts
        row.label = join_fragments(parts)
        values_text = " ".join(c.text for c in row.cells if c is not None)
        row.evidence = (row.label + " " + values_text).strip()
    return rows


def _group_column(rows: list[Row], fs: float, source: str) -> None:
    """Two label columns (``Verksamhet | Verksamhetsmått``): the left one names a group that
    holds for the rows below it until the next group; it becomes the rows' section."""
    starts = sorted({round(c.x0) for r in rows for c in getattr(r, "_label_cells", [])})
    if len(starts) < 2:
        return
    gap = 2 * fs if source == "pdf" else 50
    left = starts[0]
    second = next((x for x in starts if x - left >= gap), None)
    if second is None:
        return
    def zone(r):
        cells = getattr(r, "_label_cells", [])
        return [c for c in cells if c.x0 < second - gap / 4], [c for c in cells if c.x0 >= second - gap / 4]

    with_left = [r for r in rows if all(zone(r))]
    only_second = [r for r in rows if zone(r)[1] and not zone(r)[0]]
    only_left = [r for r in rows if zone(r)[0] and not zone(r)[1]]
    if not with_left:
        return
    if not only_second:
        # every row has a left cell: it is an attribute of the row (Verksamhet | Åtgärd); a
        # row whose Åtgärd stands above/below its line (centred) gets the text from there
        if (len(with_left) + len(only_left)) * 2 < len(rows):
            return
        for r in with_left + only_left:
            lefts, rights = zone(r)
            r._attribute = " ".join(c.text for c in lefts)  # type: ignore[attr-defined]
            r.label = " ".join(c.text for c in rights)
            r.label_lines = [r.label] if r.label else []
            r._label_cells = rights  # type: ignore[attr-defined]
        return
    group = None
    for r in rows:
        cells = getattr(r, "_label_cells", [])
        lefts = [c for c in cells if c.x0 < second - gap / 4]
        rights = [c for c in cells if c.x0 >= second - gap / 4]
        if lefts and rights:
            group = " ".join(c.text for c in lefts)
            r.label = " ".join(c.text for c in rights)
            r.label_lines = [r.label]
        if group and rights:
            r._group = group  # type: ignore[attr-defined]


def drop_borrowed_captions(tables: list[Table]) -> None:
    """A caption line printed under one table ("Driftsredovisning, 2025, per verksamhet") is
    not part of the caption of the next table on the page."""
    for prev, table in zip(tables, tables[1:]):
        if prev.after and table.page == prev.page and table.caption:
            table.caption = [c for c in table.caption if c not in prev.after]


def inherit_sections(tables: list[Table]) -> None:
    """A table without caption lines right after another one on the same page (no heading in
    between) stands under the same sub-heading: it gets the caption's last line as its
    ``section`` ("Anläggningar samt fritids- och föreningsutveckling" over two Statistik tables)."""
    for prev, table in zip(tables, tables[1:]):
        if table.caption or table.page is None or table.page != prev.page or table.heading != prev.heading:
            continue
        table.section = prev.section or (prev.caption[-1] if prev.caption else None)


def inherit_groups(tables: list[Table]) -> None:
    """A table with a group column (``Verksamhet | Verksamhetsmått``) that goes on in the next
    table (a repeated header on the next page, or after a break) starts with rows whose group
    cell is empty: they belong to the last group of the table before, when it has the same
    stub and follows it directly (same or next page)."""
    for prev, table in zip(tables, tables[1:]):
        if not table.stub or norm(table.stub) != norm(prev.stub):
            continue
        if prev.page is not None and table.page not in (prev.page, prev.page + 1):
            continue
        last = next((getattr(r, "_group", None) for r in reversed(prev.rows) if getattr(r, "_group", None)), None)
        if last is None:
            continue
        for r in table.rows:
            if getattr(r, "_group", None):
                break
            r._group = last  # type: ignore[attr-defined]
            r.section = last


# --------------------------------------------------------------------------- joining words

def join_fragments(parts: list[str]) -> str:
    """Join stacked text fragments with one space; a word broken without a hyphen across
    lines (``Avvik`` / ``else``, ``Budgetav`` / ``vikelse``) is joined when the joined word
    is known (vocabulary) and the halves are not."""
    out = ""
    glue = False
    for part in parts:
        soft = part.endswith("\u00ad")
        part = " ".join(part.replace("\u00ad", "").split())
        if not part:
            continue
        if not out:
            out = part
            glue = soft
            continue
        if glue:
            out = out + part
            glue = soft
            continue
        glue = soft
        if out.endswith("-") and not out.endswith(" -") and part[:1].islower():
            # "Budget-" / "avvikelse": a printed hyphen at the line end of a compound
            out = out + part
            continue
        last = out.split(" ")[-1]
        first = part.split(" ")[0]
        if _joins(last, first):
            out = out + part
        else:
            out = out + " " + part
    return out


_DOC_WORDS: contextvars.ContextVar[frozenset[str]] = contextvars.ContextVar("doc_words", default=frozenset())


def document_words(texts: list[str]) -> frozenset[str]:
    """Words of a document (lower case), for joining words broken across header lines."""
    words: set[str] = set()
    for t in texts:
        words.update(re.findall(r"[a-zåäöéü]{4,}", t.lower()))
    return frozenset(words)


def set_document_words(words: frozenset[str]) -> contextvars.Token:
    return _DOC_WORDS.set(words)


def reset_document_words(token: contextvars.Token) -> None:
    _DOC_WORDS.reset(token)


def _joins(a: str, b: str) -> bool:
    if not a or not b or not a[-1].isalpha() or not b[0].isalpha() or not b[0].islower():
        return False
    vocab = known_words()
    known = vocab | _DOC_WORDS.get()
    joined = norm(a + b).strip(".,:;()")
    if joined in known and not (norm(a).strip(".,") in vocab and norm(b).strip(".,:;()") in vocab):
        return True
    return False


def known_words() -> set[str]:
    from pipelines.reports.vocabulary import vocabulary as _v
    cache = getattr(known_words, "_cache", None)
    if cache is not None:
        return cache
    words: set[str] = set()

    def walk(obj: object) -> None:
        if isinstance(obj, str):
            for w in re.findall(r"[a-zåäöéü]+", norm(obj)):
                words.add(w)
        elif isinstance(obj, dict):
            for k, v in obj.items():
                walk(k)
                walk(v)
        elif isinstance(obj, list):
            for v in obj:
                walk(v)

    walk(_v())
    words.update(_v().get("words", {}).get("known", []) if isinstance(_v().get("words"), dict) else [])
    known_words._cache = words  # type: ignore[attr-defined]
    return words
