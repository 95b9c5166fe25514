"""The rows of a table: each value line a row with one cell per column (None where the
column is empty), label lines joined to the row they wrap with (top-, bottom- or
centre-aligned labels) or opening a section, a second label column as the rows' group."""

from __future__ import annotations

from pipelines.reports.model import Cell, Line
from pipelines.reports.tables.columns import column_of
from pipelines.reports.tables.lines import OPEN_END, is_lower_start, value_cells
from pipelines.reports.tables.model import Column, Row
from pipelines.reports.tables.settings import TableSettings
from pipelines.reports.tables.words import join_fragments


def table_rows(body: list[Line], columns: list[Column], fs: float, s: TableSettings, stub_x: float) -> list[Row]:
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
            if c.x1 <= stub_x + s.label_slack(fs) and not c.is_value:
                label_parts.append(c.text)
                label_x0 = c.x0 if label_x0 is None else label_x0
                continue
            if c.x0 > columns[-1].x1 + s.comment_reach(fs):
                continue   # a comment column to the right of the numbers
            idx = column_of(c, columns, fs, s)
            if idx is None:
                continue
            if c.is_value or c.no_value:
                if cells[idx] is None:
                    cells[idx] = c
            elif idx == 0 and not label_parts:
                label_parts.append(c.text)
        label_cells = [c for c in ln.cells if c.x1 <= stub_x + s.label_slack(fs) and not c.is_value]
        row = Row(label=" ".join(label_parts), cells=cells, top=ln.top, bottom=ln.bottom, label_x0=label_x0,
                  label_lines=[" ".join(label_parts)] if label_parts else [], value_line=ln,
                  label_cells=label_cells, soft=bool(label_cells and label_cells[-1].hyphen))
        rows.append(row)
        row_of_line[id(ln)] = row
    _group_column(rows, fs, s)
    # second pass: label-only lines, in order, each to a row (before/after) or a section
    section: str | None = None
    order = [ln for _, ln in items]
    tight = s.tight(fs)
    near = s.near(fs)
    label_limit = stub_x + s.label_slack(fs)
    befores: dict[int, list[str]] = {}
    afters: dict[int, list[str]] = {}
    bottoms = {id(r): r.bottom for r in rows}
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
        if s.boxes and ln.fs < 0.85 * fs:
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
            or (not afters.get(id(prev_row)) and prev_row.soft))
        lower = soft_before or is_lower_start(text) or bool(prev_row is not None and prev_row.label and gap_prev <= tight
                                              and OPEN_END.search(join_fragments([prev_row.label] + afters.get(id(prev_row), []), s.words)))
        if next_row is not None and not next_row.label and gap_next <= near:
            pending_before.append((ln, text))            # centred row: label above its values
        elif prev_row is not None and not prev_row.label and gap_prev <= near and (id(prev_row) in befores or lower):
            afters.setdefault(id(prev_row), []).append(text)   # … and the rest below
            bottoms[id(prev_row)] = ln.bottom
        elif pending_before and gap_prev <= tight:
            pending_before.append((ln, text))
        elif prev_row is not None and prev_row.label and gap_prev <= tight and (s.capital_wraps or lower) \
                and (gap_prev <= gap_next or lower):
            afters.setdefault(id(prev_row), []).append(text)   # top-aligned row, label wraps below
            bottoms[id(prev_row)] = ln.bottom
        elif next_row is not None and gap_next <= tight and is_lower_start(next_row.label):
            pending_before.append((ln, text))            # bottom-aligned row, label starts above
        elif next_row is not None and gap_next <= tight and s.capital_wraps and not lower:
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
        if row.group:
            row.section = row.group
    rows = _centred_halves(rows, befores, afters, tight)
    for row in rows:
        own = row.label + ("\u00ad" if row.soft and row.label_cells
                           and row.label.endswith(row.label_cells[-1].text) else "")
        parts = befores.get(id(row), []) + ([own] if row.label else []) + afters.get(id(row), [])
        row.label_lines = parts
        row.label = join_fragments(parts, s.words)
        values_text = " ".join(c.text for c in row.cells if c is not None)
        row.evidence = (row.label + " " + values_text).strip()
    return rows


def _centred_halves(rows: list[Row], befores: dict[int, list[str]], afters: dict[int, list[str]],
                    tight: float) -> list[Row]:
    """One row of a ruled table with vertically centred cells read as two: a short cell
    (``Startdatum 260401``) centred between the label's lines, and the label's last line
    (``och planera in nya insatser``) with the other values. When the two lie within a
    line of each other, fill different columns, the first has no label of its own (its label
    lines stand above it) and the second's label continues that label (it starts in lower
    case), they are one row. A row with its own label (``Summa intäkter 500``) never takes
    the values of the next (``varav bidrag 200``)."""
    out: list[Row] = []
    for row in rows:
        prev = out[-1] if out else None
        if prev is not None and not prev.label and befores.get(id(prev)) and row.label \
                and is_lower_start(row.label) and not afters.get(id(prev)) \
                and row.top - prev.bottom <= tight and row.section == prev.section \
                and all(a is None or b is None for a, b in zip(prev.cells, row.cells)):
            prev.cells = [a if a is not None else b for a, b in zip(prev.cells, row.cells)]
            afters.setdefault(id(prev), []).extend(befores.get(id(row), []) + [row.label] + afters.get(id(row), []))
            prev.bottom = max(prev.bottom, row.bottom)
            continue
        out.append(row)
    return out


def _group_column(rows: list[Row], fs: float, s: TableSettings) -> None:
    """Two label columns (``Verksamhet | Verksamhetsmått``): the left one names a group that
    holds for the rows below it until the next group; it becomes the rows' section."""
    starts = sorted({round(c.x0) for r in rows for c in r.label_cells})
    if len(starts) < 2:
        return
    gap = s.label_column_gap(fs)
    left = starts[0]
    second = next((x for x in starts if x - left >= gap), None)
    if second is None:
        return
    def zone(r):
        cells = r.label_cells
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
            r.attribute = " ".join(c.text for c in lefts)
            r.label = " ".join(c.text for c in rights)
            r.label_lines = [r.label] if r.label else []
            r.label_cells = rights
        return
    group = None
    for r in rows:
        cells = r.label_cells
        lefts = [c for c in cells if c.x0 < second - gap / 4]
        rights = [c for c in cells if c.x0 >= second - gap / 4]
        if lefts and rights:
            group = " ".join(c.text for c in lefts)
            r.label = " ".join(c.text for c in rights)
            r.label_lines = [r.label]
        if group and rights:
            r.group = group



def unlabelled_total(rows: list[Row]) -> None:
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

