"""Status tables: goals and uppdrag with a printed or pictured status, rows without numbers.

Layouts read (PDF pages and layout text):

- ``Nämndmål | Bedömning`` with a coloured dot per goal, ``Aktivitet | Status | Färdiggrad``
  with a ✓ icon per activity, the activities grouped under their goal (a full-width goal line);
- ``Centrala uppdrag | Kommentar`` with a ▶ icon before each uppdrag text;
- ``Uppdrag från KF/KS | Uppdragets status och kommentar`` with the status word
  (``Avslutad``) in the status column on the row's first line.

A header line names the label column (its right end is where the next header cell starts)
and the kind of row (``mal`` or ``uppdrag``, ``vocabulary/status.yml``). A row starts at a
line with a status (icon or status word); its label is the text of the label column on that
line and the lines that continue it (close below, or a lower-case start on the next page
under a repeated header), up to a ``Kommentar:`` line, a row-end word, a gap or the next row.
The table ends at a line left of the label column, a larger font, or full-width text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipelines.reports.model import Cell, Icon, Line
from pipelines.reports.vocabulary import norm, vocabulary


_FOLIO = re.compile(r"^(?:sid(?:a)?\.?\s*)?\d{1,3}\s*(?:\(\d{1,3}\)|/\s*\d{1,3}|av \d{1,3})$", re.I)


@dataclass
class Header:
    kind: str
    label_x0: float
    split_x: float
    status_x0: float | None
    column: str
    fs: float


@dataclass
class StatusRow:
    page: int | None
    kind: str
    status: str
    column: str
    parts: list[str] = field(default_factory=list)
    goal: str | None = None
    mark: str = ""              # the icon token or the status word as printed
    confidence: float = 0.9
    bbox: list[float] | None = None
    table: int = 0

    @property
    def label(self) -> str:
        text = ""
        for part in self.parts:
            if text.endswith("-") and len(text) > 1 and text[-2].isalpha() and part[:1].islower():
                text = text[:-1] + part     # a word broken at the line end
            else:
                text = f"{text} {part}" if text else part
        return " ".join(text.split())


def _words(key: str) -> dict[str, str]:
    out = {}
    for kind, words in vocabulary()["status"][key].items():
        for w in words:
            out[norm(w)] = kind
    return out


def status_word(text: str, kind: str | None = None) -> str | None:
    """The canonical status of a printed status word (``Pågående``, ``Delvis uppfyllt``)."""
    t = norm(text).rstrip(".:")
    kinds = [kind] if kind else ["uppdrag", "mal"]
    for k in kinds:
        for status, words in vocabulary()["status"][k].items():
            if any(t == norm(w) for w in words):
                return status
    return None


def icon_status(icon: Icon, kind: str) -> str | None:
    voc = vocabulary()["status"]
    if kind == "uppdrag":
        by_glyph = voc["icon_glyph_status"]["uppdrag"].get(icon.glyph)
        if by_glyph == "Pågående" and icon.color in voc["icon_warning_colors"]:
            return "Pågående med avvikelser"
        if by_glyph:
            return by_glyph
    return voc["icon_color_status"].get(kind, {}).get(icon.color)


def _header(line: Line) -> Header | None:
    cells = line.cells
    if not 2 <= len(cells) <= 4 or any(c.is_value for c in cells):
        return None
    labels, statuses = _words("label_headers"), _words("status_headers")
    label_i = next((i for i, c in enumerate(cells) if norm(c.text).rstrip(":") in labels), None)
    status_i = next((i for i, c in enumerate(cells) if norm(c.text).rstrip(":") in statuses), None)
    if label_i is None and status_i is None:
        return None
    if label_i is None:
        label_i = 0 if status_i != 0 else None
        if label_i is None:
            return None
    if label_i + 1 >= len(cells):
        return None
    kind = labels.get(norm(cells[label_i].text).rstrip(":")) or statuses[norm(cells[status_i].text).rstrip(":")]
    status_cell = cells[status_i] if status_i is not None else None
    return Header(
        kind=kind, label_x0=cells[label_i].x0, split_x=cells[label_i + 1].x0,
        status_x0=status_cell.x0 if status_cell else None,
        column=(status_cell or cells[label_i]).text, fs=line.fs,
    )


def find_rows(pages: list[tuple[int | None, list[Line], list[Icon]]], text_source: bool = False) -> list[StatusRow]:
    """Status rows of a document; ``pages`` holds (page number, lines, icons) in order."""
    reader = _Reader(text_source)
    for page, lines, icons in pages:
        reader.page(page, lines, icons)
    reader.close()
    return reader.rows


class _Reader:
    def __init__(self, text_source: bool):
        self.text = text_source
        self.rows: list[StatusRow] = []
        self.header: Header | None = None
        self.row: StatusRow | None = None
        self.goal: str | None = None
        self.group: str | None = None
        self.in_comment = False
        self.last_bottom: float | None = None
        self.after_repeat = False
        self.goals: list[str] = []
        self.table = 0

    # ------------------------------------------------------------------ rows
    def close(self) -> None:
        if self.row and self.row.parts:
            self.rows.append(self.row)
            if self.row.kind == "mal":
                self.goals.append(self.row.label)
        self.row = None

    def end_table(self) -> None:
        self.close()
        self.header = None
        self.goal = self.group = None
        self.in_comment = False

    # ------------------------------------------------------------------ a page
    def page(self, page: int | None, lines: list[Line], icons: list[Icon]) -> None:
        by_line = self._attach(lines, icons)
        self.last_bottom = None
        body = [i for i, ln in enumerate(lines) if not ln.margin]
        ends = {body[0], body[-1]} if body else set()
        for i, line in enumerate(lines):
            if "\t" in (line.raw or ""):
                continue        # tab tables: narrative._uppdrag reads them
            header = _header(line)
            if header is None and (line.margin or (i in ends and _FOLIO.search(line.cells[-1].text))):
                continue        # running header/footer, page number
            if header:
                same = self.header and header.kind == self.header.kind and abs(header.label_x0 - self.header.label_x0) < 3
                if not same:
                    self.end_table()
                    self.table += 1
                self.header = header
                self.after_repeat = bool(same)
                self.last_bottom = line.bottom
                self.in_comment = False
                continue
            if self.header is None:
                continue
            self._line(page, line, by_line.get(i))
        # a row open at the end of the page may continue under the next page's header

    def _attach(self, lines: list[Line], icons: list[Icon]) -> dict[int, Icon]:
        out: dict[int, Icon] = {}
        for icon in icons:
            best, dist = None, None
            for i, ln in enumerate(lines):
                if ln.top - 3 <= icon.center_y <= ln.bottom + 3:
                    d = abs(ln.center_y - icon.center_y)
                    if dist is None or d < dist:
                        best, dist = i, d
            if best is not None and best not in out:
                out[best] = icon
        return out

    def _line(self, page: int | None, line: Line, icon: Icon | None) -> None:  # noqa: C901
        h = self.header
        tol = 1.0 if self.text else 3.0
        if not self.text and line.fs > 1.2 * h.fs:
            self.end_table()
            return
        left_icon = icon is not None and icon.x1 <= h.split_x and icon.x0 < h.label_x0 + 20
        if line.x0 < h.label_x0 - tol and not left_icon:
            self.end_table()
            return
        status, mark, conf = None, "", 0.9
        status_cells: list[Cell] = []
        if icon is not None:
            status = icon_status(icon, h.kind)
            mark, conf = f"{icon.glyph} ({icon.color})", 0.75
        if status is None:
            for c in line.cells:
                if c.x0 >= h.split_x - tol and (h.status_x0 is None or c.x0 >= h.status_x0 - 4 * tol):
                    s = status_word(c.text, h.kind)
                    if s:
                        status, mark, conf, status_cells = s, c.text, 0.9, [c]
                        break
        label_cells = [c for c in line.cells if c.x0 < h.split_x - tol and c not in status_cells]
        crossing = any(c.x0 < h.split_x - tol < c.x1 - tol for c in label_cells)
        text = " ".join(c.text for c in label_cells).strip()
        gap = line.top - self.last_bottom if self.last_bottom is not None else None
        limit = 1.5 if self.text else 0.45 * line.fs
        if label_cells:
            self.last_bottom = line.bottom
        if status is not None and text:
            self.close()
            self.group = None
            self.in_comment = self.after_repeat = False
            bbox = [icon.x0, icon.top, icon.x1, icon.bottom] if icon else None
            self.row = StatusRow(page, h.kind, status, h.column, [text], goal=self.goal, mark=mark,
                                 confidence=conf, bbox=bbox, table=self.table)
            return
        if not text:
            return
        if _row_end(text):
            self.close()
            self.in_comment = True
            self.after_repeat = False
            return
        small_gap = gap is not None and gap <= limit
        if self.in_comment:
            if small_gap:
                return
            self.in_comment = False
        if self.row is not None:
            if small_gap or (self.after_repeat and text[:1].islower()):
                self.row.parts.append(text)
                self.after_repeat = False
                return
            self.close()
        self.after_repeat = False
        # a line without a status: a goal heading the rows below, or the end of the table
        candidate = f"{self.group} {text}" if (self.group and small_gap) else text
        match = self._goal_match(candidate)
        if match == "full":
            self.goal, self.group = candidate, None
            return
        if match == "prefix":
            self.group = candidate
            return
        self.group = None
        if crossing:
            self.end_table()

    def _goal_match(self, text: str) -> str | None:
        t = norm(text)
        for g in self.goals:
            ng = norm(g)
            if t == ng:
                return "full"
            if ng.startswith(t):
                return "prefix"
        return None


def _row_end(text: str) -> bool:
    t = norm(text)
    for w in vocabulary()["status"]["row_end_words"]:
        w = norm(w)
        if w.endswith(":") and t.startswith(w):
            return True
        if t == w or t.startswith(w + " ") or t.startswith(w + ":"):
            return True
    return False
