"""A table checked against its own identities; the result goes onto its facts.

Two kinds of identity, both with a rounding tolerance of half a unit of the last printed
decimal per term:

- **Sum rows**: a row labelled as a total (``Summa``, ``Totalt``, ``Verksamhetens
  kostnader``, ``Årets resultat`` …, see ``total_labels`` in the vocabulary) equals the sum
  of the rows above it at the same level. Rows are read top-down; a total that matches the
  last *k* top-level rows replaces them, so nested subtotals (``Total förvaltning`` inside
  ``Totalt``) are handled. A total row that matches no set of rows above fails.
- **Column identities**: a column of differences or results (``Avvikelse``, ``Återstår``,
  ``Resultat``, ``Budgetavvikelse``) equals the difference or sum of two other columns
  (budget − prognos, utfall − budget, intäkter + kostnader) on most rows; the rows where it
  does not hold fail. A ``Totalt`` column equals the sum of the others.

A fact in a passing identity gets ``check = ok``; a fact in a failing one ``fel`` with a
one-line ``check_detail`` (expected vs printed); a fact no identity covers stays
``ej_kontrollerad``. Nothing is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import permutations

from pipelines.reports.model import Fact
from pipelines.reports.tables.model import Table
from pipelines.reports.vocabulary import any_word
from pipelines.reports.vocabulary.lexicon import is_total, scenario_of

_DIFF_WORDS = ["avvikelse*", "avv*", "återstår", "differens", "diff", "budgetavvikelse*", "prognosavvikelse*",
               "resultat*", "förändring*", "netto*"]


@dataclass
class _Outcome:
    ok: set[tuple[int, int]] = field(default_factory=set)
    bad: dict[tuple[int, int], str] = field(default_factory=dict)
    good_detail: dict[tuple[int, int], str] = field(default_factory=dict)


def _fmt(v: float) -> str:
    s = f"{v:,.3f}".rstrip("0").rstrip(".").replace(",", " ").replace(".", ",")
    return s.replace("-", "−") if s.startswith("-") else s


def check_table(table: Table, facts: list[Fact]) -> None:
    """Set ``check`` and ``check_detail`` on the facts of one table (in place)."""
    if not facts:
        return
    by_cell = {(f.row, f.col): f for f in facts if f.row is not None and f.col is not None}
    cols = sorted({c for _, c in by_cell})
    grid: dict[tuple[int, int], tuple[float, int]] = {}
    for (r, c), f in by_cell.items():
        cell = table.rows[r].cells[c]
        if cell is None or cell.num is None or cell.num.comparator:
            continue
        grid[(r, c)] = (cell.num.value, cell.num.decimals)
    percent_cols = {c for c in cols if all(by_cell[(r, c2)].unit == "procent" for (r, c2) in by_cell if c2 == c)}
    out = _Outcome()
    _row_sums(table, grid, [c for c in cols if c not in percent_cols], out)
    _column_identities(table, grid, cols, out)
    failed_any = bool(out.bad)
    first_failure = next(iter(out.bad.values()), None)
    for key, fact in by_cell.items():
        if key in out.bad:
            fact.check, fact.check_detail = "fel", out.bad[key]
        elif key in out.ok:
            fact.check, fact.check_detail = "ok", out.good_detail.get(key)
        elif failed_any:
            fact.check_detail = f"tabellen har en kontroll som inte stämmer: {first_failure}"


# four digits or more without a thousands space: OCR lost the space or a group ("1131" for
# "1 131 226"); such a cell is never taken as read
_UNGROUPED = re.compile(r"\d{4}")


def confirmed_ocr(facts: list[Fact]) -> list[Fact]:
    """Of the facts read with OCR from a picture (read/ocr.py), those an identity of their
    table confirms and whose digits are grouped as printed. The others are not stored at all:
    OCR misreads digits ("1.131" for "1 131 226") and numbers are sacred; extract.py counts
    them in a warning."""
    kept = []
    for f in facts:
        integer = (f.raw_value or "").split(",")[0]
        if f.check == "ok" and not _UNGROUPED.search(integer):
            f.confidence = min(f.confidence if f.confidence is not None else 1.0, 0.5)
            f.check_detail = f"läst med OCR ur en bild; {f.check_detail or 'bekräftad av tabellens kontroll'}"
            kept.append(f)
    return kept


def _tolerance(decimals: list[int], terms: int) -> float:
    d = max(decimals) if decimals else 0
    return 0.5 * 10 ** (-d) * (terms + 1) + 1e-9


# --------------------------------------------------------------------------- sum rows

def _row_sums(table: Table, grid: dict, cols: list[int], out: _Outcome) -> None:
    if not cols:
        return
    top: list[int] = []   # rows at the top level so far
    for r, row in enumerate(table.rows):
        present = [c for c in cols if (r, c) in grid]
        if not present:
            continue
        strong = is_total(row.label)
        weak = not strong and is_total(row.label, weak=True)
        if not (strong or weak) or not top:
            top.append(r)
            continue
        found = _match_sum(r, top, present, grid, strong)
        if found is not None:
            k, mode, holding = found
            members = top[-k:]
            what = "summan" if mode == "sum" else "skillnaden"
            detail = f"{row.label.strip()} = {what} av {k} rad{'er' if k > 1 else ''} ovan: stämmer"
            for c in present:
                if c in holding:
                    for m in members + [r]:
                        if (m, c) in grid:
                            out.ok.add((m, c))
                            out.good_detail.setdefault((m, c), detail)
                else:
                    expected = _combine(members, c, grid, mode)
                    header = table.columns[c].header or f"kolumn {c + 1}"
                    out.bad[(r, c)] = (f"{row.label.strip()} ({header}): {what} av {k} rad{'er' if k > 1 else ''} "
                                       f"ovan är {_fmt(expected)}, tryckt {_fmt(grid[(r, c)][0])}")
            top = top[:-k] + [r]
            continue
        if strong:
            # no set of rows adds up: report against all top-level rows since the last total
            for c in present:
                expected = sum(grid[(m, c)][0] for m in top if (m, c) in grid)
                printed = grid[(r, c)][0]
                header = table.columns[c].header or f"kolumn {c + 1}"
                out.bad[(r, c)] = (f"{row.label.strip()} ({header}): ingen summa av raderna ovan stämmer "
                                   f"(alla {len(top)} ger {_fmt(expected)}), tryckt {_fmt(printed)}")
        top.append(r)


def _combine(members: list[int], c: int, grid: dict, mode: str) -> float:
    if mode == "sum":
        return sum(grid[(m, c)][0] for m in members if (m, c) in grid)
    a, b = members[-2], members[-1]
    return grid.get((a, c), (0.0, 0))[0] - grid.get((b, c), (0.0, 0))[0]


def _match_sum(r: int, top: list[int], present: list[int], grid: dict, strong: bool
               ) -> tuple[int, str, set[int]] | None:
    """The smallest k such that row r is the sum of the last k top-level rows (blank cells
    count as 0), in every column for a strong total, in most columns for a weak one; also
    k = 2 as a difference. Returns (k, mode, columns where it holds)."""
    best: tuple[int, str, set[int]] | None = None
    for k in range(1 if strong else 2, len(top) + 1):
        members = top[-k:]
        if not _has_terms(members, present, grid, 1 if k == 1 else 2):
            continue
        holding = {c for c in present if _sum_holds(r, members, c, grid)}
        if len(holding) == len(present):
            return k, "sum", holding
        if (len(present) >= 3 or (strong and len(present) >= 2)) and len(holding) * 2 > len(present) \
                and (best is None or len(holding) > len(best[2])):
            best = (k, "sum", holding)
    if best is None and strong and len(top) >= 2:
        # a total under a plain list: the sum of every row above, column by column
        holding = {c for c in present if _sum_holds(r, top, c, grid)}
        if holding:
            best = (len(top), "sum", holding)
    if len(top) >= 2:
        a, b = top[-2], top[-1]
        holding = {c for c in present if (a, c) in grid and (b, c) in grid and abs(
            grid[(a, c)][0] - grid[(b, c)][0] - grid[(r, c)][0]) <= _tolerance(
            [grid[(a, c)][1], grid[(b, c)][1], grid[(r, c)][1]], 2)}
        if len(holding) == len(present) and any(abs(grid[(a, c)][0]) > 0 for c in holding):
            return 2, "difference", holding
    return best


def _has_terms(members: list[int], cols: list[int], grid: dict, minimum: int) -> bool:
    return sum(1 for m in members if any((m, c) in grid for c in cols)) >= minimum


def _sum_holds(r: int, members: list[int], c: int, grid: dict) -> bool:
    terms = [grid[(m, c)] for m in members if (m, c) in grid]
    if not terms:
        return False
    expected = sum(t[0] for t in terms)
    printed, dec = grid[(r, c)]
    return abs(expected - printed) <= _tolerance([t[1] for t in terms] + [dec], len(terms))


# --------------------------------------------------------------------------- column identities

def _is_result_column(header: str) -> bool:
    found, scenario = scenario_of(header)
    if found and scenario in ("avvikelse", "forandring"):
        return True
    return any_word(header, _DIFF_WORDS) is not None


def _column_identities(table: Table, grid: dict, cols: list[int], out: _Outcome) -> None:
    rows = sorted({r for r, _ in grid})
    for c in cols:
        header = " ".join(p for p in (table.columns[c].group, table.columns[c].header) if p)
        total_col = is_total(table.columns[c].header) and len(cols) >= 3
        if not header or not (_is_result_column(table.columns[c].header) or total_col):
            continue
        target_rows = [r for r in rows if (r, c) in grid]
        if len(target_rows) < 1:
            continue
        best = None
        others = [x for x in cols if x != c]
        candidates: list[tuple[str, tuple[int, ...]]] = []
        if total_col:
            candidates.append(("sum_all", tuple(others)))
        for a, b in permutations(others, 2):
            candidates.append(("diff", (a, b)))
            if a < b:
                candidates.append(("add", (a, b)))
        for kind, operands in candidates:
            fits, fails, tested = [], [], 0
            for r in target_rows:
                if not all((r, o) in grid for o in operands):
                    continue
                tested += 1
                vals = [grid[(r, o)][0] for o in operands]
                expected = (vals[0] - vals[1]) if kind == "diff" else sum(vals)
                printed, dec = grid[(r, c)]
                decs = [grid[(r, o)][1] for o in operands] + [dec]
                tol = _tolerance(decs, len(operands))
                # a deviation is printed with the sign of "better than budget", which flips
                # between income and cost rows: either sign of the difference holds
                if abs(expected - printed) <= tol or (kind == "diff" and abs(expected + printed) <= tol):
                    fits.append(r)
                else:
                    fails.append((r, expected, printed))
            if tested == 0:
                continue
            informative = sum(1 for r in fits if any(abs(grid[(r, o)][0]) > 0 for o in operands))
            score = (len(fits), informative, -len(fails))
            if best is None or score > best[0]:
                best = (score, kind, operands, fits, fails, tested)
        if best is None:
            continue
        (n_fit, informative, _), kind, operands, fits, fails, tested = best
        if informative < 1 or n_fit < max(2 if tested >= 2 else 1, int(0.75 * tested + 0.999)):
            continue
        names = [table.columns[o].header or f"kolumn {o + 1}" for o in operands]
        col_name = table.columns[c].header
        if kind == "diff":
            rule = f"{col_name} = {names[0]} − {names[1]}"
        elif kind == "add":
            rule = f"{col_name} = {names[0]} + {names[1]}"
        else:
            rule = f"{col_name} = summan av övriga kolumner"
        for r in fits:
            for o in list(operands) + [c]:
                out.ok.add((r, o))
                out.good_detail.setdefault((r, o), f"{rule}: stämmer")
        for r, expected, printed in fails:
            label = table.rows[r].label.strip()
            msg = f"{label}: {rule} ger {_fmt(expected)}, tryckt {_fmt(printed)}"
            out.bad[(r, c)] = msg
            for o in operands:
                out.bad.setdefault((r, o), msg)
