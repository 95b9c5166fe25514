"""Loading Kolada from a snapshot folder (offline), in the shapes of ``store``.

The snapshot folder holds files as they are kept in ``../shared/kolada/samples``: the v3
municipality list and KPI catalogue as CSV, municipality/KPI groups as v3 JSON envelopes,
v3 data envelopes (``v3_data_*.json``) and long value CSVs (``*values*.csv``).
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv

from pipelines.kolada.store import META_SCHEMAS, VALUE_SCHEMA


@dataclass
class SnapshotLoad:
    meta: dict[str, pa.Table] = field(default_factory=dict)
    values: list[pa.Table] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def _read_csv(path: Path) -> pa.Table:
    """Every column as text (ids keep their leading zeros); types are cast where known."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        header = next(csv.reader(fh))
    opts = pacsv.ConvertOptions(column_types={name: pa.string() for name in header}, strings_can_be_null=False)
    return pacsv.read_csv(path, convert_options=opts)


def _bool(values: list[str | None]) -> list[bool | None]:
    return [None if v in (None, "") else v.strip().lower() in {"true", "1"} for v in values]


def _meta_from_csv(entity: str, path: Path) -> pa.Table:
    table = _read_csv(path)
    schema = META_SCHEMAS[entity]
    cols = {}
    for f in schema:
        raw = table.column(f.name).to_pylist() if f.name in table.column_names else [None] * table.num_rows
        raw = [None if v == "" else v for v in raw]
        cols[f.name] = _bool(raw) if pa.types.is_boolean(f.type) else raw
    return pa.table(cols, schema=schema)


def _groups_from_json(path: Path) -> pa.Table:
    data = json.loads(path.read_text(encoding="utf-8"))
    rows = [
        {"group_id": g["id"], "group_title": g["title"], "member_id": m["member_id"], "member_title": m["member_title"]}
        for g in data.get("values", [])
        for m in g.get("members", [])
    ]
    return pa.Table.from_pylist(rows, schema=META_SCHEMAS["municipality_groups"])


def values_from_envelope(body: dict, source: str, fetched_at: str) -> pa.Table:
    """Rows of a v3 data envelope ``{"values": [{kpi, municipality, period, values: [...]}]}``."""
    rows = []
    for rec in body.get("values", []):
        for v in rec.get("values", []):
            rows.append(
                {
                    "kpi": rec["kpi"], "municipality": rec.get("municipality") or rec.get("ou"),
                    "period": int(rec["period"]), "gender": v.get("gender"), "value": v.get("value"),
                    "status": v.get("status"), "count": v.get("count"), "isdeleted": v.get("isdeleted"),
                    "source": source, "fetched_at": fetched_at,
                }
            )
    return pa.Table.from_pylist(rows, schema=VALUE_SCHEMA)


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


def load_snapshot(folder: Path, fetched_at: str) -> SnapshotLoad:
    load = SnapshotLoad()
    for path in sorted(folder.iterdir()):
        name = path.name
        if name.startswith("v3_municipality_groups") and name.endswith(".json"):
            load.meta["municipality_groups"] = _groups_from_json(path)
        elif name.startswith("v3_municipality") and name.endswith(".csv"):
            load.meta["municipality"] = _meta_from_csv("municipality", path)
        elif name.startswith("v3_kpi_catalog") and name.endswith(".csv"):
            load.meta["kpi"] = _meta_from_csv("kpi", path)
        elif name.startswith("v3_data_") and name.endswith(".json"):
            body = json.loads(path.read_text(encoding="utf-8"))
            load.values.append(values_from_envelope(body, f"snapshot:{name}", fetched_at))
        elif "values" in name and name.endswith(".csv"):
            load.values.append(_values_from_csv(path, fetched_at))
        else:
            continue
        load.files.append(name)
    return load
