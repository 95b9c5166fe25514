"""The extracted fact: the contract between extraction, the raw layer and dbt.

SPEC fixes the required keys; the optional keys below are ours and every consumer
(raw layer Parquet, dbt staging, ``kommunlager extract``) reads them from here.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

import pyarrow as pa

SCHEMAS = ("ekonomi", "personal", "maluppfyllelse", "verksamhet")
SCENARIOS = (
    "utfall", "budget", "prognos", "avvikelse", "bokslut", "forandring", "malvarde", "utgangsvarde",
)
KON = ("T", "K", "M")
METHODS = ("table", "narrative")
# Result of checking a table against its own identities (sums, budget - prognos = avvikelse).
CHECKS = ("ok", "fel", "ej_kontrollerad")


@dataclass
class Fact:
    # --- required (SPEC) ---
    document: str
    page: int | None
    schema: str
    label: str
    column: str
    scenario: str | None
    year: int | None
    period_end: str | None
    kon: str | None
    value: float | None
    unit: str
    evidence: str
    method: str
    # --- optional (ours) ---
    measure: str | None = None          # canonical measure key from the vocabulary, e.g. nettokostnad
    area: str | None = None             # verksamhetsområde as printed; None = the whole nämnd
    goal: str | None = None             # the mål an indicator belongs to (maluppfyllelse)
    category: str | None = None         # a further split as printed: age band, insats, yrkesgrupp …
    comparator: str | None = None       # <, <=, >, >=, = in a målvärde such as "<6%"
    status: str | None = None           # printed status (uppdrag: Pågående …; mål: Uppfyllt …)
    raw_value: str | None = None        # the cell text exactly as printed
    raw_unit: str | None = None         # the unit word as printed (tkr, mnkr, %)
    table_id: str | None = None         # document-local table id, e.g. "p11t1"
    row: int | None = None
    col: int | None = None
    check: str = "ej_kontrollerad"      # one of CHECKS
    check_detail: str | None = None
    confidence: float | None = None
    period_type: str | None = None      # manad | tertial | kvartal | delar | helar
    kommun_kod: str | None = None
    namnd: str | None = None
    bbox: list[float] | None = field(default=None)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


FACT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Fact))

# Arrow schema of the raw-layer fact files; the warehouse staging reads exactly these columns.
FACT_ARROW_SCHEMA = pa.schema(
    [
        ("document", pa.string()),
        ("page", pa.int32()),
        ("schema", pa.string()),
        ("label", pa.string()),
        ("column", pa.string()),
        ("scenario", pa.string()),
        ("year", pa.int32()),
        ("period_end", pa.string()),
        ("kon", pa.string()),
        ("value", pa.float64()),
        ("unit", pa.string()),
        ("evidence", pa.string()),
        ("method", pa.string()),
        ("measure", pa.string()),
        ("area", pa.string()),
        ("goal", pa.string()),
        ("category", pa.string()),
        ("comparator", pa.string()),
        ("status", pa.string()),
        ("raw_value", pa.string()),
        ("raw_unit", pa.string()),
        ("table_id", pa.string()),
        ("row", pa.int32()),
        ("col", pa.int32()),
        ("check", pa.string()),
        ("check_detail", pa.string()),
        ("confidence", pa.float64()),
        ("period_type", pa.string()),
        ("kommun_kod", pa.string()),
        ("namnd", pa.string()),
        ("bbox", pa.list_(pa.float64())),
    ]
)
assert tuple(FACT_ARROW_SCHEMA.names) == FACT_FIELDS, "FACT_ARROW_SCHEMA out of step with Fact"


def facts_to_table(facts: list[Fact], **extra: Any) -> pa.Table:
    """Facts as an Arrow table in FACT_ARROW_SCHEMA (plus constant extra columns)."""
    rows = [f.to_dict() for f in facts]
    table = pa.Table.from_pylist(rows, schema=FACT_ARROW_SCHEMA)
    for name, value in extra.items():
        table = table.append_column(name, pa.array([value] * len(rows), type=pa.string()))
    return table
