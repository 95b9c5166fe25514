"""Choosing between readings of numbers printed without cell boundaries.

A row's values are a run of numbers (``parse/runs.py`` lists every way to read it as *k*
numbers). The table chooses: first a difference identity of the header that holds on
(nearly) every row (avvikelse = budget − prognos), then a Summa row (the column sums of the
rows above), then the printed shape of each column in the rows that read one way only
(decimals, percent, magnitude within a digit). A row whose readings stay close is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import permutations, product

from pipelines.reports.parse.runs import Piece, atoms, counts, prefix_readings, readings
from pipelines.reports.vocabulary.lexicon import is_total, scenario_of, skip_column

MAX_READINGS = 256


@dataclass
class Token:
    text: str
    start: int
    end: int
    kind: str            # num | dash | word


@dataclass
class RowRun:
    """A row's values: the run of a segment, maybe with short leading numbers moved into
    the label (``Dag 1-14``)."""
    line: str
    tokens: list[Token]

    def parts(self) -> list[tuple[str, list | None]]:
        """(text, atoms) per part; a dash is its own part with atoms None."""
        out: list[tuple[str, list | None]] = []
        group: list[Token] = []

        def flush() -> None:
            if group:
                text = self.line[group[0].start:group[-1].end]
                out.append((text, atoms(text)))
                group.clear()

        for t in self.tokens:
            if t.kind == "dash":
                flush()
                out.append((t.text, None))
            else:
                group.append(t)
        flush()
        return out

    def counts(self) -> set[int]:
        total = {0}
        for text, run in self.parts():
            if run is None:
                total = {c + 1 for c in total}
            else:
                total = {c + n for c in total for n in counts(run)}
        return total

    def readings(self, k: int) -> list[list[Piece | None]]:
        """Every reading as exactly ``k`` values (None for a dash)."""
        parts = self.parts()
        options: list[list[tuple[int, str, list]]] = []
        for text, run in parts:
            options.append([(1, text, None)] if run is None else [(n, text, run) for n in sorted(counts(run))])
        out: list[list[Piece | None]] = []
        for combo in product(*options):
            if sum(n for n, _, _ in combo) != k:
                continue
            per_part: list[list[list[Piece | None]]] = []
            for n, text, run in combo:
                per_part.append([[None]] if run is None else readings(text, run, n, MAX_READINGS))
            for pieces in product(*per_part):
                out.append([p for part in pieces for p in part])
                if len(out) >= MAX_READINGS:
                    return out
        return out


def tolerance(pieces: list[Piece | None]) -> float:
    decimals = max((p.decimals for p in pieces if p is not None), default=0)
    return 0.5 * 10 ** -decimals * 3 + 1e-9


def identities(headers: list[str], k: int) -> list[tuple[int, int, int]]:
    """(c, a, b): column c may be a − b (a difference or change column)."""
    diff = [i for i, h in enumerate(headers) if scenario_of(h)[1] in ("avvikelse", "forandring")
            or re.match(r"(?i)avv|återstår|diff", h.strip())]
    return [(c, a, b) for c in diff for a, b in permutations([x for x in range(k) if x != c], 2)]


def holds(values: list[Piece | None], ident: tuple[int, int, int]) -> bool:
    c, a, b = ident
    if values[c] is None or values[a] is None or values[b] is None:
        return False
    return abs(values[a].value - values[b].value - values[c].value) <= tolerance([values[a], values[b], values[c]])


def choose(options: list[list[list[Piece | None]]], headers: list[str], labels: list[str],
           header_sure: bool = True) -> list[list[Piece | None] | None]:
    """One reading per row, or None where the row stays ambiguous (refused). ``header_sure``:
    the header was split into its columns without doubt, so a row read one way only for that
    many columns stands even when no other row shows its columns' sizes."""
    k = len(headers)
    opts = [list(o) for o in options]
    # 1. a difference column that holds on (nearly) every row chooses between readings
    best_ident, best_n = None, 0
    for ident in identities(headers, k):
        n = sum(1 for o in opts if any(holds(r, ident) for r in o))
        if n > best_n:
            best_ident, best_n = ident, n
    if best_ident is not None and best_n >= max(2, (len(opts) * 3 + 4) // 5):
        opts = [[r for r in o if holds(r, best_ident)] or o for o in opts]
    # 2. a Summa row: the column sums of the rows above it choose
    opts = _by_totals(opts, labels, k)
    # 3. the printed shape of each column in the rows that read one way only
    shape = column_shape([o[0] for o in opts if len(o) == 1], k)
    out: list[list[Piece | None] | None] = []
    for o in opts:
        if len(o) == 1:
            out.append(o[0])
            continue
        if not o:
            out.append(None)
            continue
        scored = sorted((misfit(r, shape), n) for n, r in enumerate(o))
        if len(scored) >= 2 and scored[1][0] - scored[0][0] >= 2.0:
            out.append(o[scored[0][1]])
        else:
            out.append(None)          # ambiguous: refused
    # 4. a row read one way only may still be read wrong when a space could have been a
    #    thousands separator: unless its identity holds, each such number must be of its
    #    column's size in the other rows (within a digit), else the row is refused. Under a
    #    note column (``Not``, printed on some rows only) the count of values does not fix
    #    the reading (``25 501 -3 875``: Not 25, or no note and 25 501), so such a row is
    #    refused outright unless an identity or its subtotal confirms it
    noted = any(skip_column(h) for h in headers)
    for i, v in enumerate(out):
        if v is None or (best_ident is not None and holds(v, best_ident)):
            continue
        others = [r for j, r in enumerate(out) if j != i and r is not None]
        if (noted and _risky(v)) or not _sizes_fit(v, others, header_sure):
            out[i] = None
    # 5. ... unless the table's own subtotal confirms it: the rows between the previous
    #    Summa row and the next one add up to that Summa with this row read this way
    for i, o in enumerate(opts):
        if out[i] is None and len(o) == 1 and _block_sum_holds(out, o[0], i, labels, k):
            out[i] = o[0]
    return out


def _block_sum_holds(out: list[list[Piece | None] | None], reading: list[Piece | None], i: int,
                     labels: list[str], k: int) -> bool:
    """Rows since the Summa/Totalt row above row ``i`` (or the top) add up to the next
    Summa/Totalt row below it, with ``reading`` as row ``i``, in every column the Summa
    prints and in each column of ``reading`` that rests on a space."""
    totals = [j for j, lab in enumerate(labels) if is_total(lab)]
    below = [j for j in totals if j > i]
    if not below:
        return False
    t, start = below[0], max([j for j in totals if j < i], default=-1) + 1
    total = out[t]
    if total is None:
        return False
    rows = [reading if j == i else out[j] for j in range(start, t)]
    if len(rows) < 2 or any(r is None for r in rows):
        return False
    checked = _sums_hold(rows, total, k, slack=1)
    return bool(checked) and _risky(reading) <= checked | {c for c, p in enumerate(reading) if p is None}


def _sums_hold(rows: list[list[Piece | None]], total: list[Piece | None], k: int, slack: int) -> set[int] | None:
    """The columns in which ``rows`` add up to ``total`` (each printed total value checked,
    within half a unit of its last digit per row, plus ``slack``); None when one does not."""
    checked = set()
    for c in range(k):
        if total[c] is None:
            continue
        s = sum(r[c].value for r in rows if r[c] is not None)
        if abs(s - total[c].value) > 0.5 * (len(rows) + slack) * 10 ** -total[c].decimals:
            return None
        checked.add(c)
    return checked


def _risky(reading: list[Piece | None]) -> set[int]:
    """Columns whose number rests on a space read one way where the other was possible: a
    thousands group read as its own number, or two numbers read as one."""
    out: set[int] = set()
    for c, p in enumerate(reading):
        if p is not None and re.search(r"\d\s\d", p.raw):
            out.add(c)          # joined over a space
    for c in range(len(reading) - 1):
        a, b = reading[c], reading[c + 1]
        if a is None or b is None or b.start - a.end != 1 or a.decimals or a.percent:
            continue
        first = b.raw.split()[0]
        if first.isdigit() and len(first) == 3 and all(len(g) == 3 for g in a.raw.split()[1:]) \
                and len(a.raw.split()[0].lstrip("-−–+")) <= 3:
            out.update((c, c + 1))   # "5 726": 5 | 726, or 5 726
    return out


def _sizes_fit(reading: list[Piece | None], others: list[list[Piece | None]], header_sure: bool) -> bool:
    for c in _risky(reading):
        p = reading[c]
        if p is None or p.value == 0:
            continue
        sizes = sorted(r[c].digits for r in others if c < len(r) and r[c] is not None and r[c].value != 0)
        if len(sizes) < 2:
            if header_sure:
                continue      # no evidence either way: the header decided
            return False
        median = sizes[len(sizes) // 2]
        if abs(p.digits - median) > 1:
            return False
    return True


def column_shape(unique: list[list[Piece | None]], k: int) -> list[tuple[set[int], set[bool], list[int]]]:
    shape = []
    for c in range(k):
        pieces = [r[c] for r in unique if r[c] is not None]
        # a 0 has no size: "Budgeterat resultat 0 0 0" says nothing of the column's magnitude
        shape.append(({p.decimals for p in pieces}, {p.percent for p in pieces},
                      sorted(p.digits for p in pieces if p.value != 0)))
    return shape


def misfit(reading: list[Piece | None], shape) -> float:
    """How badly a reading fits the columns: decimals and percent as the column prints them,
    magnitude within a digit of the column's (a total is larger than its parts); with no
    evidence from other rows, numbers of a row alike in size."""
    cost = 0.0
    known = False
    for p, (decs, pcts, digits) in zip(reading, shape):
        if p is None:
            continue
        if decs and p.decimals not in decs:
            cost += 3
        if pcts and p.percent not in pcts:
            cost += 4
        if digits:
            known = True
            if p.value != 0:         # (a 0 fits any column's size)
                median = digits[len(digits) // 2]
                cost += min(max(abs(p.digits - median) - 1, 0), 3) * 0.75
    sizes = [p.digits for p in reading if p is not None]
    if sizes and not known:
        mean = sum(sizes) / len(sizes)
        cost += sum(abs(s - mean) for s in sizes) / len(sizes)
    return cost


def _by_totals(opts: list[list[list[Piece | None]]], labels: list[str], k: int) -> list[list[list[Piece | None]]]:
    """Keep, for every row above a Summa/Totalt row, the readings that agree with it."""
    totals = [i for i, lab in enumerate(labels) if is_total(lab)]
    if not totals or not opts:
        return opts
    t = totals[0]
    members = list(range(t))
    combos = 1
    for i in members + [t]:
        combos *= max(1, len(opts[i]))
    if combos > 20000 or any(not opts[i] for i in members + [t]):
        return opts
    keep: dict[int, set[int]] = {i: set() for i in members + [t]}
    for choice in product(*[range(len(opts[i])) for i in members + [t]]):
        rows = [opts[i][ci] for i, ci in zip(members, choice[:-1])]
        if _sums_hold(rows, opts[t][choice[-1]], k, slack=8) is not None:
            for i, ci in zip(members + [t], choice):
                keep[i].add(ci)
    if not any(keep.values()):
        return opts
    out = list(opts)
    for i, chosen in keep.items():
        out[i] = [opts[i][ci] for ci in sorted(chosen)]
    return out


def grid_options(run: RowRun, nrows: int, k: int, headers: list[str]) -> list[list[list[Piece | None]]] | None:
    """The readings of a run as nrows × k values, per row: every row must hold one difference
    identity of the header (avvikelse = a − b) when the header has one. Returned as the
    readings each row may take (to be chosen between like any rows, e.g. by a Summa row
    below), or None when the rows' boundaries themselves are not settled."""
    parts = run.parts()
    if len(parts) != 1 or parts[0][1] is None:
        return None
    text, atoms_ = parts[0]
    for ident in identities(headers, k) or [None]:
        found: list[list[tuple[list[Piece], int]]] = []

        def dfs(i: int, acc: list[tuple[list[Piece], int]]) -> None:
            if len(found) >= 64:
                return
            if len(acc) == nrows:
                if i == len(atoms_):
                    found.append(list(acc))
                return
            for values, j in prefix_readings(text, atoms_, i, k):
                if ident is not None and not holds(values, ident):
                    continue
                acc.append((values, j))
                dfs(j, acc)
                acc.pop()

        dfs(0, [])
        if not found or len(found) >= 64:
            continue
        if len({tuple(j for _, j in sol) for sol in found}) != 1:
            return None          # the rows themselves could end in different places: refused
        out: list[list[list[Piece | None]]] = []
        for r in range(nrows):
            seen: dict[tuple, list[Piece | None]] = {}
            for sol in found:
                seen.setdefault(tuple(p.raw for p in sol[r][0]), sol[r][0])
            out.append(list(seen.values()))
        return out
    return None
