"""Kolada in the raw layer: the file layout and Arrow schemas every Kolada source writes.

    lake/kolada/sidor/<sha256>.json                 one raw API response page as received
    lake/kolada/varden/<sha256>.parquet             normalised values of one load (VALUE_SCHEMA)
    lake/kolada/meta/<entity>/<sha256>.parquet      metadata of one load (kpi, municipality, …)
    lake/kolada/tackning/<sha256>.parquet           (kpi, unit) pairs whose full history was fetched
                                                    from the API (from year ar_fran), whatever came back
    lake/kolada/filer/<sha256><.ext>                an export file from inbox/kolada, as received
    lake/kolada/inkorg/<sha256>.json                its first sighting: name, path, first seen
    lake/kolada/importer/<sha256>.json              the result of importing one export file
                                                    (rows, mapped, one problem line per row left out)

Value and metadata files are content-addressed over their rows (not the fetch time), so
loading the same data twice adds no file, and a revised value arrives as a new file while
the old one stays: the warehouse keeps the newest value per key, the lake keeps history.

API loads write only the rows whose content differs from the newest API row of the same
key (``pipelines.kolada.load``), so a value revised back to an earlier number is a change
too: ``write_values(..., change=True)`` then stores it beside the older identical file.
Snapshot and export files are written once with the time they were first seen, so an old
file read again never overrides what was loaded after it.
"""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipelines.config import Settings
from pipelines.lib.files import copy_file, read_json, write_json, write_parquet

VALUE_SCHEMA = pa.schema(
    [
        ("kpi", pa.string()),
        ("municipality", pa.string()),
        ("period", pa.int32()),
        ("gender", pa.string()),
        ("value", pa.float64()),
        ("status", pa.string()),
        ("count", pa.int32()),
        ("isdeleted", pa.bool_()),
        ("source", pa.string()),       # api:<request url> | snapshot:<file> | export:<file>
        ("fetched_at", pa.string()),   # ISO timestamp of the load
    ]
)

META_SCHEMAS = {
    "kpi": pa.schema(
        [
            ("id", pa.string()), ("title", pa.string()), ("description", pa.string()),
            ("is_divided_by_gender", pa.bool_()), ("municipality_type", pa.string()),
            ("auspice", pa.string()), ("operating_area", pa.string()), ("perspective", pa.string()),
            ("prel_publication_date", pa.string()), ("publication_date", pa.string()),
            ("publ_period", pa.string()), ("has_ou_data", pa.bool_()),
        ]
    ),
    "municipality": pa.schema([("id", pa.string()), ("title", pa.string()), ("type", pa.string())]),
    "municipality_groups": pa.schema(
        [("group_id", pa.string()), ("group_title", pa.string()),
         ("member_id", pa.string()), ("member_title", pa.string())]
    ),
    "kpi_groups": pa.schema(
        [("group_id", pa.string()), ("group_title", pa.string()),
         ("member_id", pa.string()), ("member_title", pa.string())]
    ),
}


# A full-history API request that succeeded covers these pairs: later loads are incremental.
COVERAGE_SCHEMA = pa.schema([("kpi", pa.string()), ("municipality", pa.string()), ("ar_fran", pa.int32())])


def kolada_dir(settings: Settings) -> Path:
    return settings.lake_dir / "kolada"


def _content_hash(table: pa.Table, ignore: tuple[str, ...] = ()) -> str:
    keep = table.drop_columns([c for c in ignore if c in table.column_names])
    sink = io.BytesIO()
    pq.write_table(keep, sink)
    return hashlib.sha256(sink.getvalue()).hexdigest()


def write_values(settings: Settings, table: pa.Table, *, change: bool = False) -> Path | None:
    """Store one load of values; None when the identical rows are already stored.

    ``change=True``: the caller knows these rows change the newest state (an API delta), so
    they are stored even when identical rows were stored before (a value revised back)."""
    table = table.cast(VALUE_SCHEMA)
    if table.num_rows == 0:
        return None
    digest = _content_hash(table, ignore=("fetched_at",))
    folder = kolada_dir(settings) / "varden"
    path = folder / f"{digest}.parquet"
    if path.exists():
        if not change:
            return None
        stamp = hashlib.sha256(str(table.column("fetched_at")[0]).encode()).hexdigest()[:12]
        path = folder / f"{digest}-{stamp}.parquet"
        if path.exists():
            return None
    write_parquet(path, table)
    return path


def value_files(settings: Settings) -> list[Path]:
    return sorted((kolada_dir(settings) / "varden").glob("*.parquet"))


def write_meta(settings: Settings, entity: str, table: pa.Table) -> Path | None:
    table = table.cast(META_SCHEMAS[entity])
    digest = _content_hash(table)
    path = kolada_dir(settings) / "meta" / entity / f"{digest}.parquet"
    if path.exists():
        return None
    write_parquet(path, table)
    return path


def meta_files(settings: Settings, entity: str) -> list[Path]:
    return list((kolada_dir(settings) / "meta" / entity).glob("*.parquet"))


def read_meta(settings: Settings, entity: str) -> pa.Table | None:
    """The newest stored load of one metadata entity (as the warehouse build picks it)."""
    files = sorted(meta_files(settings, entity), key=lambda p: p.stat().st_mtime)
    if not files:
        return None
    return pq.read_table(files[-1]).select(META_SCHEMAS[entity].names).cast(META_SCHEMAS[entity])


def write_coverage(settings: Settings, kpis: list[str], units: list[str], ar_fran: int) -> Path | None:
    pairs = [(k, u) for k in kpis for u in units]
    table = pa.table({"kpi": [k for k, _ in pairs], "municipality": [u for _, u in pairs],
                      "ar_fran": [ar_fran] * len(pairs)}, schema=COVERAGE_SCHEMA)
    path = kolada_dir(settings) / "tackning" / f"{_content_hash(table)}.parquet"
    if path.exists() or not pairs:
        return None
    write_parquet(path, table)
    return path


def read_coverage(settings: Settings) -> dict[tuple[str, str], int]:
    """(kpi, unit) → the earliest year from which its full history was fetched."""
    out: dict[tuple[str, str], int] = {}
    for path in (kolada_dir(settings) / "tackning").glob("*.parquet"):
        t = pq.read_table(path)
        for k, u, y in zip(*(t.column(c).to_pylist() for c in ("kpi", "municipality", "ar_fran"))):
            out[(k, u)] = min(y, out.get((k, u), y))
    return out


def write_page(settings: Settings, url: str, fetched_at: str, status: int, body: str) -> Path:
    """One response as received (any status), keyed by URL and body: a repeat adds nothing."""
    digest = hashlib.sha256(f"{url}\n{status}\n{body}".encode()).hexdigest()
    path = kolada_dir(settings) / "sidor" / f"{digest}.json"
    if not path.exists():
        write_json(path, {"url": url, "fetched_at": fetched_at, "status": status, "body": body})
    return path


# --- export files (inbox/kolada) ------------------------------------------------------

def export_file_path(settings: Settings, sha256: str, suffix: str) -> Path:
    return kolada_dir(settings) / "filer" / f"{sha256}{suffix.lower()}"


def keep_export_file(settings: Settings, source: Path, sha256: str, seen_at: str) -> dict:
    """Keep the bytes and the first sighting of an export file; returns that sighting.

    The first sighting's time is the fetch time of the file's values, so re-reading an old
    export never makes its values newer than what was loaded after it."""
    target = export_file_path(settings, sha256, source.suffix)
    if not target.exists():
        copy_file(source, target)
    sighting_path = kolada_dir(settings) / "inkorg" / f"{sha256}.json"
    if sighting_path.exists():
        return read_json(sighting_path)
    sighting = {"sha256": sha256, "filnamn": source.name, "sokvag": str(source), "forst_sedd": seen_at}
    write_json(sighting_path, sighting)
    return sighting


def write_import_report(settings: Settings, report: dict) -> Path:
    """The outcome of one import (content-addressed: the same outcome adds nothing)."""
    text = json.dumps(report, ensure_ascii=False, sort_keys=True)
    path = kolada_dir(settings) / "importer" / f"{hashlib.sha256(text.encode()).hexdigest()}.json"
    if not path.exists():
        write_json(path, report)
    return path
