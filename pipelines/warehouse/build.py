"""Building a new warehouse file from the raw layer.

Each run builds into its own file under ``warehouse/.bygg/`` (so two runs never write the
same DuckDB file); ``stage_raw`` copies the lake into schema ``raw`` of that file, dbt
builds staging → marts on top, the checks read it, and ``publish`` renames it over the
published warehouse.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from pipelines.config import Settings
from pipelines.warehouse.fingerprint import code_fingerprint, input_fingerprint, quick_fingerprint, write_fingerprint
from pipelines.kolada.store import META_SCHEMAS, VALUE_SCHEMA, kolada_dir
from pipelines.quality.quarantine import quarantine
from pipelines.reports.model import FACT_ARROW_SCHEMA
from pipelines.reports.intake import lake

_SAFE = re.compile(r"[^A-Za-z0-9_-]")

INKORG_SCHEMA = pa.schema(
    [("sha256", pa.string()), ("filnamn", pa.string()), ("sokvag", pa.string()), ("storlek", pa.int64()),
     ("kommun_kod_mapp", pa.string()), ("sedd", pa.string()), ("intag", pa.string()), ("i_inkorgen", pa.bool_())]
)
DOKUMENT_SCHEMA = pa.schema(
    [("sha256", pa.string()), ("filnamn", pa.string()), ("storlek", pa.int64()), ("format", pa.string()),
     ("kommun_kod", pa.string()), ("kommun", pa.string()), ("namnd", pa.string()), ("dokumenttyp", pa.string()),
     ("period_typ", pa.string()), ("period_slut", pa.string()), ("ar", pa.int32()), ("sidor", pa.int32()),
     ("bildsidor", pa.list_(pa.int32())), ("status", pa.string()), ("orsak", pa.string()),
     ("varningar", pa.list_(pa.string())), ("extraktor_version", pa.string()), ("extraherad", pa.string())]
)
FAKTA_SCHEMA = FACT_ARROW_SCHEMA.append(pa.field("dokument_id", pa.string()))
def duckdb_config(settings: Settings) -> dict[str, str]:
    """DuckDB settings of every connection that writes a warehouse file: its memory bounded
    (``KOMMUNLAGER_DUCKDB_MEMORY_LIMIT``; dbt gets the same limit through profiles.yml), so a
    large load spills to disk instead of growing without end."""
    return {"memory_limit": settings.limits.duckdb_memory_limit}


def build_path(settings: Settings, run_id: str) -> Path:
    return settings.build_dir / f"{_SAFE.sub('_', run_id)}.duckdb"


@dataclass
class RawTable:
    name: str
    schema: pa.Schema
    files: list[Path]


def _json_table(paths: list[Path], schema: pa.Schema) -> pa.Table:
    rows = []
    for p in paths:
        data = json.loads(p.read_text(encoding="utf-8"))
        rows.append({f.name: data.get(f.name) for f in schema})
    return pa.Table.from_pylist(rows, schema=schema)


def _sightings_table(settings: Settings) -> pa.Table:
    """The sightings, each marked with whether the last scan found its file (lake.in_inbox)."""
    table = _json_table(sorted((settings.lake_dir / "inkorg").glob("*.json")), INKORG_SCHEMA.remove(7))
    here = lake.in_inbox(settings)
    return table.append_column(INKORG_SCHEMA.field("i_inkorgen"),
                               pa.array([here(p) for p in table.column("sokvag").to_pylist()], type=pa.bool_()))


def _parquet_table(paths: list[Path], schema: pa.Schema) -> pa.Table:
    if not paths:
        return schema.empty_table()
    tables = [pq.read_table(p).select(schema.names).cast(schema) for p in paths]
    return pa.concat_tables(tables)


# The id a metadata row describes: a later load replaces what an earlier one said of it.
META_KEYS = {"kpi": "id", "municipality": "id", "municipality_groups": "group_id", "kpi_groups": "group_id"}


def _merged_meta(paths: list[Path], schema: pa.Schema, key: str) -> pa.Table:
    """Metadata of all loads, the newest load's rows per id (for groups: its whole member list).

    Loads differ in scope (the snapshot has the whole KPI catalogue, an API load only the
    configured KPIs), so taking only the newest file would drop KPIs that values still refer to.
    Files are ordered by when they were first written: a revision is a newer file."""
    by_id: dict[str, list[dict]] = {}
    for path in sorted(paths, key=lambda p: (p.stat().st_mtime, p.name)):
        rows_of_load: dict[str, list[dict]] = {}
        for row in pq.read_table(path).select(schema.names).cast(schema).to_pylist():
            rows_of_load.setdefault(row[key], []).append(row)
        by_id.update(rows_of_load)
    return pa.Table.from_pylist([r for rows in by_id.values() for r in rows], schema=schema)


RAW_TABLES = (
    "inkorg", "dokument", "rapport_fakta", "kolada_varden",
    *(f"kolada_{entity}" for entity in META_SCHEMAS),
    "karantan",
)


def raw_tables(settings: Settings, extractor_version: str, *, direct: bool = True) -> dict[str, pa.Table]:
    """Everything the warehouse is built from, as Arrow tables (the raw layer, read).

    ``direct=False`` leaves out DIRECT_TABLES, which ``stage_raw`` has DuckDB read itself."""
    facts_dir = lake.extraction_dir(settings, extractor_version)
    kdir = kolada_dir(settings)
    tables = {
        "inkorg": _sightings_table(settings),
        "dokument": _json_table(sorted(facts_dir.glob("*.json")), DOKUMENT_SCHEMA),
        "rapport_fakta": _parquet_table(sorted(facts_dir.glob("*.parquet")), FAKTA_SCHEMA),
    }
    if direct:
        tables["kolada_varden"] = _parquet_table(kolada_value_files(settings), VALUE_SCHEMA)
    for entity, schema in META_SCHEMAS.items():
        paths = list((kdir / "meta" / entity).glob("*.parquet"))
        tables[f"kolada_{entity}"] = _merged_meta(paths, schema, META_KEYS[entity])
    tables["rapport_fakta"] = _with_fact_ids(tables["rapport_fakta"])
    # each document's quarantine outcome is kept in the lake: a night judges only new documents
    tables["karantan"] = quarantine(tables, cache=settings.lake_dir / "karantan")
    assert set(tables) == set(RAW_TABLES) - (set() if direct else set(DIRECT_TABLES))
    return tables


def _with_fact_ids(facts: pa.Table) -> pa.Table:
    """fakta_id = <dokument_id>:<row number within the document's fact file>."""
    ids, counters = [], {}
    for doc in facts.column("dokument_id").to_pylist():
        n = counters.get(doc, 0)
        counters[doc] = n + 1
        ids.append(f"{doc}:{n}")
    return facts.append_column("fakta_id", pa.array(ids, type=pa.string()))


def kolada_value_files(settings: Settings) -> list[Path]:
    return sorted((kolada_dir(settings) / "varden").glob("*.parquet"))


# Tables DuckDB reads straight from the lake's Parquet files when staging, never held in
# Python: they grow with every load (1 M Kolada values took 1.7 GB as Arrow + DuckDB copies)
# and no row-level quarantine applies to them.
DIRECT_TABLES = {"kolada_varden": (kolada_value_files, VALUE_SCHEMA)}

_DUCKDB_TYPES = {pa.string(): "varchar", pa.int32(): "integer", pa.int64(): "bigint",
                 pa.float64(): "double", pa.bool_(): "boolean"}


def _stage_direct(con: duckdb.DuckDBPyConnection, name: str, files: list[Path], schema: pa.Schema) -> int:
    if not files:
        con.register("_staged", schema.empty_table())
        con.execute(f"create table raw.{name} as select * from _staged")
        con.unregister("_staged")
        return 0
    columns = ", ".join(f'cast("{f.name}" as {_DUCKDB_TYPES[f.type]}) as "{f.name}"' for f in schema)
    listing = ", ".join("'" + str(p).replace("'", "''") + "'" for p in files)
    con.execute(f"create table raw.{name} as select {columns} from read_parquet([{listing}], union_by_name = true)")
    return con.execute(f"select count(*) from raw.{name}").fetchone()[0]


@dataclass
class PreparedRaw:
    """The raw layer read for one build, and its input fingerprints (``fingerprint.py``)."""
    tables: dict[str, pa.Table]
    fingerprint: str
    quick: str


def prepare_raw(settings: Settings, extractor_version: str, code: str | None = None,
                quick: str | None = None) -> PreparedRaw:
    """Read the raw layer and fingerprint it; ``code`` and ``quick`` when the caller has
    already taken them (the code is hashed once per build)."""
    code = code or code_fingerprint()
    quick = quick or quick_fingerprint(settings, extractor_version, code)
    tables = raw_tables(settings, extractor_version, direct=False)
    direct = {name: files(settings) for name, (files, _) in DIRECT_TABLES.items()}
    return PreparedRaw(tables, input_fingerprint(tables, direct, code), quick)


def stage_raw(settings: Settings, db_path: Path, extractor_version: str,
              prepared: PreparedRaw | None = None) -> dict[str, int]:
    """Create ``db_path`` afresh with schema ``raw`` holding the raw layer, and its input
    fingerprint in ``raw.lager_indata``. Returns row counts."""
    prepared = prepared or prepare_raw(settings, extractor_version)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    for stale in (db_path, db_path.with_suffix(".duckdb.wal")):
        stale.unlink(missing_ok=True)
    counts: dict[str, int] = {}
    con = duckdb.connect(str(db_path), config=duckdb_config(settings))
    try:
        con.execute("create schema raw")
        for name, table in prepared.tables.items():
            con.register("_staged", table)
            con.execute(f"create table raw.{name} as select * from _staged")
            con.unregister("_staged")
            counts[name] = table.num_rows
        for name, (files, schema) in DIRECT_TABLES.items():
            counts[name] = _stage_direct(con, name, files(settings), schema)
        write_fingerprint(con, prepared.fingerprint, prepared.quick)
        con.execute("checkpoint")
    finally:
        con.close()
    return {name: counts[name] for name in RAW_TABLES}
