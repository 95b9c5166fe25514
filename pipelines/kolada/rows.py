"""Kolada v3 response bodies → rows in the shapes of ``store`` (one place for the mapping).

Values: ``{"values": [{"kpi", "municipality" | "ou", "period", "values": [{gender, count,
status, value, isdeleted?}]}]}`` → one row per inner value. Null values and status
``Missing`` are kept; a record or value that cannot become a row is reported as a one-line
problem, never dropped silently.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

import pyarrow as pa

from pipelines.kolada.store import META_SCHEMAS, VALUE_SCHEMA

GENDERS = frozenset({"T", "K", "M"})
VALUE_FIELDS = ("kpi", "municipality", "period", "gender", "value", "status", "count", "isdeleted")
KEY_FIELDS = ("kpi", "municipality", "period", "gender")
_INT = re.compile(r"^\d{4}$")


def _number(v: object) -> tuple[bool, float | None]:
    if v is None:
        return True, None
    if isinstance(v, bool):
        return False, None
    if isinstance(v, (int, float)):
        f = float(v)
        return (True, f) if math.isfinite(f) else (False, None)
    return False, None


def _count(v: object) -> tuple[bool, int | None]:
    if v is None:
        return True, None
    if isinstance(v, bool):
        return False, None
    if isinstance(v, int) or (isinstance(v, float) and v.is_integer()):
        return True, int(v)
    return False, None


def value_rows(body: dict, where: str = "") -> tuple[list[dict], list[str]]:
    """Rows (VALUE_FIELDS) of one v3 data page, and one problem line per record/value left out."""
    rows: list[dict] = []
    problems: list[str] = []
    prefix = f"{where}: " if where else ""
    records = body.get("values")
    if not isinstance(records, list):
        return rows, [f"{prefix}svaret saknar listan 'values' (no values list)"]
    for i, rec in enumerate(records):
        if not isinstance(rec, dict):
            problems.append(f"{prefix}post {i}: inte ett objekt (record is not an object)")
            continue
        kpi = rec.get("kpi")
        unit = rec.get("municipality", rec.get("ou"))
        period = rec.get("period")
        if isinstance(period, str) and _INT.match(period.strip()):
            period = int(period)
        if not isinstance(kpi, str) or not isinstance(unit, str) or not isinstance(period, int) or isinstance(period, bool):
            problems.append(
                f"{prefix}post {i}: saknar kpi/municipality/period "
                f"(kpi={kpi!r}, municipality={unit!r}, period={period!r})"
            )
            continue
        inner = rec.get("values")
        if not isinstance(inner, list):
            problems.append(f"{prefix}post {i} ({kpi} {unit} {period}): 'values' är inte en lista")
            continue
        for v in inner:
            what = f"{prefix}{kpi} {unit} {period}"
            if not isinstance(v, dict):
                problems.append(f"{what}: värdet är inte ett objekt (value is not an object)")
                continue
            gender = v.get("gender")
            ok_value, value = _number(v.get("value"))
            ok_count, count = _count(v.get("count"))
            if gender not in GENDERS:
                problems.append(f"{what}: okänt kön {gender!r} (expected T, K or M)")
                continue
            if not ok_value:
                problems.append(f"{what} {gender}: värdet {v.get('value')!r} är inte ett tal (not a number)")
                continue
            if not ok_count:
                problems.append(f"{what} {gender}: count {v.get('count')!r} är inte ett heltal")
                continue
            status = v.get("status")
            rows.append(
                {
                    "kpi": kpi, "municipality": unit, "period": period, "gender": gender, "value": value,
                    "status": None if status is None else str(status), "count": count,
                    "isdeleted": as_bool(v.get("isdeleted", v.get("is_deleted"))),
                }
            )
    return rows, problems


def duplicate_problems(rows: Iterable[dict], where: str = "") -> list[str]:
    """One line per key that appears twice with different content (the API should never do this)."""
    seen: dict[tuple, tuple] = {}
    problems = []
    prefix = f"{where}: " if where else ""
    for r in rows:
        key = tuple(r[k] for k in KEY_FIELDS)
        content = (r["value"], r["status"], r["count"], r["isdeleted"])
        if key in seen and seen[key] != content:
            problems.append(f"{prefix}{' '.join(map(str, key))}: två olika värden i samma svar ({seen[key][0]} och {content[0]})")
        seen.setdefault(key, content)
    return problems


def values_table(rows: list[dict], source: str, fetched_at: str) -> pa.Table:
    cols = {name: [r[name] for r in rows] for name in VALUE_FIELDS}
    cols["source"] = [source] * len(rows)
    cols["fetched_at"] = [fetched_at] * len(rows)
    return pa.table(cols, schema=VALUE_SCHEMA)


def values_from_envelope(body: dict, source: str, fetched_at: str) -> pa.Table:
    """A v3 data envelope as a VALUE_SCHEMA table (problems ignored: for trusted files)."""
    rows, _ = value_rows(body)
    return values_table(rows, source, fetched_at)


# --- metadata -----------------------------------------------------------------------

def as_bool(v: object) -> bool | None:
    """A flag as Kolada sends it: v3 bool, v2 0/1, CSV text ``true``/``1``/``yes``; blank is None."""
    if v is None or v == "":
        return None
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, float)):
        return bool(v)
    return str(v).strip().lower() in {"true", "1", "yes"}


def _text(v: object) -> str | None:
    if v is None:
        return None
    if isinstance(v, list):  # v2 sent some fields as lists; v3 as single values
        return ",".join(str(x) for x in v)
    return str(v)


def meta_table(entity: str, items: list[dict]) -> pa.Table:
    """Metadata items of ``entity`` (kpi, municipality, municipality_groups, kpi_groups)."""
    schema = META_SCHEMAS[entity]
    if entity.endswith("_groups"):
        rows = [
            {"group_id": _text(g.get("id")), "group_title": _text(g.get("title")),
             "member_id": _text(m.get("member_id", m.get("id"))),
             "member_title": _text(m.get("member_title", m.get("title")))}
            for g in items
            for m in (g.get("members") or [])
        ]
        return pa.Table.from_pylist(rows, schema=schema)
    rows = []
    for item in items:
        row = {}
        for f in schema:
            raw = item.get(f.name)
            if f.name == "auspice" and raw is None:
                raw = item.get("auspices")  # v2 name
            row[f.name] = as_bool(raw) if pa.types.is_boolean(f.type) else _text(raw)
        rows.append(row)
    return pa.Table.from_pylist(rows, schema=schema)
