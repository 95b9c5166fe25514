"""Tables flattened into running text (a page pasted as one line).

A flattened table is a header run (column headers such as ``Utfall Feb 2018 Budget 2019
Utfall Feb 2019`` or ``Mått Utfall Målvärde Måluppfyllelse``) followed by rows: a label and
then exactly as many values as there are columns. Numbers can run together
(``-730-13 899-2 290``) and a space may be a thousands separator or a cell boundary, so
each row is read with :func:`numbers.segmentations`: the known column count chooses the
reading, and the table's own identities (avvikelse = prognos − budget, the Summa row) choose
between readings that remain. A row that stays ambiguous is refused, never guessed.

Labels printed before the header (a transposed block whose row labels come first) are
split at capitalised words once broken words are joined (``administr ation``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass
from itertools import permutations

from pipelines.reports.model import Cell
from pipelines.reports.parse.numbers import MINUSES, atoms_of, parse_cell, prefix_readings, segmentations
from pipelines.reports.read.layout import classify
from pipelines.reports.tables import blocks
from pipelines.reports.tables.header import goal_statement
from pipelines.reports.tables.model import Column, Row, Table
from pipelines.reports.tables.words import join_fragments, joins
from pipelines.reports.vocabulary import norm, scenario_words
from pipelines.reports.vocabulary.lexicon import is_total

_MC = re.escape(MINUSES)
# one value token in running text: a number (maybe glued to the next), a percent, a dash
_VALUE_RUN = re.compile(
    rf"(?:(?<=\s)|^)((?:[{_MC}+]?\s?\d[\d ]*(?:,\d+)?\s?%?|[{_MC}](?=\s))(?:\s?[{_MC}]?\d[\d ]*(?:,\d+)?\s?%?|\s[{_MC}](?=\s|$))*)"
)
_YEAR = r"(?:19|20)\d\d"
_MONTH = r"(?:jan(?:uari)?|feb(?:r(?:uari)?)?|mar(?:s)?|apr(?:il)?|maj|jun(?:i)?|jul(?:i)?|aug(?:usti)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_PERIOD_TOKEN = rf"(?:{_YEAR}(?:-\d\d(?:-\d\d)?)?|{_MONTH}|T[1-3]|Q[1-4]|helår|perioden|ack\.?|jan\s?-\s?\w+)"


@lru_cache(maxsize=1)
def _header_re() -> re.Pattern[str]:
    sw = "|".join(re.escape(w) for w in scenario_words())
    phrase = rf"(?:{sw})\w*\.?(?:\s?{_PERIOD_TOKEN})*"
    return re.compile(rf"(?<![\wåäö])((?:{phrase})(?:\s+(?:{phrase})){{1,9}})(?![\wåäö])", re.I)


@dataclass
class _Header:
    start: int
    end: int
    columns: list[str]
    stub: str


@lru_cache(maxsize=1)
def _phrase_re() -> re.Pattern[str]:
    sw = "|".join(re.escape(w) for w in scenario_words())
    return re.compile(rf"(?:{sw})\w*\.?(?:\s?{_PERIOD_TOKEN})*", re.I)


def _split_phrases(text: str) -> list[str]:
    parts = _phrase_re().findall(text)
    return [" ".join(p.split()) for p in parts]


_STUBS = ["mått", "verksamhetsmått", "indikator", "nyckeltal", "tkr", "belopp i tkr", "titel", "mål"]


def find_tables(text: str, words: frozenset[str] = frozenset()) -> list[Table]:
    """Flattened tables in the long lines of a text (``words``: the document's words)."""
    tables: list[Table] = []
    for line in text.split("\n"):
        if len(line) < 200:
            continue
        for t in _tables_in(line, words) + blocks.find_tables(line):
            t.id = f"f{len(tables) + 1}"
            tables.append(t)
    return tables


def _tables_in(line: str, words: frozenset[str]) -> list[Table]:
    out: list[Table] = []
    for m in _header_re().finditer(line):
        columns = _split_phrases(m.group(1))
        if len(columns) < 2:
            continue
        before = line[max(0, m.start() - 300):m.start()]
        stub_m = re.search(r"(?:^|\s)(" + "|".join(re.escape(s) for s in _STUBS) + r")\s*$", before, re.I)
        after = line[m.end():]
        table = _rows_after(after, columns, stub_m.group(1) if stub_m else "", before, words)
        if table is not None:
            sm = list(re.finditer(r"(?:^|\s)(tkr|belopp i tkr|mnkr)\s", before, re.I))
            if not table.stub and sm:
                table.stub = sm[-1].group(1)
                table.caption = [_caption(before[:sm[-1].start()])]
            else:
                table.caption = [_caption(before)]
            table.goal = goal_statement(before)
            table.heading = _heading(before[:stub_m.start()] if stub_m else before)
            out.append(table)
    return out


def _heading(before: str) -> str | None:
    """A numbered heading right before the table ("… 3.1.1 Ekonomiskt bistånd" + header)."""
    m = re.search(r"(?:^|\s)(\d+(?:\.\d+)+\.?\s+[A-ZÅÄÖ][\w,\-– ]{1,60}?)\s*$", before)
    if m and not re.search(r"\d", m.group(1).split(None, 1)[1]) and len(m.group(1).split()) <= 8:
        return m.group(1).strip()
    return None


def _caption(before: str) -> str:
    # the last sentence-ish piece before the header
    pieces = re.split(r"(?<=[.:])\s+", before.strip())
    return pieces[-1][-160:] if pieces else ""


def _value_cell(text: str) -> Cell:
    return classify(Cell(text, 0, 0, 0, 0, 1.0))


def _rows_after(after: str, columns: list[str], stub: str, before: str, words: frozenset[str]) -> Table | None:
    n = len(columns)
    segments: list[tuple[str, str, bool]] = []     # (label, value text, from the block before the header)
    pos = 0
    m = re.match(r"\s*((?:[{0}+]?\s?\d[\d ]*(?:,\d+)?\s?)+)".format(_MC), after)
    block_labels: list[str] = []
    if m and len(m.group(1).split()) >= n:
        block_labels = _labels_before(before, words)
        if block_labels:
            segments.append(("\u0000block", m.group(1).strip(), True))
            pos = m.end()
    tokens = after[pos:].split()
    k = 0
    while k < len(tokens) and len(segments) <= 60:
        label_words: list[str] = []
        while k < len(tokens) and len(label_words) <= 25 and (
                not _is_value_token(tokens[k])
                or (re.fullmatch(r"\d{1,3}-\d{1,3}", tokens[k]) and k + 1 < len(tokens) and tokens[k + 1][:1].isalpha())):
            label_words.append(tokens[k])
            k += 1
        if not label_words or len(label_words) > 25 or k >= len(tokens):
            break
        value_words: list[str] = []
        while k < len(tokens) and _is_value_token(tokens[k]):
            value_words.append(tokens[k])
            k += 1
        segments.append((" ".join(label_words), " ".join(value_words), False))
    rows = _solve(segments, block_labels, columns, words)
    if not rows:
        return None
    return Table(page=None, columns=[Column(i, 0, 0, header=c) for i, c in enumerate(columns)], rows=rows,
                 stub=stub, source="flat")


def _labels_before(before: str, words: frozenset[str]) -> list[str]:
    sm = list(re.finditer(r"(?:^|\s)(tkr|belopp i tkr|mnkr)\s", before, re.I))
    if not sm:
        return []
    return _split_labels(before[sm[-1].end():].strip(), words)


def _options(text: str, count: int, ident) -> list[list[float]]:
    """Readings of a value text as exactly ``count`` numbers that satisfy the identity."""
    if "%" in text:
        parts = [p.strip() for p in re.findall(rf"[{_MC}+]?\s?\d[\d ]*(?:,\d+)?\s?%", text)]
        if len(parts) != count:
            return []
        vals = [parse_cell(p) for p in parts]
        return [[v.value for v in vals]] if all(vals) else []
    out = []
    for seg in segmentations(text, count, limit=256):
        if ident is None or _holds(seg, ident):
            out.append(seg)
    return out


def _holds(values: list[float], ident) -> bool:
    c, a, b = ident
    return abs(values[a] - values[b] - values[c]) <= 0.5 + 1e-9


def _solve(segments: list[tuple[str, str, bool]], block_labels: list[str], columns: list[str],
           words: frozenset[str]) -> list[Row]:
    """Read every segment of a flattened table; keep the readings that satisfy one identity
    of the header in every row and, where a Summa row follows, the column sums; refuse rows
    that stay ambiguous."""
    n = len(columns)
    avv = [i for i, c in enumerate(columns) if re.match(r"avv|återstår|diff", c, re.I)]
    identities = [(c, a, b) for c in avv for a, b in permutations([i for i in range(n) if i != c], 2)] or [None]
    best: list[list[list[float]] | None] | None = None
    best_score = -1
    for ident in identities:
        options: list[list[list[float]] | list[list[list[float]]]] = []
        cut = len(segments)
        for s_i, (label, text, is_block) in enumerate(segments):
            if is_block:
                found: list[list[list[float]]] = []
                _dfs(atoms_of(text) or [], 0, len(block_labels), n, ident, [], found, limit=64)
                opts = found
            else:
                opts = _options(text, n, ident)
                if not opts and len(_split_labels(label, words)) > 1:
                    k = len(_split_labels(label, words))
                    multi = _options_multi(text, n, k, ident)
                    opts = multi
            if not opts:
                cut = s_i
                break
            options.append(opts)
        if not options:
            continue
        # column sums against a Summa row
        chosen = _by_totals(segments[:cut], options, block_labels, n)
        score = sum(1 for o in chosen if o is not None and len(o) == 1)
        if score > best_score:
            best, best_score = chosen, score
        if ident is not None and score == len(chosen) and all(o is not None and len(o) == 1 for o in chosen):
            break
    if not best:
        return []
    rows: list[Row] = []
    for (label, text, is_block), opts in zip(segments, best):
        if opts is None or len(opts) != 1:
            continue        # ambiguous: refused
        reading = opts[0]
        if is_block:
            for lab, values in zip(block_labels, reading):
                rows.append(Row(label=lab, cells=[_value_cell(_fmt(v)) for v in values],
                                evidence=f"{lab} " + " ".join(_fmt(v) for v in values)))
        elif isinstance(reading[0], list):
            labels = _split_labels(label, words)
            for lab, values in zip(labels, reading):
                rows.append(Row(label=lab, cells=[_value_cell(_fmt(v)) for v in values], evidence=f"{label} {text}"))
        else:
            cells = [_value_cell(_cell_text(text, v, n)) for v in reading]
            rows.append(Row(label=label, cells=cells, evidence=f"{label} {text}"))
    return rows


def _cell_text(text: str, v: float, n: int) -> str:
    if "%" in text:
        return _fmt(v) + " %"
    return _fmt(v)


def _options_multi(text: str, n: int, k: int, ident) -> list:
    out = []
    for seg in segmentations(text, n * k, limit=256):
        rows = [seg[i * n:(i + 1) * n] for i in range(k)]
        if ident is None or all(_holds(r, ident) for r in rows):
            out.append(rows)
    return out


def _by_totals(segments, options, block_labels, n):
    """Keep, for every segment, the readings that agree with a Summa/Totalt row below
    (the sum of all rows above it, per column). Segments without such a row keep theirs."""
    from itertools import product

    total_idx = [i for i, (label, _, blk) in enumerate(segments) if not blk and is_total(label)]
    if not total_idx:
        return options
    t = total_idx[0]
    members = list(range(t))
    combos = 1
    for i in members + [t]:
        combos *= len(options[i])
    if combos > 20000:
        return options
    keep: dict[int, set] = {i: set() for i in members + [t]}
    ok_any = False
    for choice in product(*[range(len(options[i])) for i in members + [t]]):
        sums = [0.0] * n
        for i, ci in zip(members, choice[:-1]):
            reading = options[i][ci]
            rows_ = reading if isinstance(reading[0], list) else [reading]
            for r in rows_:
                for c in range(n):
                    sums[c] += r[c]
        total = options[t][choice[-1]]
        if all(abs(sums[c] - total[c]) <= 0.5 * (len(members) + 8) for c in range(n)):
            ok_any = True
            for i, ci in zip(members + [t], choice):
                keep[i].add(ci)
    if not ok_any:
        return options
    out = list(options)
    for i, chosen in keep.items():
        out[i] = [options[i][ci] for ci in sorted(chosen)]
    return out


_VALUE_TOKEN = re.compile(rf"^(?:[{_MC}+]?\d[\d{_MC}]*(?:,\d+)?%?|%|[{_MC}])$")


def _is_value_token(tok: str) -> bool:
    return bool(_VALUE_TOKEN.match(tok)) and not re.fullmatch(r"\d+(?:\.\d+)+", tok)


def _fmt(v: float) -> str:
    if v == int(v):
        s = f"{int(abs(v)):,}".replace(",", " ")
    else:
        s = f"{abs(v):,}".replace(",", " ").replace(".", ",")
    return ("-" if v < 0 else "") + s


def _split_labels(text: str, words: frozenset[str] = frozenset()) -> list[str]:
    """Labels run together (``Central, administr ation Politisk verksamh et …``): broken words
    joined when the whole word is known, then split before each capitalised word."""
    joined: list[str] = []
    for w in text.split():
        if joined and joins(joined[-1], w, words):
            joined[-1] = joined[-1] + w
        elif joined and len(joined) >= 1 and w[:1].islower() and joined[-1][-1:].isalpha() \
                and _joins_chain(joined[-1], w, words):
            joined[-1] = joined[-1] + w
        else:
            joined.append(w)
    labels: list[list[str]] = []
    for w in joined:
        if w[:1].isupper() or not labels:
            labels.append([w])
        else:
            labels[-1].append(w)
    return [join_fragments([" ".join(ws)], words) for ws in labels]


def _joins_chain(a: str, b: str, words: frozenset[str]) -> bool:
    """``Arbetsma`` + ``rknadsins`` (+ ``atser``): a prefix of a known word continues."""
    joined = norm(a + b)
    return any(w.startswith(joined) and len(w) > len(joined) for w in words if len(w) >= len(joined) + 2)


def _dfs(atoms, i: int, nrows: int, ncols: int, ident, acc: list, found: list, limit: int = 2) -> None:
    if len(found) >= limit:
        return
    if len(acc) == nrows:
        if i == len(atoms):
            found.append([list(r) for r in acc])
        return
    for values, j in prefix_readings(atoms, i, ncols):
        if ident is not None:
            c, a, b = ident
            if abs(values[a] - values[b] - values[c]) > 0.5:
                continue
        acc.append(values)
        _dfs(atoms, j, nrows, ncols, ident, acc, found, limit)
        acc.pop()
        if len(found) >= limit:
            return
