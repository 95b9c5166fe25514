"""A query result (column names and rows) as a file: csv-sv (what Swedish Excel opens:
``;`` between fields, decimal comma, UTF-8 with BOM) or parquet (types from DuckDB)."""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
from pathlib import Path
from typing import IO, Any


def _sv(value: Any) -> str:
    """One cell in Swedish: decimal comma, no thousands separator (Excel parses it as a
    number), ISO dates, true/false as SANT/FALSKT is left to Excel (written as sant/falskt)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "sant" if value else "falskt"
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        text = repr(value)
        if "e" in text or "E" in text:
            text = format(decimal.Decimal(text), "f")
        if text.endswith(".0"):
            text = text[:-2]
        return text.replace(".", ",")
    if isinstance(value, decimal.Decimal):
        return format(value, "f").replace(".", ",")
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def write_csv_sv(columns: list[str], rows: list[tuple], out: IO[str] | Path) -> None:
    """csv-sv to a text stream (stdout) or a file; the BOM goes first either way."""
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8-sig", newline="") as fh:
            _write(columns, rows, fh)
        return
    buf = io.StringIO()
    _write(columns, rows, buf)
    out.write("\ufeff" + buf.getvalue())


def _write(columns: list[str], rows: list[tuple], fh: IO[str]) -> None:
    writer = csv.writer(fh, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_sv(v) for v in row])


def write_parquet(relation: Any, path: Path) -> None:
    """A DuckDB relation's Arrow table (its own column types) as parquet, written by
    pyarrow in this process (never a COPY on the analysts' connection)."""
    import pyarrow.parquet as pq

    pq.write_table(relation.to_arrow_table(), path)


def format_table(columns: list[str], rows: list[tuple]) -> str:
    """The terminal table of ``kommunlager sql`` (and the prompt), with a row count."""
    widths = [max([len(str(c))] + [len(str(r[i])) for r in rows]) for i, c in enumerate(columns)]
    fmt = " | ".join(f"{{:{w}}}" for w in widths)
    lines = [fmt.format(*columns), "-+-".join("-" * w for w in widths)]
    lines += [fmt.format(*["" if v is None else str(v) for v in row]) for row in rows]
    lines.append(f"({len(rows)} rader)")
    return "\n".join(lines)
