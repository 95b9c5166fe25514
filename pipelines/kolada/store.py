"""Kolada in the raw layer: the file layout and Arrow schemas every Kolada source writes.

    lake/kolada/sidor/<sha256>.json                 one raw API response page as received
    lake/kolada/varden/<sha256>.parquet             normalised values of one load (VALUE_SCHEMA)
    lake/kolada/meta/<entity>/<sha256>.parquet      metadata of one load (kpi, municipality, …)

Value and metadata files are content-addressed over their rows (not the fetch time), so
loading the same data twice adds no file, and a revised value arrives as a new file while
the old one stays: the warehouse keeps the newest value per key, the lake keeps history.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipelines.config import Settings
from pipelines.warehouse.lake import write_json, write_parquet

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
        ("source", pa.string()),       # api | snapshot:<file> | export:<file>
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


def kolada_dir(settings: Settings) -> Path:
    return settings.lake_dir / "kolada"


def _content_hash(table: pa.Table, ignore: tuple[str, ...] = ()) -> str:
    keep = table.drop_columns([c for c in ignore if c in table.column_names])
    sink = io.BytesIO()
    pq.write_table(keep, sink)
    return hashlib.sha256(sink.getvalue()).hexdigest()


def write_values(settings: Settings, table: pa.Table) -> Path | None:
    """Store one load of values; None when the identical rows are already stored."""
    table = table.cast(VALUE_SCHEMA)
    digest = _content_hash(table, ignore=("fetched_at",))
    path = kolada_dir(settings) / "varden" / f"{digest}.parquet"
    if path.exists():
        return None
    write_parquet(path, table)
    return path


def write_meta(settings: Settings, entity: str, table: pa.Table) -> Path | None:
    table = table.cast(META_SCHEMAS[entity])
    digest = _content_hash(table)
    path = kolada_dir(settings) / "meta" / entity / f"{digest}.parquet"
    if path.exists():
        return None
    write_parquet(path, table)
    return path


def write_page(settings: Settings, url: str, fetched_at: str, status: int, body: str) -> Path:
    digest = hashlib.sha256(f"{url}\n{body}".encode()).hexdigest()
    path = kolada_dir(settings) / "sidor" / f"{digest}.json"
    if not path.exists():
        write_json(path, {"url": url, "fetched_at": fetched_at, "status": status, "body": body})
    return path
