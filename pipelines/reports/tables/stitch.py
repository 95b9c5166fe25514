"""Tables across page breaks and under one heading: what a table takes over from the table
before it.

- A table without header lines that continues the previous table (next page, same number of
  columns at the same places) takes over its headers and caption; a headerless block that
  continues nothing is dropped (``Table.continuation``).
- A table with a group column (``Verksamhet | Verksamhetsmått``) that goes on after a repeated
  header keeps the last group of the table before.
- A caption line printed under one table is not the next table's caption.
- A captionless table right after another on the same page stands under the same sub-heading.
"""

from __future__ import annotations

from pipelines.reports.tables.model import Table
from pipelines.reports.tables.settings import SETTINGS
from pipelines.reports.vocabulary import norm


def stitch(tables: list[Table]) -> list[Table]:
    """The tables of a document after page breaks and headings are resolved (in order)."""
    inherit_headers(tables)
    tables = [t for t in tables if not t.continuation or any(c.header or c.group for c in t.columns)]
    inherit_groups(tables)
    drop_borrowed_captions(tables)
    inherit_sections(tables)
    return tables


def inherit_headers(tables: list[Table]) -> None:
    """A table without header lines that continues the previous table (next page, same
    number of columns at the same places) takes over its headers and caption."""
    for prev, table in zip(tables, tables[1:]):
        if any(c.header or c.group for c in table.columns) or table.stub:
            continue
        if len(prev.columns) != len(table.columns):
            continue
        if table.continuation and (prev.page is None or table.page not in (prev.page, prev.page + 1)):
            continue
        settings = SETTINGS.get(table.source)
        if settings is not None and settings.boxes and any(
                min(a.x1, b.x1) - max(a.x0, b.x0) < -4 for a, b in zip(prev.columns, table.columns)):
            continue      # columns at other places (points): another table
        for a, b in zip(prev.columns, table.columns):
            b.header, b.group = a.header, a.group
        # its own short label lines above the first row ("LSS") open a section; without one,
        # the rows go on in the last section of the table they continue
        own = [c for c in table.caption if len(c.split()) <= 5 and not c.rstrip().endswith((".", ":"))]
        section = own[-1] if own else next((r.section for r in reversed(prev.rows) if r.section), None)
        for r in table.rows:
            if r.section:
                break
            r.section = section
        table.stub, table.caption = prev.stub, prev.caption
        table.heading = table.heading or prev.heading


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
        last = next((r.group for r in reversed(prev.rows) if r.group), None)
        if last is None:
            continue
        for r in table.rows:
            if r.group:
                break
            r.group = last
            r.section = last
