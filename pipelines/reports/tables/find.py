"""Tables in lines of cells, by geometry.

A table is a run of lines whose value cells line up in columns (right edges of numbers),
with the header lines above it (``header.py``). Rows whose label wraps over several lines
are joined (``rows.py``). The same code reads PDF pages (points), layout text (character
columns) and tab text and Word tables; ``TableSettings`` holds what differs.
"""

from __future__ import annotations

import re

from pipelines.reports.model import Line
from pipelines.reports.tables.columns import aligns, cluster_columns, merge_exclusive
from pipelines.reports.tables.header import column_headers, find_header, goal_before
from pipelines.reports.tables.lines import (
    CAPTION_START, YEARLIKE, is_lower_start, is_page_furniture, is_prose, range_labels, total_line, value_cells,
    word_count, years_only,
)
from pipelines.reports.tables.model import Column, Table
from pipelines.reports.tables.rows import table_rows, unlabelled_total
from pipelines.reports.tables.settings import PDF, TableSettings
from pipelines.reports.vocabulary.lexicon import scenario_or_measure_word


def find_tables(lines: list[Line], page: int | None, s: TableSettings = PDF) -> list[Table]:
    """Every table on a page (or in a block of text)."""
    range_labels(lines, s)
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
        columns = cluster_columns(cells, fs, s)
        j = i + 1
        pending: list[int] = []
        prev_line = line
        widest = 0.0
        while j < n:
            nxt = lines[j]
            gap = nxt.top - prev_line.bottom
            max_gap = max(s.row_gap(fs), s.row_gap_widest * widest)
            if gap > max_gap and not (gap <= s.total_gap(fs) and total_line(nxt)
                                      and len(block) >= 2 and aligns(nxt, columns, fs, s)):
                break       # a Summa row set off by blank lines still closes the table
            if is_page_furniture(nxt):
                break
            if not value_cells(nxt) and nxt.cells and min(c.x0 for c in nxt.cells) > columns[-1].x1 + s.edge(fs):
                prev_line = nxt
                j += 1
                continue   # a comment column to the right of the numbers
            if value_cells(nxt) and not is_prose(nxt):
                if not aligns(nxt, columns, fs, s) and len(block) >= 2:
                    break
                block.extend(pending)
                pending = []
                block.append(j)
                widest = max(widest, gap)
                cells.extend(value_cells(nxt))
                columns = cluster_columns(cells, fs, s)
                columns = merge_exclusive(columns, [lines[b] for b in block], fs, s)
            elif is_prose(nxt) or len(pending) >= 4:
                break
            elif any(c.x0 >= columns[0].x0 - s.edge(fs) and not
                     (c.no_value or is_lower_start(c.text)) for c in nxt.cells):
                break      # text over the columns: the header of the next table
            elif any(not c.is_value and c.x1 > columns[0].x0 + s.edge(fs)
                     and (scenario_or_measure_word(c.text) or re.search(r"\b(?:19|20)\d\d\b", c.text))
                     for c in nxt.cells):
                break      # a header reaching over the columns (headers run together)
            else:
                pending.append(j)
            prev_line = nxt
            j += 1
        # a first line of years only ("Ekonomi (tkr) 2024 2025") is the header of the rows below
        if len(block) >= 2 and years_only(lines[block[0]]) and not all(years_only(lines[b]) for b in block[1:]):
            block = block[1:]
            cells = [c for b in block for c in value_cells(lines[b])]
            columns = cluster_columns(cells, fs, s)
        # a trailing label line tight under the last row (wrapped label, top-aligned rows)
        for k in pending[:3]:
            prev = lines[block[-1]]
            cand = lines[k]
            tight = (cand.top - prev.bottom) <= s.tight(fs)
            captionish = CAPTION_START.match(cand.text.strip()) or word_count(cand.text) > 8
            if tight and not cand.values and not captionish and (is_lower_start(cand.text) or s.capital_wraps):
                block.append(k)
            else:
                break
        columns = merge_exclusive(columns, [lines[b] for b in block], fs, s)
        table = _build(lines, block, columns, page, s)
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


def _stub_right(value_lines: list[Line], columns: list[Column], fs: float, s: TableSettings) -> float:
    """Where the label column ends: the right edge of the widest label, at most the first
    column of numbers."""
    limit = columns[0].x0
    rights = [c.x1 for ln in value_lines for c in ln.cells if not c.is_value and c.x1 <= limit + 0.3 * fs]
    if not rights:
        return limit - s.char(fs)
    return min(max(rights), limit)


def _build(lines: list[Line], block: list[int], columns: list[Column], page: int | None, s: TableSettings) -> Table | None:
    body = [lines[k] for k in sorted(set(block))]
    fs = max(ln.fs for ln in body)
    value_lines = [ln for ln in body if value_cells(ln)]
    if not columns or not value_lines:
        return None
    # a lone value line is a table only when it has a header (checked below) or 2+ values
    stub_x = _stub_limit(columns)
    first = sorted(set(block))[0]
    stub_right = _stub_right(value_lines, columns, fs, s)
    header_lines, caption, heading, extra = find_header(lines, first, columns, fs, s, stub_right)
    goal = goal_before(lines, first, heading)
    if extra:
        body = [lines[k] for k in extra] + body
        block = list(block) + list(extra)
    top_of_page = s.continuations and first == next((k for k, ln in enumerate(lines) if not ln.margin), -1)
    continuation = len(value_lines) == 1 and not header_lines and top_of_page and len(value_cells(value_lines[0])) >= 2
    if len(value_lines) == 1 and not header_lines and not continuation:
        return None
    if len(value_lines) == 1 and len(value_cells(value_lines[0])) == 1 and not any(
            scenario_or_measure_word(ln.text) or re.search(r"(?:19|20)\d\d", ln.text) for ln in header_lines):
        return None
    if all(len(value_cells(ln)) == 1 for ln in value_lines) and not header_lines and len(value_lines) < 3:
        return None
    headers, groups, stub = column_headers(header_lines, columns, fs, s, stub_right)
    for col in columns:
        col.header = headers.get(col.index, "")
        col.group = groups.get(col.index, "")
    rows = table_rows(body, columns, fs, s, stub_x)
    if not rows:
        return None
    if all(not r.label for r in rows) and len(columns) >= 2 and all(
            r.cells[0] is not None and YEARLIKE.fullmatch(r.cells[0].text.strip()) for r in rows):
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
    unlabelled_total(rows)
    labelled = sum(1 for r in rows if r.label)
    if labelled == 0 or labelled * 2 < len(rows):
        return None
    has_header = bool(header_lines) or bool(stub)
    if not has_header and labelled < 3 and not continuation:
        if not s.continuations or not all(len(value_cells(v)) >= 2 for v in value_lines):
            return None     # a few numbers beside running text (chart labels), not a table
        continuation = True  # kept only if it continues the table above (same columns)
    if continuation and not all(
            r.label and word_count(r.label) <= 25 and not is_lower_start(r.label)
            and sum(1 for c in r.cells if c is not None) * 2 >= len(columns) for r in rows):
        return None         # numbers beside running text, not the rest of a table
    prose_like = sum(1 for r in rows if word_count(r.label) >= 8 and is_lower_start(r.label))
    if prose_like * 2 > len(rows):
        return None
    last = max(sorted(set(block)))
    after = []
    if last + 1 < len(lines):
        nxt = lines[last + 1]
        if CAPTION_START.match(nxt.text.strip()) or (
                word_count(nxt.text) <= 8 and (nxt.top - lines[last].bottom) <= 1.5 * fs and not value_cells(nxt)
                and not nxt.text.rstrip().endswith(".")):
            after.append(nxt.text)
    return Table(
        page=page, columns=columns, rows=rows, stub=stub, caption=caption, after=after, heading=heading,
        goal=goal, source=s.name, fs=fs, top=min(ln.top for ln in body), bottom=max(ln.bottom for ln in body),
        continuation=continuation,
    )

