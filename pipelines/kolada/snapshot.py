"""Loading Kolada from a snapshot folder (offline), in the shapes of ``store``.

The snapshot folder holds files as they are kept in ``../shared/kolada/samples``: the v3
municipality list and KPI catalogue as CSV, municipality groups as a v3 JSON envelope, KPI
groups as a JSON list or envelope (``*kpi_groups*.json``), v3 data envelopes
(``v3_data_*.json``) and long value CSVs (``*values*.csv``). A file that cannot be read is
one line in ``problems``; the other files still load.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv

from pipelines.kolada.rows import as_bool, meta_table, values_from_envelope
from pipelines.kolada.store import META_SCHEMAS, VALUE_SCHEMA


@dataclass
class SnapshotLoad:
    meta: dict[str, pa.Table] = field(default_factory=dict)
    values: list[pa.Table] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _read_csv(path: Path) -> pa.Table:
    """Every column as text (ids keep their leading zeros); types are cast where known."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        header = next(csv.reader(fh))
    opts = pacsv.ConvertOptions(column_types={name: pa.string() for name in header}, strings_can_be_null=False)
    return pacsv.read_csv(path, convert_options=opts)


def _meta_from_csv(entity: str, path: Path) -> pa.Table:
    table = _read_csv(path)
    schema = META_SCHEMAS[entity]
    cols = {}
    for f in schema:
        raw = table.column(f.name).to_pylist() if f.name in table.column_names else [None] * table.num_rows
        raw = [None if v == "" else v for v in raw]
        cols[f.name] = [as_bool(v) for v in raw] if pa.types.is_boolean(f.type) else raw
    return pa.table(cols, schema=schema)


def _groups_from_json(entity: str, path: Path) -> pa.Table:
    data = json.loads(path.read_text(encoding="utf-8"))
    items = data.get("values", []) if isinstance(data, dict) else data
    return meta_table(entity, items)


def _values_from_csv(path: Path, fetched_at: str) -> pa.Table:
    table = _read_csv(path)
    names = table.column_names
    col = lambda *cands: next((table.column(c).to_pylist() for c in cands if c in names), [None] * table.num_rows)  # noqa: E731
    values = [None if v in (None, "") else float(v) for v in col("value")]
    status = col("status")
    counts = [None if v in (None, "") else int(v) for v in col("count")]
    return pa.table(
        {
            "kpi": col("kpi"),
            "municipality": col("municipality_id", "municipality"),
            "period": [int(v) for v in col("year", "period")],
            "gender": col("gender"),
            "value": values,
            # A null value in a snapshot without a status column is what the API calls Missing.
            "status": [s if s not in (None, "") else ("Missing" if v is None else "") for s, v in zip(status, values)],
            "count": counts,
            "isdeleted": [None] * table.num_rows,
            "source": [f"snapshot:{path.name}"] * table.num_rows,
            "fetched_at": [fetched_at] * table.num_rows,
        },
        schema=VALUE_SCHEMA,
    )


def _load_one(load: SnapshotLoad, path: Path, fetched_at: str, values: bool) -> bool:
    name = path.name
    if name.startswith("v3_municipality_groups") and name.endswith(".json"):
        load.meta["municipality_groups"] = _groups_from_json("municipality_groups", path)
    elif "kpi_groups" in name and name.endswith(".json"):
        load.meta["kpi_groups"] = _groups_from_json("kpi_groups", path)
    elif name.startswith("v3_municipality") and name.endswith(".csv"):
        load.meta["municipality"] = _meta_from_csv("municipality", path)
    elif name.startswith("v3_kpi_catalog") and name.endswith(".csv"):
        load.meta["kpi"] = _meta_from_csv("kpi", path)
    elif values and name.startswith("v3_data_") and name.endswith(".json"):
        body = json.loads(path.read_text(encoding="utf-8"))
        load.values.append(values_from_envelope(body, f"snapshot:{name}", fetched_at))
    elif values and "values" in name and name.endswith(".csv"):
        load.values.append(_values_from_csv(path, fetched_at))
    else:
        return False
    return True


def load_snapshot(folder: Path, fetched_at: str, *, values: bool = True) -> SnapshotLoad:
    """Every snapshot file in ``folder``; ``values=False`` reads the metadata only."""
    load = SnapshotLoad()
    for path in sorted(folder.iterdir()):
        try:
            if _load_one(load, path, fetched_at, values):
                load.files.append(path.name)
        except (OSError, ValueError, KeyError, TypeError, pa.ArrowException) as exc:
            load.problems.append(f"{path.name}: kunde inte läsas som Kolada-ögonblicksbild ({type(exc).__name__}: {exc})")
    return load
