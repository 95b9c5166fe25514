"""Columns of a table: value cells clustered by their right edges, and the column a cell
or a header word stands in."""

from __future__ import annotations

from pipelines.reports.model import Cell, Line
from pipelines.reports.tables.lines import value_cells
from pipelines.reports.tables.model import Column
from pipelines.reports.tables.settings import TableSettings


def cluster_columns(cells: list[Cell], fs: float, s: TableSettings) -> list[Column]:
    tol = s.column(fs)
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


def merge_exclusive(columns: list[Column], block: list[Line], fs: float, s: TableSettings) -> list[Column]:
    """Text on a character grid (layout text) can drift one column's right edges by a few
    characters (``100%`` over ``51``). Two neighbouring clusters that never hold values in
    the same row and stand close together are one column. Only for grid text."""
    if not s.grid or len(columns) < 2:
        return columns
    rows = [{column_of(c, columns, fs, s) for c in value_cells(ln)} for ln in block]
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


def column_of(cell: Cell, columns: list[Column], fs: float, s: TableSettings) -> int | None:
    tol = s.column(fs)
    for col in columns:
        if abs(cell.x1 - col.x1) <= tol:
            return col.index
    return overlap_or_nearest(cell.x0, cell.x1, columns, 3 * tol)


def overlap_or_nearest(x0: float, x1: float, columns: list[Column], max_distance: float) -> int | None:
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


def aligns(line: Line, columns: list[Column], fs: float, s: TableSettings) -> bool:
    vals = value_cells(line)
    if not vals:
        return False
    tol = s.column(fs)
    if s.grid and len(vals) == len(columns) and all(abs(v.x1 - col.x1) <= 8 for v, col in zip(vals, columns)):
        return True     # grid text: as many values as columns, each near its column
    hits = 0
    for c in vals:
        if any(abs(c.x1 - col.x1) <= tol or (col.x0 - tol <= c.center <= col.x1 + tol) for col in columns):
            hits += 1
    return hits >= max(1, (len(vals) + 1) // 2)
