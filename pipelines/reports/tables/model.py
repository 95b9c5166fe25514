"""The table model: what the table finders (geometry and flattened text) hand to the fact
mapping. A table has columns (with their header and a spanning group header), rows (a label
and one cell per column, or None where the column is empty), and the text around it that
gives the cells their meaning (caption, stub, a caption under it, the heading above it)."""

from __future__ import annotations

from dataclasses import dataclass, field

from pipelines.reports.model import Cell, Line


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
    label_cells: list[Cell] = field(default_factory=list)   # the label's cells on the value line
    soft: bool = False                  # the label's last cell ends in a soft hyphen (continues below)
    group: str | None = None            # the left label column of a two-column label (Verksamhet | Mått)
    attribute: str | None = None        # a left label column on every row (Verksamhet | Åtgärd)


@dataclass
class Table:
    page: int | None
    columns: list[Column]
    rows: list[Row]
    stub: str = ""                                       # header text over the label column
    caption: list[str] = field(default_factory=list)     # lines just above the header
    after: list[str] = field(default_factory=list)       # a caption line just below
    heading: str | None = None                           # nearest heading above the table
    outline: str | None = None                           # the section heading, maybe pages before
    side: str | None = None                              # a sideways label beside the table's rows
    goal: str | None = None                              # goal statement between heading and table
    section: str | None = None                           # sub-heading inherited from the table above
    source: str = "pdf"                                  # pdf | text | flat
    fs: float = 10.0
    id: str = ""
    top: float = 0.0
    bottom: float = 0.0
    continuation: bool = False      # a headerless row at the top of a page: kept only if it
                                    # continues the previous table (stitch.inherit_headers)

    @property
    def context(self) -> str:
        return " ".join([self.heading or "", *self.caption, self.stub, *self.after])
