"""The header of a table: the lines above its first row whose cells stand over its columns,
stacked per column (``Avvik`` / ``else`` → ``Avvikelse``), a sparse band of group headers that
span several columns (``Period``, ``Helår``, ``2024`` over ``Kvinnor | Män | Totalt``), the
stub over the label column, the caption lines above, the nearest numbered heading, and a
goal statement between the heading and the table."""

from __future__ import annotations

import re

from pipelines.reports.model import Cell, Line
from pipelines.reports.tables.columns import column_of, overlap_or_nearest
from pipelines.reports.tables.lines import CAPTION_START, is_page_furniture, is_prose, is_lower_start, value_cells, word_count
from pipelines.reports.tables.model import Column
from pipelines.reports.tables.settings import TableSettings
from pipelines.reports.tables.words import join_fragments
from pipelines.reports.vocabulary import norm, vocabulary
from pipelines.reports.vocabulary.lexicon import is_scenario_word, scenario_or_measure_word


def find_header(lines: list[Line], first: int, columns: list[Column], fs: float, s: TableSettings, stub_right: float
                ) -> tuple[list[Line], list[str], str | None, list[int]]:
    """Header lines (with cells over the columns), caption lines, the nearest heading, and
    label-only lines between the header and the first row (sections of the body)."""
    tolx = s.label_slack(fs)
    max_gap = s.header_gap(fs)
    span_x1 = columns[-1].x1 + s.span_right(fs)

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
        limit = max_gap if header else s.first_header_gap(fs)
        if gap > limit or value_cells(ln) and not header_values(ln):
            break
        if is_prose(ln) or is_page_furniture(ln):
            break
        over = column_cells(ln)
        if not over:
            if header and gap <= s.label_slack(fs) and word_count(ln.text) <= 5:
                header.insert(0, ln)     # the stub header stacked over more lines
                below = ln
                k -= 1
                continue
            break
        if any(word_count(c.text) > 8 for c in over):
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
    cap_gap = s.caption_gap(fs)
    below_top = below.top
    right = columns[-1].x1 + s.span_right(fs)
    numbered = _numbered_caption(lines, k, below_top, cap_gap, right)
    if numbered is not None:
        # "Tabell 1 Beräknade investeringskostnader (mnkr), avrundade …" over three lines: the
        # whole numbered caption, however long its lines (text in the margin beside it left out)
        text = " ".join(c.text for m in range(numbered, k + 1) for c in lines[m].cells if c.x0 < right)
        return header, [text], _heading(lines, first), skipped
    while k >= 0 and len(caption) < 3:
        ln = lines[k]
        if below_top - ln.bottom > cap_gap or is_prose(ln) or value_cells(ln) or is_page_furniture(ln):
            break
        if word_count(ln.text) > 12 or is_lower_start(ln.text) or (ln.text.rstrip().endswith(".") and word_count(ln.text) > 3):
            break
        caption.insert(0, ln.text)
        below_top = ln.top
        k -= 1
    return header, caption, _heading(lines, first), skipped


def _numbered_caption(lines: list[Line], k: int, below_top: float, cap_gap: float, right: float) -> int | None:
    """The first line of a numbered caption (``Tabell 1 …``, ``Figur 2 …``) printed right
    above the header in at most four tight lines, or None."""
    m = k
    while m >= 0 and k - m < 4:
        ln = lines[m]
        if below_top - ln.bottom > cap_gap or is_page_furniture(ln) or any(c.x0 < right for c in value_cells(ln)):
            return None
        if CAPTION_START.match(ln.text.strip()) and re.match(r"^\S+\s+\d", ln.text.strip()):
            return m
        below_top = ln.top
        m -= 1
    return None


def _heading(lines: list[Line], first: int) -> str | None:
    """The nearest numbered heading above the table on its page."""
    for m in range(first - 1, max(-1, first - 40), -1):
        t = lines[m].text.strip()
        if re.match(r"^\d+(?:\.\d+)*\.?\s*[A-ZÅÄÖ]", t) and word_count(t) <= 12 and not value_cells(lines[m]):
            return t
    return None


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


def header_values(line: Line) -> bool:
    """A header line may hold years and dates (``2025 2024 2023``), which parse as numbers."""
    for c in line.cells:
        if c.is_value and not re.fullmatch(r"(?:19|20)\d\d(?:-\d\d(?:-\d\d)?)?", c.text.strip()):
            return False
    return True


def _bands(header_lines: list[Line], fs: float, s: TableSettings) -> list[list[Line]]:
    """Header lines in bands: lines that overlap or touch belong to one band (PDF); in text
    every line is its own band."""
    bands: list[list[Line]] = []
    for ln in header_lines:
        if bands and s.band_gap is not None and ln.top - bands[-1][-1].bottom <= s.band_gap(fs):
            bands[-1].append(ln)
        else:
            bands.append([ln])
    return bands


def _right_aligned_runs(words: list, columns: list[Column], fs: float, s: TableSettings) -> dict[int, int] | None:
    """Words of one header line over several right-aligned columns, split into runs that each
    end at a column's right edge ("Förvaltnings | funktionsstöd | Stöd o service |
    familjeomsorg"): a word standing between two columns goes with the run it ends with, not
    with the column it is nearest to. None when the runs do not all end at right edges."""
    if not s.boxes or not words:
        return None
    tol = s.label_slack(fs)
    out: dict[int, int] = {}
    run: list = []
    for w in sorted(words, key=lambda w: w.x0):
        run.append(w)
        col = next((c for c in columns if abs(w.x1 - c.x1) <= tol), None)
        if col is not None:
            out.update({id(x): col.index for x in run})
            run = []
    return out if not run and len(set(out.values())) > 1 else None


def _word_column(w, columns: list[Column], fs: float, s: TableSettings) -> int | None:
    width = max(c.x1 - c.x0 for c in columns)
    return overlap_or_nearest(w.x0, w.x1, columns, width + s.span_right(fs))


def column_headers(header_lines: list[Line], columns: list[Column], fs: float, s: TableSettings, stub_x: float
                   ) -> tuple[dict[int, str], dict[int, str], str]:
    stacked: dict[int, list[tuple[float, float, str, bool]]] = {}
    groups: dict[int, str] = {}
    stub_parts: list[tuple[float, float, str]] = []
    ncols = len(columns)
    tolx = s.label_slack(fs)
    bands = _bands(header_lines, fs, s)
    for b_i, band in enumerate(bands):
        def in_stub(c: Cell) -> bool:
            # left of the label column's end, and not reaching into the first value column
            # (a right-aligned header wider than its numbers, "Ingående värde")
            return c.x0 < stub_x - tolx and not (
                s.boxes and not c.is_value and abs(c.x1 - columns[0].x1) <= s.label_slack(fs) and c.x1 > stub_x)

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
            and not any(is_scenario_word(" ".join(c.text for c in cl)) for cl in clusters)
            and (not all(re.fullmatch(r"(?:19|20)\d\d", c.text.strip()) for c in col_cells)
                 or _spans_next_band(bands[b_i + 1], stub_x - tolx, ncols))
            and (s.boxes or (
                all(cl[0].text[:1].isupper() or cl[0].text[:1].isdigit() for cl in clusters)
                and not scenario_or_measure_word(band_text)))
        )
        if is_group:
            starts: list[tuple[int, str]] = []
            for cl in clusters:
                x0 = min(c.x0 for c in cl)
                x1 = max(c.x1 for c in cl)
                idx = next((col.index for col in columns if col.x1 > x0 and col.x0 < x1), None)
                if idx is None:
                    idx = _word_column(cl[0], columns, fs, s)
                if idx is None:
                    continue
                text = join_fragments([c.text for c in sorted(cl, key=lambda c: (c.top, c.x0))], s.words)
                starts.append((idx, text))
            starts.sort()
            centred = _centred_groups(clusters, columns, s) if starts and starts[0][0] > 0 else None
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
        subs = _sub_cells(col_cells, fs, s)
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
                if distance > s.header_reach(fs):
                    continue     # a header over a column of text (comments), not over numbers
                targets = {id(c): nearest.index for c in stack}
            else:
                # a stack over several columns: each word to the column it stands over
                targets = {}
                for c in stack:
                    spans = {_word_column(w, columns, fs, s) for w in (c.words or [])} - {None}
                    if len(spans) > 1:
                        runs = _right_aligned_runs(c.words, columns, fs, s)
                        for w in c.words:
                            idx = runs[id(w)] if runs else _word_column(w, columns, fs, s)
                            if idx is not None:
                                stacked.setdefault(idx, []).append((w.top, w.x0, w.text, w.hyphen))
                        targets[id(c)] = None
                    else:
                        targets[id(c)] = column_of(c, columns, fs, s)
            for c in stack:
                idx = targets[id(c)]
                if idx is not None:
                    stacked.setdefault(idx, []).append((c.top, c.x0, c.text, c.hyphen))
    headers = {}
    for idx, parts in stacked.items():
        parts.sort(key=lambda p: (round(p[0], 0), p[1]))
        headers[idx] = join_fragments([p[2] + ("\u00ad" if p[3] else "") for p in parts], s.words)
    stub_parts.sort()
    stub = join_fragments([p[2] for p in stub_parts], s.words)
    return headers, groups, stub


def _centred_groups(clusters: list[list[Cell]], columns: list[Column], s: TableSettings) -> dict[int, str] | None:
    """Group headers centred over their columns leave the first column outside every span
    read from the left; when each column's nearest group gives every group the same number
    of columns, that is the reading (``2024`` / ``2025`` over three columns each)."""
    if len(clusters) < 2 or len(columns) % len(clusters):
        return None
    centres = [((min(c.x0 for c in cl) + max(c.x1 for c in cl)) / 2,
                join_fragments([c.text for c in sorted(cl, key=lambda c: (c.top, c.x0))], s.words)) for cl in clusters]
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


def _sub_cells(cells: list[Cell], fs: float, s: TableSettings) -> list[Cell]:
    """Header cells split where their words stand further apart than a word space (narrow
    columns whose headers run together: ``Ack. | Avvikelse | Budget 2025 | Utfall``)."""
    if not s.boxes:
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
