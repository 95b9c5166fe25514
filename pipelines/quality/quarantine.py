"""Row-level quarantine: raw rows that fail a row-level expectation stay out of the marts.

``quarantine(tables)`` gets the raw tables about to be staged (``warehouse.build``) and
returns the rows to hold back, in ``KARANTAN_SCHEMA``: dbt staging excludes them and the
mart ``karantan`` shows them with their rule, reason and lineage. The rest of the
document loads.

The rules are the suites in ``expectations/`` whose ``meta.table`` is a raw table and
whose ``meta.karantan`` maps the lineage columns (``raw_rapport_fakta.json``). Every
failing row of a row-level expectation of such a suite is quarantined; one row of
``karantan`` per (row, rule).

Personal data: a quarantined text never carries the personal data it was caught for.
Its ``kalltext`` is masked, and so are the text columns of the raw table staged into the
warehouse (the lake keeps the file as received).
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from pipelines.lib.files import write_json
from pipelines.quality import patterns
from pipelines.quality.gx_runner import CheckContext, Failure, Suite, load_suites, run_suite

# Rows held back from the marts by a row-level expectation.
KARANTAN_SCHEMA = pa.schema(
    [("kalla_tabell", pa.string()),   # raw table the row came from, e.g. rapport_fakta
     ("rad_id", pa.string()),         # the row's id in that table (rapport_fakta: fakta_id)
     ("regel", pa.string()),          # the expectation that failed
     ("orsak", pa.string()),          # one line a person can read
     ("dokument_id", pa.string()),
     ("filnamn", pa.string()),
     ("sida", pa.int32()),
     ("kalltext", pa.string())]
)

KARANTAN_COLUMNS = ("kalla_tabell", "rad_id", "regel", "orsak", "dokument_id", "filnamn", "sida", "kalltext")


def quarantine_suites(tables: dict[str, Any]) -> list[Suite]:
    return [s for s in load_suites() if s.is_raw and s.lineage and s.table.removeprefix("raw.") in tables]


def _is_personal_data_rule(failure: Failure) -> bool:
    return "regex_list" in failure.kwargs and failure.expectation.endswith("not_match_regex_list") and (
        failure.regel or "").startswith("personuppgifter")


def _shown(value: Any) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "saknas"
    if isinstance(value, (int, float)):
        return f"{float(value):g}"
    return repr(str(value)[:60])


def _detail(failure: Failure, df: pd.DataFrame, i: int) -> str:
    """What about this row failed (never the personal data itself)."""
    if i in failure.reasons:
        return failure.reasons[i]
    column = failure.column
    if column is None or column not in df.columns:
        return ""
    if _is_personal_data_rule(failure):
        found = patterns.which(str(df.at[i, column]))
        return f"{', '.join(found) or 'mönster'} i {column}"
    return f"{column} = {_shown(df.at[i, column])}"


def _lineage(df: pd.DataFrame, lineage: dict[str, str], i: int) -> dict[str, Any]:
    out = {}
    for target in ("rad_id", "dokument_id", "filnamn", "sida", "kalltext"):
        source = lineage.get(target)
        value = df.at[i, source] if source in df.columns else None
        if value is not None and isinstance(value, float) and pd.isna(value):
            value = None
        out[target] = value
    if out["sida"] is not None:
        out["sida"] = int(out["sida"])
    if out["rad_id"] is not None:
        out["rad_id"] = str(out["rad_id"])
    return out


def find(suite: Suite, table: pa.Table) -> tuple[list[dict[str, Any]], set[int]]:
    """Quarantine rows of one raw table by one suite, and the positions with personal data."""
    df = table.to_pandas()
    result = run_suite(suite, df, CheckContext())
    merged: dict[tuple[int, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    personal: set[int] = set()
    for failure in result.failed:
        if not failure.row_level:
            continue
        regel = failure.regel or failure.expectation
        for i in failure.index:
            details = merged[(i, regel)][failure.orsak or failure.expectation]
            detail = _detail(failure, df, i)
            if detail and detail not in details:
                details.append(detail)
            if _is_personal_data_rule(failure):
                personal.add(i)
    rows = []
    for (i, regel), by_reason in sorted(merged.items()):
        orsak = "; ".join(f"{base}: {'; '.join(details)}" if details else base for base, details in by_reason.items())
        row = {"kalla_tabell": suite.table.removeprefix("raw."), "regel": regel, "orsak": orsak,
               **_lineage(df, suite.lineage or {}, i)}
        row["kalltext"] = patterns.mask(row["kalltext"])
        row["orsak"] = patterns.mask(row["orsak"])
        rows.append(row)
    return rows, personal


def _masked(table: pa.Table, positions: set[int]) -> pa.Table:
    """The table with personal data masked in every text column of the given rows."""
    if not positions:
        return table
    for idx, f in enumerate(table.schema):
        if not pa.types.is_string(f.type):
            continue
        values = table.column(idx).to_pylist()
        changed = False
        for i in positions:
            new = patterns.mask(values[i])
            if new != values[i]:
                values[i], changed = new, True
        if changed:
            table = table.set_column(idx, f, pa.array(values, type=f.type))
    return table


# Tables whose quarantine rules are document-local (every rule looks at one row, or groups
# by the document: rules.py groups by dokument_id), so they can be judged one batch of
# documents at a time, and a document judged once by the same rules need not be judged
# again. tests/test_scale.py checks that whole-table and per-document give the same rows.
PER_DOCUMENT = {"rapport_fakta": "dokument_id"}
# Most rows judged in one pandas frame (a batch of whole documents; ~8 KB per row in GX).
CHUNK_ROWS = 50_000
_CODE = [Path(__file__).with_name(n) for n in ("quarantine.py", "gx_runner.py", "rules.py", "patterns.py")]


def fingerprint(suite: Suite) -> str:
    """Changes when a rule can change: the suites and pattern files, this code, GX."""
    import great_expectations as gx

    digest = hashlib.sha256(gx.__version__.encode())
    for path in sorted(p for p in suite.path.parent.iterdir() if p.is_file()) + _CODE:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _digest(table: pa.Table) -> str:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return hashlib.sha256(sink.getvalue()).hexdigest()[:16]


def _runs(docs: list[str]) -> list[tuple[str, int, int]]:
    """(document, start, end) of each run of equal values (a document's rows are contiguous)."""
    out: list[tuple[str, int, int]] = []
    for i, doc in enumerate(docs):
        if out and out[-1][0] == doc:
            out[-1] = (doc, out[-1][1], i + 1)
        else:
            out.append((doc, i, i + 1))
    return out


def _find_by_document(suite: Suite, table: pa.Table, column: str,
                      cache: Path | None) -> tuple[list[dict[str, Any]], set[int]]:
    """``find`` over batches of whole documents, each document's result cached in ``cache``."""
    runs = _runs(table.column(column).to_pylist())
    if len({doc for doc, _, _ in runs}) != len(runs):  # not contiguous: judge the whole table
        return find(suite, table)
    folder = cache / suite.name / fingerprint(suite) if cache else None
    done: dict[str, tuple[list[dict[str, Any]], list[int]]] = {}
    todo: list[tuple[str, int, int]] = []
    keys: dict[str, Path] = {}
    for doc, start, end in runs:
        # the file names the document and its facts' content: a fact file replaced in place
        # (the lake never does; a test or an operator might) is judged again
        hit = keys[doc] = folder / f"{doc}-{_digest(table.slice(start, end - start))}.json" if folder else None
        if hit is not None and hit.exists():
            data = json.loads(hit.read_text(encoding="utf-8"))
            done[doc] = (data["rader"], data["personuppgifter"])
        else:
            todo.append((doc, start, end))
    while todo:
        batch, rows = [], 0
        while todo and (not batch or rows + todo[0][2] - todo[0][1] <= CHUNK_ROWS):
            batch.append(todo.pop(0))
            rows += batch[-1][2] - batch[-1][1]
        chunk = pa.concat_tables([table.slice(start, end - start) for _, start, end in batch])
        found, personal = find(suite, chunk)
        offset = 0
        for doc, start, end in batch:
            local = [p - offset for p in sorted(personal) if offset <= p < offset + end - start]
            mine = [r for r in found if r.get("dokument_id") == doc]
            done[doc] = (mine, local)
            offset += end - start
            if folder:
                write_json(keys[doc], {"rader": mine, "personuppgifter": local})
    rows_out: list[dict[str, Any]] = []
    positions: set[int] = set()
    for doc, start, _ in runs:
        mine, local = done[doc]
        rows_out.extend(mine)
        positions.update(start + p for p in local)
    return rows_out, positions


def quarantine(tables: dict[str, pa.Table], cache: Path | None = None) -> pa.Table:
    """Rows to hold back from the marts (KARANTAN_SCHEMA). Masks personal data in the raw
    tables of ``tables`` in place (the dict entries are replaced). Tables in PER_DOCUMENT
    are judged a batch of documents at a time; with ``cache`` (a folder of the lake), each
    document's outcome is kept there and not judged again while the rules stay the same."""
    rows: list[dict[str, Any]] = []
    for suite in quarantine_suites(tables):
        name = suite.table.removeprefix("raw.")
        column = PER_DOCUMENT.get(name)
        if column and column in tables[name].column_names and column == (suite.lineage or {}).get("dokument_id"):
            found, personal = _find_by_document(suite, tables[name], column, cache)
        else:
            found, personal = find(suite, tables[name])
        rows.extend(found)
        tables[name] = _masked(tables[name], personal)
    return pa.Table.from_pylist([{c: r.get(c) for c in KARANTAN_COLUMNS} for r in rows], schema=KARANTAN_SCHEMA)
